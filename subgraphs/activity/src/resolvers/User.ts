import { forbidden, pageSize } from '@shop/platform';
import { distinctViewedProducts, historyReadLimit } from '../domain/history';
import type { UserResolvers } from '../generated/resolvers-types';
import { canReadUserHistory } from './access';
import { RECENTLY_VIEWED_PAGE } from './Query';

export const User: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  recentlyViewed: async ({ id }, { first }, { identity, loaders }) => {
    if (!canReadUserHistory(identity, id)) throw forbidden("Only the user themself may read their history");
    const size = pageSize(first, RECENTLY_VIEWED_PAGE);
    const history = await loaders.history(historyReadLimit(size)).load(`user:${id}`);
    return distinctViewedProducts(history, size).map((productId) => ({ id: productId }));
  },
};
