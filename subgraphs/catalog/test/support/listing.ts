import type { CatalogTestServer } from './catalog-server';

export const LISTING_QUERY = `query($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String, $last: Int, $before: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id name price { amount currencyCode } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
    facets {
      brands { value count selected }
      categories { category { slug } count }
      attributes { name values { value count selected } }
      priceBands { min { amount currencyCode } max { amount } count }
    }
  } }`;

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface Listing {
  edges: Array<{ cursor: string; node: { id: string; name: string; price: { amount: string; currencyCode: string } } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  facets: {
    brands: FacetValue[];
    categories: Array<{ category: { slug: string }; count: number }>;
    attributes: Array<{ name: string; values: FacetValue[] }>;
    priceBands: Array<{ min: { amount: string; currencyCode: string }; max: { amount: string } | null; count: number }>;
  };
}

export interface ListingArgs {
  filter?: Record<string, unknown>;
  sort?: string;
  first?: number;
  after?: string | null;
  last?: number;
  before?: string | null;
}

/** Runs the listing query; throws when GraphQL answers with errors. */
export async function listing(catalog: CatalogTestServer, args: ListingArgs = {}): Promise<Listing> {
  const result = await catalog.query<{ products: Listing }>(LISTING_QUERY, { ...args });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.products;
}

export const idsOf = (page: Listing): string[] => page.edges.map((edge) => edge.node.id);

/** Every product id of a listing, page by page. */
export async function allPages(catalog: CatalogTestServer, args: ListingArgs, pageSize: number): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = args.after ?? null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Listing = await listing(catalog, { ...args, first: pageSize, after });
    pages.push(idsOf(page));
    if (!page.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error('listing did not end');
}
