import DataLoader from 'dataloader';
import type { BaseContext, Region } from '@shop/platform';
import type { CatalogClient } from './clients/catalog-client';
import type { InventoryClient } from './clients/inventory-client';
import type { CartRepository } from './data-access/cart-repository';
import type { CartRecord, CartSettings, VariantPrice } from './domain/cart';
import type { LineSkuHints } from './domain/line-hints';

export interface CartRepositories {
  carts: CartRepository;
}

export interface CartClients {
  catalog: CatalogClient;
  inventory: InventoryClient;
}

export interface CartLoaders {
  /** One Redis round trip per request, however many fields need the shopper's cart. */
  cartByOwner: DataLoader<string, CartRecord | null>;
  /** Current catalog prices: one catalog call per request tick. */
  variantBySku: DataLoader<string, VariantPrice | null>;
  /** Stock available in a region: one inventory call per request tick and region. */
  stockIn(region: Region): DataLoader<string, number>;
}

export interface Context extends BaseContext {
  repositories: CartRepositories;
  clients: CartClients;
  loaders: CartLoaders;
  settings: CartSettings;
  /** SKUs of the carts this process saw last (shared by all requests); see LineSkuHints. */
  lineHints: LineSkuHints;
  /** Key of the HMAC that makes public cart ids. */
  cartIdSecret: string;
}

const MAX_BATCH = 100;

export function createLoaders(repositories: CartRepositories, clients: CartClients, lineHints: LineSkuHints, requestId: string): CartLoaders {
  const stockLoaders = new Map<Region, DataLoader<string, number>>();
  return {
    cartByOwner: new DataLoader(async (owners) => {
      const carts = await repositories.carts.findByOwners(owners);
      owners.forEach((owner, index) => lineHints.remember(owner, carts[index] ?? null));
      return carts;
    }),
    variantBySku: new DataLoader((skus) => clients.catalog.variantsBySkus(skus, requestId), { maxBatchSize: MAX_BATCH }),
    stockIn(region) {
      let loader = stockLoaders.get(region);
      if (!loader) {
        loader = new DataLoader((skus) => clients.inventory.availableBySkus(skus, region, requestId), { maxBatchSize: MAX_BATCH });
        stockLoaders.set(region, loader);
      }
      return loader;
    },
  };
}
