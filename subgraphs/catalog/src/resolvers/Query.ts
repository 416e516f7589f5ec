import { badInput } from '@shop/platform';
import type { QueryResolvers } from '../generated/resolvers-types';

const MAX_IDS = 100;

export const Query: QueryResolvers = {
  product: async (_parent, { id, slug }, { loaders, repositories }) => {
    if (id) return loaders.productById.load(id);
    if (slug) return (await repositories.products.findBySlugs([slug]))[0] ?? null;
    throw badInput('Give an id or a slug', 'id');
  },
  productsByIds: async (_parent, { ids }, { loaders }) => {
    if (ids.length > MAX_IDS) throw badInput(`At most ${MAX_IDS} ids`, 'ids');
    return loaders.productById.loadMany(ids).then((results) =>
      results.map((result) => (result instanceof Error ? null : result)),
    );
  },
};
