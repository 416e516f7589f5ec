import { badInput } from '@shop/platform';
import { MAX_PRODUCT_IDS, isValidId } from '../domain/limits';
import type { QueryResolvers } from '../generated/resolvers-types';
import { productStocks, regionsToRead } from '../use-cases/read-stock';
import { assertCanReadStock, assertService, regionFor } from './access';
import { asksForRegions } from './selection';

export const Query: QueryResolvers = {
  stock: (_parent, { productIds, region }, { identity, loaders, store }, info) => {
    assertCanReadStock(identity);
    if (productIds.length > MAX_PRODUCT_IDS) throw badInput(`At most ${MAX_PRODUCT_IDS} productIds; got ${productIds.length}`, 'productIds');
    if (!productIds.every(isValidId)) throw badInput('productIds must be 1 to 256 letters, digits or _ . : @ / -', 'productIds');
    const asked = regionFor(region, identity);
    return productStocks(loaders, productIds, asked, regionsToRead(asked, asksForRegions(info)), store.settings.lowStockThreshold);
  },
  reservation: async (_parent, { orderId }, { identity, store }) => {
    assertService(identity);
    if (!isValidId(orderId)) throw badInput('orderId must be 1 to 256 letters, digits or _ . : @ / -', 'orderId');
    return store.reservations.get(orderId);
  },
};
