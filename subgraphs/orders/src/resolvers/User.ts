import { forbidden } from '@shop/platform';
import type { UserResolvers } from '../generated/resolvers-types';
import { orderConnection } from './connection';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  orders: (user, { first, after }, context) => {
    const { viewer } = context;
    const own = viewer.customer === `user:${user.id}`;
    if (!own && !viewer.isAdmin) throw forbidden("Only the user themself can read their orders");
    return orderConnection(context, own ? viewer.owns : [`user:${user.id}`], first, after);
  },
};
