import { forbidden, hasRole } from '@shop/platform';
import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.userById.load(id),
  email: (user, _args, { identity, signedInUserId }) => {
    const own = identity.userId === user.id || signedInUserId === user.id;
    if (!own && !hasRole(identity, 'admin', 'service')) throw forbidden('Only the user can see their email');
    return user.email;
  },
  createdAt: (user) => user.createdAt.toISOString(),
};
