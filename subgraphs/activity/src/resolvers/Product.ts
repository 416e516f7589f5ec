import type { ProductResolvers } from '../generated/resolvers-types';

export const Product: ProductResolvers = {
  // Activity keeps no product data of its own: the reference is the product.
  __resolveReference: ({ id }) => ({ id }),
  viewCount: ({ id }, _args, { loaders }) => loaders.viewCount.load(id),
};
