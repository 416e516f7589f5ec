import type { ProductVariantResolvers } from '../generated/resolvers-types';
import { variantStockLevel } from '../use-cases/read-stock';
import { assertCanReadStock, regionFor } from './access';

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: ({ sku }) => ({ sku }),
  stock: ({ sku }, { region }, { identity, loaders, store }) => {
    assertCanReadStock(identity);
    return variantStockLevel(loaders, sku, regionFor(region, identity), store.settings.lowStockThreshold);
  },
};
