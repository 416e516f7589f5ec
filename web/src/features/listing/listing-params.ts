import type { ProductFilter, ProductSort } from '../../gql/graphql';

export const SORTS: ReadonlyArray<{ value: ProductSort; label: string }> = [
  { value: 'RELEVANCE', label: 'Best match' },
  { value: 'NEWEST', label: 'Newest' },
  { value: 'PRICE_ASC', label: 'Price: low to high' },
  { value: 'PRICE_DESC', label: 'Price: high to low' },
  { value: 'NAME_ASC', label: 'Name: A to Z' },
];

const isSort = (value: string | null): value is ProductSort => SORTS.some((sort) => sort.value === value);

/** Listing state lives in the URL (shareable, back button works): brand, attr=Name:Value, price=min-max, sort. */
export interface ListingParams {
  brands: string[];
  attributes: Array<{ name: string; value: string }>;
  price: { min: string; max: string | null } | null;
  sort: ProductSort | null;
}

export function readListingParams(params: URLSearchParams): ListingParams {
  const attributes = params
    .getAll('attr')
    .map((entry) => {
      const at = entry.indexOf(':');
      return at > 0 ? { name: entry.slice(0, at), value: entry.slice(at + 1) } : null;
    })
    .filter((entry): entry is { name: string; value: string } => entry !== null);
  const priceMatch = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)?$/.exec(params.get('price') ?? '');
  const sort = params.get('sort');
  return {
    brands: params.getAll('brand'),
    attributes,
    price: priceMatch ? { min: priceMatch[1]!, max: priceMatch[2] ?? null } : null,
    sort: isSort(sort) ? sort : null,
  };
}

export function toProductFilter(listing: ListingParams, base: Pick<ProductFilter, 'category' | 'query'>): ProductFilter {
  const byName = new Map<string, string[]>();
  for (const { name, value } of listing.attributes) byName.set(name, [...(byName.get(name) ?? []), value]);
  return {
    ...base,
    ...(listing.brands.length > 0 ? { brands: listing.brands } : {}),
    ...(byName.size > 0 ? { attributes: [...byName].map(([name, values]) => ({ name, values })) } : {}),
    ...(listing.price ? { minPrice: listing.price.min, ...(listing.price.max ? { maxPrice: listing.price.max } : {}) } : {}),
  };
}

export function activeFilterCount(listing: ListingParams): number {
  return listing.brands.length + listing.attributes.length + (listing.price ? 1 : 0);
}

/** A copy of the params with one multi-value entry toggled; the page cursor always resets. */
export function toggled(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(key);
  next.delete(key);
  const keep = values.includes(value) ? values.filter((entry) => entry !== value) : [...values, value];
  for (const entry of keep) next.append(key, entry);
  return next;
}

export function withValue(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['brand', 'attr', 'price']) next.delete(key);
  return next;
}
