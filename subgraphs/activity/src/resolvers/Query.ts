import { badInput, pageSize } from '@shop/platform';
import { parseShopperKey } from '../domain/shopper';
import { distinctViewedProducts, historyReadLimit } from '../domain/history';
import { MAX_TRENDING, trending } from '../use-cases/trending';
import type { QueryResolvers } from '../generated/resolvers-types';
import { requireService, requireShopper } from './access';

const CATEGORY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const RECENTLY_VIEWED_PAGE = { defaultSize: 10, max: 50 };

export const Query: QueryResolvers = {
  trending: async (_parent, { first, category }, { deps }) => {
    const size = pageSize(first, { defaultSize: 12, max: MAX_TRENDING });
    if (category !== null && category !== undefined && !CATEGORY.test(category)) {
      throw badInput('category must be a category id (letters, digits, . _ : -; at most 64)', 'category');
    }
    const ids = await trending(deps, size, category ?? null);
    return ids.map((id) => ({ id }));
  },

  recentlyViewed: async (_parent, { first }, { identity, loaders }) => {
    const size = pageSize(first, RECENTLY_VIEWED_PAGE);
    const shopper = requireShopper(identity);
    const history = await loaders.history(historyReadLimit(size)).load(shopper);
    return distinctViewedProducts(history, size).map((id) => ({ id }));
  },

  recentActivity: async (_parent, { shopper, first }, { identity, loaders }) => {
    requireService(identity);
    const size = pageSize(first, { defaultSize: 50, max: 500 });
    const key = parseShopperKey(shopper, 'shopper');
    return (await loaders.history(size).load(key)).slice(0, size);
  },
};
