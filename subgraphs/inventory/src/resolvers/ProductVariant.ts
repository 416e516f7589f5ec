import type { ProductVariantResolvers } from '../generated/resolvers-types';
import { regionsToRead, variantStockLevel } from '../use-cases/read-stock';
import { assertCanReadStock, regionFor } from './access';
import { asksForRegions } from './selection';

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: ({ sku }) => ({ sku }),
  stock: ({ sku }, { region }, { identity, loaders, store }, info) => {
    assertCanReadStock(identity);
    const asked = regionFor(region, identity);
    return variantStockLevel(loaders, sku, asked, regionsToRead(asked, asksForRegions(info)), store.settings.lowStockThreshold);
  },
};
