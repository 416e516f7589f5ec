import type { BaseContext, Identity } from '@shop/platform';
import { createStockLoaders, type StockLoaders } from './use-cases/read-stock';
import type { InventoryStore } from './use-cases/store';

export interface Context extends BaseContext {
  store: InventoryStore;
  loaders: StockLoaders;
}

/** Shoppers, guests and partners may be answered from the short-lived read cache; services (cart, orders) and admins never. */
export const mayReadCached = (identity: Identity) => identity.role !== 'service' && identity.role !== 'admin';

export function createLoaders(store: InventoryStore, identity: Identity): StockLoaders {
  return createStockLoaders(store.reads, { cached: mayReadCached(identity) });
}
