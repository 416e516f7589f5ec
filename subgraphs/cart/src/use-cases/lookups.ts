import type { Region } from '@shop/platform';
import type { Context } from '../context';
import type { CartLineRecord, VariantPrice } from '../domain/cart';
import { cartWarnings, type CartWarning } from '../domain/warnings';
import type { CartLineModel, CartModel } from '../resolvers/mappers';

const unique = (values: readonly string[]) => [...new Set(values)];

function settled<V>(skus: readonly string[], results: Array<V | Error>): Map<string, V> {
  const map = new Map<string, V>();
  results.forEach((result, index) => {
    if (result instanceof Error) throw result;
    map.set(skus[index]!, result);
  });
  return map;
}

/** Current catalog prices of SKUs, batched with every other lookup of the request. */
export async function variantsOf(ctx: Context, skus: readonly string[]): Promise<Map<string, VariantPrice | null>> {
  const keys = unique(skus);
  return settled(keys, await ctx.loaders.variantBySku.loadMany(keys));
}

/** Units available in a region, batched with every other lookup of the request. */
export async function stockOf(ctx: Context, region: Region, skus: readonly string[]): Promise<Map<string, number>> {
  const keys = unique(skus);
  return settled(keys, await ctx.loaders.stockIn(region).loadMany(keys));
}

/** The lines the catalog still sells, ready to resolve as CartLine. */
export async function soldLines(ctx: Context, lines: readonly CartLineRecord[], region: Region): Promise<CartLineModel[]> {
  const variants = await variantsOf(ctx, lines.map((line) => line.sku));
  return lines.filter((line) => variants.get(line.sku)).map((line) => ({ ...line, region }));
}

export async function warningsOf(ctx: Context, cart: CartModel): Promise<CartWarning[]> {
  const lines = cart.record?.lines ?? [];
  if (lines.length === 0) return [];
  const skus = lines.map((line) => line.sku);
  const [variants, stock] = await Promise.all([variantsOf(ctx, skus), stockOf(ctx, cart.region, skus)]);
  return cartWarnings(lines, variants, stock);
}
