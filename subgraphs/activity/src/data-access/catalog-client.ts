import type { RoundTripCounter, ServiceClient } from '@shop/platform';

/** What activity asks of the catalog subgraph (with its service identity). */
export interface CatalogClient {
  /** Ids of the newest products, optionally within a category (id as sent in events). */
  newestProductIds(first: number, category: string | null): Promise<string[]>;
}

interface ProductsPage {
  products: { edges: Array<{ node: { id: string } }> };
}

const NEWEST = `query ActivityNewestProducts($first: Int!) {
  products(first: $first, sort: NEWEST) { edges { node { id } } }
}`;
// The category goes in as a literal (it was checked against the id pattern) so that it fits the
// filter field whether catalog types it ID or String.
const newestInCategory = (category: string) => `query ActivityNewestProductsInCategory($first: Int!) {
  products(first: $first, sort: NEWEST, filter: { category: ${JSON.stringify(category)} }) { edges { node { id } } }
}`;

export function createCatalogClient(service: ServiceClient, roundTrips?: RoundTripCounter): CatalogClient {
  return {
    async newestProductIds(first, category) {
      roundTrips?.record('catalog.newestProducts');
      const data = category === null
        ? await service.request<ProductsPage>(NEWEST, { first }, { timeoutMs: 2_000 })
        : await service.request<ProductsPage>(newestInCategory(category), { first }, { timeoutMs: 2_000 });
      return data.products.edges.map((edge) => edge.node.id);
    },
  };
}
