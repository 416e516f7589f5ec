import type { ProductResolvers } from '../generated/resolvers-types';
import { similarPageSize } from './limits';

export const Product: ProductResolvers = {
  // Products are catalog's: anything asked for by id is answered (similar is empty when unknown).
  __resolveReference: ({ id }) => ({ id }),
  similar: async ({ id }, { first }, { loaders }) => {
    const ids = await loaders.similar.load({ productId: id, first: similarPageSize(first) });
    return ids.map((productId) => ({ id: productId }));
  },
};
