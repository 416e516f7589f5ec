import { z } from 'zod';
import { badInput, decodeCursor, encodeCursor, pageSize } from '@shop/platform';
import { summarize, type ListingSummary } from '../domain/listing/facets';
import { runPass, type ListingPass } from '../domain/listing/listing-pass';
import { compileFilter, parseListingFilter, type ListingFilter } from '../domain/listing/listing-filter';
import type { ListingIndex } from '../domain/listing/listing-index';
import { listingPage } from '../domain/listing/listing-page';
import { CURSOR_POSITIONS, cursorList, type ListingSort, type SortKeys } from '../domain/listing/sorts';
import type { ProductRecord } from '../domain/product';

export const LISTING_PAGE = { defaultSize: 24, max: 100 };
export const CHANGES_PAGE = { defaultSize: 100, max: 500 };

export interface ListingArgs {
  filter?: unknown;
  sort?: ListingSort | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface ListingResult {
  edges: Array<{ cursor: string; product: ProductRecord }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Number of products matching the filter. */
  totalCount: number;
  /** Facets, shaped on first use from the counts of the listing's pass (and kept with it). */
  facets: () => ListingSummary;
}

/**
 * A listing page, Relay style: `first` items after `after`, or the `last` items before `before`
 * (both cursors may bound the window). The arguments are checked before the index is even synced.
 */
export async function listProducts(index: () => Promise<ListingIndex>, args: ListingArgs): Promise<ListingResult> {
  const filter = parseListingFilter(args.filter);
  const sort: ListingSort = args.sort ?? (filter.query ? 'RELEVANCE' : 'NEWEST');
  if (sort === 'RELEVANCE' && !filter.query) throw badInput('sort RELEVANCE needs filter.query', 'sort');
  const backward = args.last !== null && args.last !== undefined;
  if (backward && args.first !== null && args.first !== undefined) throw badInput('Give first or last, not both', 'last');
  const size = backward ? lastSize(args.last!) : pageSize(args.first, LISTING_PAGE);
  const position = (cursor: string | null | undefined) => (cursor ? decodeCursor(cursorList(sort), cursor, CURSOR_POSITIONS[sort]) : null);
  const after = position(args.after);
  const before = position(args.before);
  const listing = await index();
  const compiled = compileFilter(listing, filter);
  const pass = cachedPass(listing, JSON.stringify(filter), () => {
    // A listing narrowed by brands or attribute values can start from the broader listing's pass.
    const broad = baseFilter(filter);
    const base = broad && cachedPass(listing, JSON.stringify(broad), () => runPass(listing, compileFilter(listing, broad)));
    return runPass(listing, compiled, base);
  });
  const page = listingPage(listing, pass, { filter: compiled, sort, size, backward, after, before });
  const edges = page.items.map(({ slot, position: at }) => ({ cursor: encodeCursor(cursorList(sort), at), product: listing.recordAt(slot)! }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: pass.totalCount,
    facets: () => {
      let facets = facetsOfPass.get(pass);
      if (!facets) {
        const selection = { brands: filter.brands ?? [], attributes: (filter.attributes ?? []).map(({ name, values }) => ({ name, values })) };
        facets = summarize(listing, compiled, pass, selection);
        facetsOfPass.set(pass, facets);
      }
      return facets;
    },
  };
}

/** Facets depend on nothing but the filter, like the pass: a cached pass keeps its facets. */
const facetsOfPass = new WeakMap<ListingPass, ListingSummary>();

/**
 * The filter without its narrowing conditions (brands, prices, attributes), when a pass can start
 * from it (see planScan): no query or ids, and one brand or attribute condition alone, or two.
 */
function baseFilter(filter: ListingFilter): ListingFilter | null {
  const { brands, minPrice, maxPrice, attributes, ...rest } = filter;
  const listed = (brands ? 1 : 0) + (attributes?.length ?? 0);
  const priced = Boolean(minPrice || maxPrice);
  const useful = listed >= 2 || (listed === 1 && !priced);
  return useful && !rest.query && !rest.ids ? rest : null;
}

function lastSize(last: number): number {
  if (!Number.isInteger(last) || last < 0 || last > LISTING_PAGE.max) throw badInput(`last must be between 0 and ${LISTING_PAGE.max}`, 'last');
  return last;
}

const PASS_CACHE_SIZE = 32;
const passCaches = new WeakMap<ListingIndex, { revision: number; passes: Map<string, ListingPass> }>();

/**
 * The pass of a filter, reused while the index does not change: the next page of a listing, or
 * the same category in another order, costs a walk of the presorted order only. Any change to
 * the index bumps its revision and empties the cache, so answers never go stale.
 */
function cachedPass(index: ListingIndex, key: string, compute: () => ListingPass): ListingPass {
  let cache = passCaches.get(index);
  if (!cache || cache.revision !== index.revision) {
    cache = { revision: index.revision, passes: new Map() };
    passCaches.set(index, cache);
  }
  const cached = cache.passes.get(key);
  if (cached) {
    cache.passes.delete(key);
    cache.passes.set(key, cached);
    return cached;
  }
  const pass = compute();
  cache.passes.set(key, pass);
  if (cache.passes.size > PASS_CACHE_SIZE) cache.passes.delete(cache.passes.keys().next().value!);
  return pass;
}

const changePosition = z.object({ t: z.number().int().min(-1), id: z.string().max(200) });
const CHANGES_LIST = 'productChanges';

export interface ChangePage {
  items: Array<{ id: string; deleted: boolean; product: ProductRecord | null; updatedAt: Date }>;
  cursor: string;
  hasMore: boolean;
}

/**
 * The change feed: products by (update time, id) after the cursor, each in its latest state.
 * Changes younger than `settleMs` are held back, so that a write stamped earlier but saved later
 * cannot slip behind a cursor that already passed its time.
 */
export async function productChanges(
  index: () => Promise<ListingIndex>,
  args: { after?: string | null; first?: number | null },
  options: { settleMs: number; now: number },
): Promise<ChangePage> {
  const first = pageSize(args.first, CHANGES_PAGE);
  const from = args.after ? decodeCursor(CHANGES_LIST, args.after, changePosition) : { t: -1, id: '' };
  const listing = await index();
  const probe: SortKeys = { id: from.id, updatedAt: from.t, createdAt: 0, price: 0, nameKey: '' };
  const until = options.now - options.settleMs;
  const slots = listing.changes.items;
  const updatedAt = listing.columns.updatedAt;
  const page: ChangePage['items'] = [];
  let i = listing.changes.upperBound(probe, listing.changeProbeComparator());
  for (; i < slots.length && page.length < first && updatedAt[slots[i]!]! <= until; i++) {
    const record = listing.recordAt(slots[i]!);
    page.push({ id: listing.idAt(slots[i]!), deleted: record === null, product: record, updatedAt: new Date(updatedAt[slots[i]!]!) });
  }
  const last = page[page.length - 1];
  const position = last ? { t: last.updatedAt.getTime(), id: last.id } : from;
  return {
    items: page,
    cursor: encodeCursor(CHANGES_LIST, position),
    hasMore: i < slots.length && updatedAt[slots[i]!]! <= until,
  };
}
