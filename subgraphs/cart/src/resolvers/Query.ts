import type { QueryResolvers } from '../generated/resolvers-types';
import { cartOfOwner } from '../use-cases/owner-cart';
import { readCart } from '../use-cases/shopper-cart';

export const Query: QueryResolvers = {
  cart: (_parent, args, ctx) => readCart(ctx, args),
  cartOfOwner: (_parent, args, ctx) => cartOfOwner(ctx, args),
};
