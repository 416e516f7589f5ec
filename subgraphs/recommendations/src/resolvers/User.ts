import { forbidden } from '@shop/platform';
import type { UserResolvers } from '../generated/resolvers-types';
import { personalPageSize } from './limits';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  recommended: async ({ id }, { first }, { identity, loaders }) => {
    const self = identity.role === 'shopper' && identity.userId === id;
    if (!self && identity.role !== 'admin' && identity.role !== 'service') throw forbidden('Only this user, an admin or a service may read their recommendations');
    const items = await loaders.forShopper.load({ shopper: `user:${id}`, first: personalPageSize(first) });
    return items.map((item) => ({ id: item.productId }));
  },
};
