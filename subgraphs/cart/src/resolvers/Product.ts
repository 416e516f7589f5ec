import { shopperKey } from '@shop/platform';
import type { Context } from '../context';
import { linesOfProduct } from '../domain/cart';
import { cartRegion } from '../domain/owner';
import type { ProductResolvers } from '../generated/resolvers-types';
import { soldLines } from '../use-cases/lookups';

/** The current shopper's cart; partners and services have none. One Redis read per request. */
const ownCart = (ctx: Context) => {
  const owner = shopperKey(ctx.identity);
  return owner ? ctx.loaders.cartByOwner.load(owner) : Promise.resolve(null);
};

export const Product: ProductResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  cartQuantity: async (product, _args, ctx) =>
    linesOfProduct(await ownCart(ctx), product.id).reduce((sum, line) => sum + line.quantity, 0),
  cartLines: async (product, _args, ctx) =>
    soldLines(ctx, linesOfProduct(await ownCart(ctx), product.id), cartRegion(ctx.identity, null)),
};
