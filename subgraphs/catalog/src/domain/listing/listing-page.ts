import type { CompiledFilter } from './listing-filter';
import type { ListingIndex } from './listing-index';
import type { ListingPass } from './listing-pass';
import { compareText } from './slot-orders';
import { positionOf, probeOf, type CursorPosition, type ListingSort } from './sorts';

export interface ListingPageRequest {
  filter: CompiledFilter;
  sort: ListingSort;
  /** How many items: the first ones after `after` (forward) or the last ones before `before` (backward). */
  size: number;
  backward: boolean;
  /** Keyset positions bounding the window (both exclusive). */
  after: CursorPosition | null;
  before: CursorPosition | null;
}

export interface ListingPage {
  items: Array<{ slot: number; position: CursorPosition }>;
  /** Whether matching products follow the page's last item (or its window's end when empty). */
  hasNextPage: boolean;
  /** Whether matching products precede the page's first item (or its window's start when empty). */
  hasPreviousPage: boolean;
}

const EMPTY: ListingPage = { items: [], hasNextPage: false, hasPreviousPage: false };

/**
 * One page of a listing by keyset: the items strictly between the cursors' (key, id) positions in
 * the sort order, taken from the window's start (`first`) or its end (`last`). Products inserted
 * or changed meanwhile never shift a page: each lands at its own key.
 */
export function listingPage(index: ListingIndex, pass: ListingPass, request: ListingPageRequest): ListingPage {
  if (request.filter.matchesNothing || pass.totalCount === 0) return EMPTY;
  if (request.size === 0 && !request.after && !request.before) {
    // Only the total and facets are wanted (the web app asks them apart): no order to build.
    return { items: [], hasNextPage: !request.backward, hasPreviousPage: request.backward };
  }
  if (request.sort === 'RELEVANCE') {
    // Every entry of the ranked list matches: no test needed while walking it.
    const ranked = rankedMatches(index, pass);
    const scoreOf = (slot: number) => pass.isMatch[slot]! - 1;
    const compare = (slot: number, probe: CursorPosition) => Number(probe.k) - scoreOf(slot) || compareText(index.idAt(slot), probe.id);
    const window = bounds(ranked, request.after, request.before, compare);
    const page = walk(ranked, null, window, request);
    return { ...page, items: page.slots.map((slot) => ({ slot, position: { k: scoreOf(slot), id: index.idAt(slot) } })) };
  }
  const sort = request.sort;
  const order = index.orders[sort].items;
  const probe = (position: CursorPosition | null) => (position === null ? null : probeOf(sort, position));
  const window = bounds(order, probe(request.after), probe(request.before), index.probeComparator(sort));
  const page = walk(order, pass.isMatch, window, request);
  return { ...page, items: page.slots.map((slot) => ({ slot, position: positionOf(sort, index.sortKeys(slot)) })) };
}

type Order = ArrayLike<number>;

/** The window [start, end) of an order strictly between the cursors' positions, by binary search. */
function bounds<P>(order: Order, after: P | null, before: P | null, compare: (slot: number, position: P) => number) {
  const search = (position: P, inclusive: boolean) => {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const c = compare(order[middle]!, position);
      if (c < 0 || (inclusive && c === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const start = after === null ? 0 : search(after, true);
  const end = before === null ? order.length : Math.max(start, search(before, false));
  return { start, end };
}

/** Takes `size` matches from one end of the window; tells whether matches lie beyond the page. */
function walk(order: Order, isMatch: Uint8Array | null, window: { start: number; end: number }, request: ListingPageRequest) {
  const { start, end } = window;
  const size = request.size;
  const matches = (slot: number) => isMatch === null || isMatch[slot] !== 0;
  const anyMatch = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (matches(order[i]!)) return true;
    return false;
  };
  const anyMatchBackward = (from: number, to: number) => {
    for (let i = to - 1; i >= from; i--) if (matches(order[i]!)) return true;
    return false;
  };
  const found: number[] = [];
  if (!request.backward) {
    for (let i = start; i < end && found.length <= size; i++) if (matches(order[i]!)) found.push(order[i]!);
    return {
      slots: found.slice(0, size),
      hasNextPage: found.length > size || anyMatch(end, order.length),
      hasPreviousPage: anyMatchBackward(0, start),
    };
  }
  for (let i = end - 1; i >= start && found.length <= size; i--) if (matches(order[i]!)) found.push(order[i]!);
  return {
    slots: found.slice(0, size).reverse(),
    hasNextPage: anyMatch(end, order.length),
    hasPreviousPage: found.length > size || anyMatchBackward(0, start),
  };
}

/** Below this share of the catalog, sorting the matches beats walking the whole id order. */
const SORT_BELOW_SHARE = 1 / 16;

/**
 * The matches of a text query by relevance (best score first, then id), built once per pass:
 * a few matches are sorted by one number each (score, then rank of the id); many are bucketed by
 * score while walking the index's id order, one pass over the catalog without a comparison.
 */
export function rankedMatches(index: ListingIndex, pass: ListingPass): Int32Array {
  if (pass.ranked) return pass.ranked;
  const matches = pass.matches ?? new Int32Array(0);
  // 1 + the score of each match (0: no match); ordering by it orders by score.
  const marks = pass.isMatch;
  let ranked: Int32Array;
  if (matches.length < index.liveCount * SORT_BELOW_SHARE) {
    const ranks = index.idRanks();
    const keys = new Float64Array(matches.length);
    for (let i = 0; i < matches.length; i++) keys[i] = (256 - marks[matches[i]!]!) * 2 ** 32 + ranks[matches[i]!]!;
    keys.sort();
    ranked = new Int32Array(matches.length);
    const byId = index.byId.items;
    for (let i = 0; i < keys.length; i++) ranked[i] = byId[keys[i]! % 2 ** 32]!;
  } else {
    const perScore = new Int32Array(256);
    for (let i = 0; i < matches.length; i++) perScore[marks[matches[i]!]!]!++;
    // Bucket offsets, highest score first.
    const next = new Int32Array(256);
    for (let score = 255, offset = 0; score >= 0; score--) {
      next[score] = offset;
      offset += perScore[score]!;
    }
    ranked = new Int32Array(matches.length);
    const byId = index.byId.items;
    for (let i = 0; i < byId.length; i++) {
      const slot = byId[i]!;
      if (marks[slot] !== 0) ranked[next[marks[slot]!]!++] = slot;
    }
  }
  pass.ranked = ranked;
  return ranked;
}
