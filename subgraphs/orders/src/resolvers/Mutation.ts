import { advanceOrderStatus } from '../domain/advance-order-status';
import { cancelOrder } from '../domain/cancel-order';
import { placeOrder } from '../domain/place-order';
import type { MutationResolvers } from '../generated/resolvers-types';
import { requireCustomer } from './access';

export const Mutation: MutationResolvers = {
  placeOrder: (_parent, { input }, { viewer, checkout }) =>
    placeOrder(checkout, { customer: requireCustomer(viewer), isGuest: viewer.isGuest, sessionRegion: viewer.region, input }),
  cancelOrder: (_parent, { id }, { viewer, checkout }) => {
    requireCustomer(viewer);
    return cancelOrder(checkout, viewer, id);
  },
  advanceOrderStatus: (_parent, { id, status }, { viewer, checkout }) => advanceOrderStatus(checkout, viewer, id, status),
};
