import { toMinorUnits, type ServiceClient } from '@shop/platform';
import type { CatalogPort } from '../domain/ports';

const VARIANTS_BY_SKUS = /* GraphQL */ `
  query OrdersVariantsBySkus($skus: [ID!]!) {
    variantsBySkus(skus: $skus) {
      sku
      price { amount currencyCode }
      options { name value }
      product { id name }
    }
  }
`;

interface VariantData {
  sku: string;
  price: { amount: string; currencyCode: string };
  options: Array<{ name: string; value: string }>;
  product: { id: string; name: string };
}

/** Authoritative prices and names from the catalog: one call for the whole cart. */
export function createCatalogPort(client: ServiceClient): CatalogPort {
  return {
    async variantsBySkus(skus) {
      if (skus.length === 0) return [];
      const data = await client.request<{ variantsBySkus: Array<VariantData | null> }>(VARIANTS_BY_SKUS, { skus });
      return data.variantsBySkus.map((variant) =>
        variant
          ? {
              sku: variant.sku,
              productId: variant.product.id,
              productName: variant.product.name,
              variantTitle: variant.options.length > 0 ? variant.options.map((option) => `${option.name} ${option.value}`).join(', ') : null,
              priceMinor: toMinorUnits(variant.price.amount, variant.price.currencyCode),
              currencyCode: variant.price.currencyCode,
            }
          : null,
      );
    },
  };
}
