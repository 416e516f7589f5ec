import type { CompiledFilter } from './listing-filter';
import type { ListingIndex } from './listing-index';

/** Which products a pass visits, and how it tells whether they are in the base listing. */
export interface ScanPlan {
  /** Slot lists to visit; null: every slot. */
  lists: Int32Array[] | null;
  /** Products of the base listing (category, query, ids), or null when the lists hold only such products or `categoryMask` tests it. */
  member: Uint8Array | null;
  categoryMask: Uint8Array | null;
  /** The lists may hold a slot twice. */
  overlapping: boolean;
  /** The narrowing dimension whose facet is the base listing's own (the visited products all pass it). */
  facetFromBase: { brand: true } | { attributeName: number } | null;
}

interface Dimension {
  lists: Int32Array[];
  size: number;
  facet: ScanPlan['facetFromBase'];
}

/**
 * Plans a pass. Without a base, it visits the filter's candidates (the ids, the rarest query
 * word's products, the category's products, or everything). With the base listing's pass (the
 * same filter without brands, prices and attributes), it can instead visit the products having
 * the selected brands or attribute values, when they are fewer than the base's: a product that
 * counts in any facet fails at most one condition, so it has the values of one of the two
 * rarest dimensions; with one dimension, its facet is the base's and only its matches are visited.
 */
export function planScan(index: ListingIndex, filter: CompiledFilter, base: { isMatch: Uint8Array; totalCount: number } | null): ScanPlan {
  const candidates = filter.matchesNothing ? [] : index.candidates(filter);
  // Candidates drawn from the category's own lists need no category test.
  const fromCategory = candidates !== null && !filter.ids && !filter.queryTokens;
  const scan: ScanPlan = { lists: candidates, member: null, categoryMask: fromCategory ? null : filter.categoryMask, overlapping: false, facetFromBase: null };
  if (!base || filter.matchesNothing) return scan;

  const dimensions: Dimension[] = [];
  if (filter.brands) {
    const lists = [...filter.brands].map((brand) => index.postings('brand', brand));
    dimensions.push({ lists, size: total(lists), facet: { brand: true } });
  }
  for (const attribute of filter.attributes) {
    const lists = [...attribute.pairs].map((pair) => index.postings('pair', pair));
    dimensions.push({ lists, size: total(lists), facet: { attributeName: attribute.nameId } });
  }
  const priced = filter.minPrice !== null || filter.maxPrice !== null;
  const conditions = dimensions.length + (priced ? 1 : 0);
  dimensions.sort((a, b) => a.size - b.size);
  const chosen = conditions === 1 ? dimensions.slice(0, 1) : dimensions.slice(0, 2);
  if (chosen.length === 0 || (conditions > 1 && chosen.length < 2)) return scan;
  const lists = chosen.flatMap((dimension) => dimension.lists);
  if (total(lists) >= base.totalCount) return scan;
  const onlyBrands = chosen.length === 1 && chosen[0]!.facet !== null && 'brand' in chosen[0]!.facet;
  return {
    lists,
    member: base.isMatch,
    categoryMask: null,
    overlapping: lists.length > 1 && !onlyBrands,
    facetFromBase: conditions === 1 ? chosen[0]!.facet : null,
  };
}

function total(lists: readonly Int32Array[]): number {
  let size = 0;
  for (const list of lists) size += list.length;
  return size;
}
