import { createServiceClient, toMinorUnits, type RoundTripCounter } from '@shop/platform';
import type { VariantPrice } from '../domain/cart';

export interface CatalogClient {
  /** Current prices of SKUs in one call, in the order asked; null for SKUs the catalog does not sell. */
  variantsBySkus(skus: readonly string[], requestId?: string): Promise<Array<VariantPrice | null>>;
}

interface VariantEntity {
  sku: string;
  price: { amount: string; currencyCode: string };
  product: { id: string };
}

const VARIANTS_QUERY = `query CartVariantPrices($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ProductVariant { sku price { amount currencyCode } product { id } }
  }
}`;

export function createCatalogClient(options: { url: string; identitySecret: string; roundTrips?: RoundTripCounter }): CatalogClient {
  const client = createServiceClient({ service: 'cart', url: options.url, identitySecret: options.identitySecret });
  return {
    async variantsBySkus(skus, requestId) {
      if (skus.length === 0) return [];
      options.roundTrips?.record('catalog.variants');
      const data = await client.request<{ _entities: Array<VariantEntity | null> }>(
        VARIANTS_QUERY,
        { representations: skus.map((sku) => ({ __typename: 'ProductVariant', sku })) },
        { requestId },
      );
      return data._entities.map((entity) =>
        entity && entity.sku
          ? {
              sku: entity.sku,
              productId: entity.product.id,
              priceMinor: toMinorUnits(entity.price.amount, entity.price.currencyCode),
              currencyCode: entity.price.currencyCode,
            }
          : null,
      );
    },
  };
}
