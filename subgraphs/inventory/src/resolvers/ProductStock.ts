import type { ProductStockResolvers } from '../generated/resolvers-types';

export const ProductStock: ProductStockResolvers = {
  product: ({ productId }) => ({ id: productId }),
};
