import type { CartPayloadResolvers } from '../generated/resolvers-types';
import { warningsOf } from '../use-cases/lookups';

export const CartPayload: CartPayloadResolvers = {
  warnings: (payload, _args, ctx) => warningsOf(ctx, payload.cart),
};
