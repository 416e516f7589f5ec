import type { ProductResolvers } from '../generated/resolvers-types';
import { productStockLevel } from '../use-cases/read-stock';
import { assertCanReadStock, regionFor } from './access';

export const Product: ProductResolvers = {
  // Nothing to read here: stock is loaded per field, batched over every product in the request.
  __resolveReference: ({ id }) => ({ id }),
  stock: ({ id }, { region }, { identity, loaders, store }) => {
    assertCanReadStock(identity);
    return productStockLevel(loaders, id, regionFor(region, identity), store.settings.lowStockThreshold);
  },
};
