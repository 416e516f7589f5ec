import type { VariantStockResolvers } from '../generated/resolvers-types';

export const VariantStock: VariantStockResolvers = {
  variant: ({ sku }) => ({ sku }),
};
