import { notFound } from '@shop/platform';
import { canRead } from '../domain/viewer';
import type { QueryResolvers } from '../generated/resolvers-types';
import { requireCustomer } from './access';
import { orderConnection } from './connection';

export const Query: QueryResolvers = {
  orders: (_parent, { first, after }, context) => {
    requireCustomer(context.viewer);
    return orderConnection(context, context.viewer.owns, first, after);
  },
  order: async (_parent, { id }, context) => {
    requireCustomer(context.viewer);
    const order = await context.loaders.orderById.load(id);
    // Someone else's order is indistinguishable from one that does not exist.
    if (!order || !canRead(context.viewer, order)) throw notFound('No such order');
    return order;
  },
};
