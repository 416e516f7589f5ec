import { ShopError, toMoney } from '@shop/platform';
import type { Context } from '../context';
import { lineTotal } from '../domain/totals';
import type { CartLineResolvers } from '../generated/resolvers-types';
import type { CartLineModel } from './mappers';

async function currentVariant(line: CartLineModel, ctx: Context) {
  const variant = await ctx.loaders.variantBySku.load(line.sku);
  if (!variant) throw new ShopError('NOT_FOUND', `SKU "${line.sku}" is no longer sold`);
  return variant;
}

export const CartLine: CartLineResolvers = {
  product: (line) => ({ id: line.productId }),
  variant: (line) => ({ sku: line.sku }),
  unitPrice: async (line, _args, ctx) => {
    const variant = await currentVariant(line, ctx);
    return toMoney(variant.priceMinor, variant.currencyCode);
  },
  lineTotal: async (line, _args, ctx) => lineTotal(line.quantity, await currentVariant(line, ctx)),
  addedUnitPrice: (line) => toMoney(line.addedPriceMinor, line.currencyCode),
  available: (line, _args, ctx) => ctx.loaders.stockIn(line.region).load(line.sku),
  addedAt: (line) => line.addedAt.toISOString(),
};
