import { createServiceClient, type Region, type RoundTripCounter } from '@shop/platform';

export interface InventoryClient {
  /** Units available in a region for SKUs in one call, in the order asked (0 for SKUs without stock). */
  availableBySkus(skus: readonly string[], region: Region, requestId?: string): Promise<number[]>;
}

const STOCK_QUERY = `query CartStock($representations: [_Any!]!, $region: String) {
  _entities(representations: $representations) {
    ... on ProductVariant { sku stock(region: $region) { available } }
  }
}`;

export function createInventoryClient(options: { url: string; identitySecret: string; roundTrips?: RoundTripCounter }): InventoryClient {
  const client = createServiceClient({ service: 'cart', url: options.url, identitySecret: options.identitySecret });
  return {
    async availableBySkus(skus, region, requestId) {
      if (skus.length === 0) return [];
      options.roundTrips?.record('inventory.stock');
      const data = await client.request<{ _entities: Array<{ sku: string; stock: { available: number } | null } | null> }>(
        STOCK_QUERY,
        { representations: skus.map((sku) => ({ __typename: 'ProductVariant', sku })), region },
        { requestId },
      );
      return data._entities.map((entity) => Math.max(0, entity?.stock?.available ?? 0));
    },
  };
}
