import { relevanceOf, type CompiledFilter } from './listing-filter';
import type { ListingIndex } from './listing-index';
import type { ListingPass } from './listing-pass';
import { compareScored, positionOf, probeOf, type CursorPosition, type ListingSort } from './sorts';

export interface ListingPageRequest {
  filter: CompiledFilter;
  sort: ListingSort;
  first: number;
  /** Keyset position of the last item of the previous page. */
  after: CursorPosition | null;
}

export interface ListingPage {
  items: Array<{ slot: number; position: CursorPosition }>;
  hasNextPage: boolean;
}

/**
 * One page of a listing by keyset: the items strictly after the cursor's (key, id) in the sort
 * order. Products inserted or changed meanwhile never shift a page: each lands at its own key.
 */
export function listingPage(index: ListingIndex, pass: ListingPass, request: ListingPageRequest): ListingPage {
  if (request.filter.matchesNothing) return { items: [], hasNextPage: false };
  return request.sort === 'RELEVANCE' ? relevancePage(index, pass, request) : presortedPage(index, pass, request);
}

/** Walks the presorted order from the cursor, keeping the slots the pass marked as matches. */
function presortedPage(index: ListingIndex, pass: ListingPass, request: ListingPageRequest): ListingPage {
  const sort = request.sort === 'RELEVANCE' ? 'NEWEST' : request.sort;
  const order = index.orders[sort];
  const isMatch = pass.isMatch;
  const start = request.after ? order.upperBound(probeOf(sort, request.after), index.probeComparator(sort)) : 0;
  const found: number[] = [];
  const slots = order.items;
  for (let i = start; i < slots.length && found.length <= request.first; i++) {
    const slot = slots[i]!;
    if (isMatch[slot] === 1) found.push(slot);
  }
  return {
    items: found.slice(0, request.first).map((slot) => ({ slot, position: positionOf(sort, index.sortKeys(slot)) })),
    hasNextPage: found.length > request.first,
  };
}

/** Best matches first: keeps only the next first+1 in a small sorted buffer while scanning. */
function relevancePage(index: ListingIndex, pass: ListingPass, request: ListingPageRequest): ListingPage {
  const limit = request.first + 1;
  const relevance = relevanceOf(index, request.filter);
  const after = request.after ? { score: Number(request.after.k), id: request.after.id } : null;
  const best: Array<{ score: number; id: string; slot: number }> = [];
  for (const slot of pass.matches) {
    const candidate = { score: relevance(slot), id: index.idAt(slot), slot };
    if (after && compareScored(candidate, after) <= 0) continue;
    if (best.length === limit && compareScored(candidate, best[limit - 1]!) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareScored(best[middle]!, candidate) < 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return {
    items: best.slice(0, request.first).map(({ score, id, slot }) => ({ slot, position: { k: score, id } })),
    hasNextPage: best.length > request.first,
  };
}
