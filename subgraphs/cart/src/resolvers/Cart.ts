import { totalQuantity } from '../domain/cart';
import { cartIdOf } from '../domain/owner';
import { subtotal } from '../domain/totals';
import type { CartResolvers } from '../generated/resolvers-types';
import { soldLines, variantsOf, warningsOf } from '../use-cases/lookups';

export const Cart: CartResolvers = {
  id: (cart, _args, ctx) => cartIdOf(cart.owner, ctx.cartIdSecret),
  lines: (cart, _args, ctx) => soldLines(ctx, cart.record?.lines ?? [], cart.region),
  // Counts every stored line, also one the catalog stopped selling (it shows as a warning), so
  // a cart badge needs no catalog call.
  totalQuantity: (cart) => totalQuantity(cart.record),
  subtotal: async (cart, _args, ctx) => {
    const lines = cart.record?.lines ?? [];
    return subtotal(lines, await variantsOf(ctx, lines.map((line) => line.sku)));
  },
  region: (cart) => cart.region,
  expiresAt: (cart) => cart.record?.expiresAt.toISOString() ?? null,
  updatedAt: (cart) => cart.record?.updatedAt.toISOString() ?? null,
  warnings: (cart, _args, ctx) => warningsOf(ctx, cart),
};
