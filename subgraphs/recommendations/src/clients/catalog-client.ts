import { createServiceClient, type RoundTripCounter, type ServiceClient } from '@shop/platform';
import type { IndexableProduct } from '../domain/product-text';

export interface ProductChangeItem {
  id: string;
  deleted: boolean;
  product: IndexableProduct | null;
}

export interface ProductChangePage {
  items: ProductChangeItem[];
  cursor: string;
  hasMore: boolean;
}

/** What recommendations reads from the catalog subgraph (internal operations, service identity). */
export interface CatalogClient {
  productChanges(after: string | null, first: number): Promise<ProductChangePage>;
  /** Product id of each SKU, in order; null for unknown SKUs. */
  productIdsOfSkus(skus: readonly string[]): Promise<Array<string | null>>;
}

interface CategoryShape {
  id: string;
  slug?: string | null;
  name: string;
  path?: Array<{ id: string; slug?: string | null; name: string }> | null;
}

interface ProductShape {
  id: string;
  name: string;
  brand: string;
  description: string;
  attributes: Array<{ name: string; value: string }> | null;
  category: CategoryShape | null;
}

const PRODUCT_CHANGES = /* GraphQL */ `
  query ProductChanges($after: String, $first: Int) {
    productChanges(after: $after, first: $first) {
      cursor
      hasMore
      items {
        id
        deleted
        product {
          id
          name
          brand
          description
          attributes { name value }
          category { id slug name path { id slug name } }
        }
      }
    }
  }
`;

const VARIANTS_BY_SKUS = /* GraphQL */ `
  query VariantsBySkus($skus: [ID!]!) { variantsBySkus(skus: $skus) { sku product { id } } }
`;

const MAX_SKUS_PER_CALL = 100;

export function toIndexableProduct(product: ProductShape): IndexableProduct {
  const path = product.category?.path?.length ? product.category.path : product.category ? [product.category] : [];
  return {
    id: product.id,
    name: product.name,
    brand: product.brand,
    description: product.description,
    categoryPath: path.map((category) => category.name),
    categoryKeys: [...new Set(path.flatMap((category) => [category.id, ...(category.slug ? [category.slug] : [])]))],
    attributes: (product.attributes ?? []).map(({ name, value }) => ({ name, value })),
  };
}

export function createCatalogClient(options: {
  url: string;
  identitySecret: string;
  roundTrips?: RoundTripCounter;
  client?: ServiceClient;
}): CatalogClient {
  const client = options.client ?? createServiceClient({ service: 'recommendations', url: options.url, identitySecret: options.identitySecret });
  return {
    async productChanges(after, first) {
      options.roundTrips?.record('catalog.productChanges');
      const data = await client.request<{
        productChanges: { cursor: string; hasMore: boolean; items: Array<{ id: string; deleted: boolean; product: ProductShape | null }> };
      }>(PRODUCT_CHANGES, { after, first }, { timeoutMs: 60_000 });
      const page = data.productChanges;
      return {
        cursor: page.cursor,
        hasMore: page.hasMore,
        items: page.items.map((item) => ({
          id: item.id,
          deleted: item.deleted || item.product === null,
          product: item.product ? toIndexableProduct(item.product) : null,
        })),
      };
    },
    async productIdsOfSkus(skus) {
      const result: Array<string | null> = [];
      for (let start = 0; start < skus.length; start += MAX_SKUS_PER_CALL) {
        options.roundTrips?.record('catalog.variantsBySkus');
        const data = await client.request<{ variantsBySkus: Array<{ sku: string; product: { id: string } } | null> }>(VARIANTS_BY_SKUS, {
          skus: skus.slice(start, start + MAX_SKUS_PER_CALL),
        });
        result.push(...data.variantsBySkus.map((variant) => variant?.product.id ?? null));
      }
      return result;
    },
  };
}
