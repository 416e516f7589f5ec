import type { MutationResolvers } from '../generated/resolvers-types';
import { clearCartOfOwner, mergeCarts } from '../use-cases/owner-cart';
import { clearCart, removeLine, writeLine } from '../use-cases/shopper-cart';

export const Mutation: MutationResolvers = {
  addToCart: (_parent, args, ctx) => writeLine(ctx, { ...args, mode: 'add' }),
  updateCartLine: (_parent, args, ctx) => writeLine(ctx, { ...args, mode: 'set' }),
  removeFromCart: (_parent, args, ctx) => removeLine(ctx, args),
  clearCart: (_parent, args, ctx) => clearCart(ctx, args),
  clearCartOfOwner: (_parent, args, ctx) => clearCartOfOwner(ctx, args),
  mergeCarts: (_parent, args, ctx) => mergeCarts(ctx, args),
};
