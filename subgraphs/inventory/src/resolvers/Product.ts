import type { ProductResolvers } from '../generated/resolvers-types';
import { productStockLevel, regionsToRead } from '../use-cases/read-stock';
import { assertCanReadStock, regionFor } from './access';
import { asksForRegions } from './selection';

export const Product: ProductResolvers = {
  // Nothing to read here: stock is loaded per field, batched over every product in the request.
  __resolveReference: ({ id }) => ({ id }),
  stock: ({ id }, { region }, { identity, loaders, store }, info) => {
    assertCanReadStock(identity);
    const asked = regionFor(region, identity);
    return productStockLevel(loaders, id, asked, regionsToRead(asked, asksForRegions(info)), store.settings.lowStockThreshold);
  },
};
