import { currencyDigits } from '@shop/platform';
import type { CategoryNode } from '../category-tree';
import { keyOf } from '../text';
import type { CompiledFilter } from './listing-filter';
import type { ListingIndex } from './listing-index';
import type { ListingPass } from './listing-pass';
import { mergeBands } from './price-bands';

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface PriceBandFacet {
  minMinor: number;
  /** Inclusive; null for an open top band. */
  maxMinor: number | null;
  currencyCode: string;
  count: number;
}

export interface ListingSummary {
  totalCount: number;
  brands: FacetValue[];
  categories: Array<{ category: CategoryNode; count: number }>;
  attributes: Array<{ name: string; values: FacetValue[] }>;
  priceBands: PriceBandFacet[];
}

export const FACET_LIMITS = { brands: 30, attributes: 12, valuesPerAttribute: 20, priceBands: 5 };

/** Total and facets of a listing, shaped from the pass's counts. */
export function summarize(
  index: ListingIndex,
  filter: CompiledFilter,
  pass: ListingPass,
  selection: { brands: string[]; attributes: Array<{ name: string; values: string[] }> },
): ListingSummary {
  const { brand: brandCounts, pair: pairCounts, priceStep: stepCounts, currency: currencyCounts, child: childCounts } = pass.counts;
  const totalCount = pass.totalCount;
  const selectedBrands = new Set(selection.brands.map(keyOf));
  const brands = topValues(
    nonZero(brandCounts),
    (id) => index.brands.label(id),
    (label) => selectedBrands.has(keyOf(label)),
    FACET_LIMITS.brands,
  );
  const parentChildren = filter.category ? filter.category.children : index.tree.roots;
  const categories = parentChildren
    .filter((child) => childCounts[child]! > 0)
    .map((child) => ({ category: index.tree.node(child), count: childCounts[child]! }));
  return {
    totalCount,
    brands,
    categories,
    attributes: attributeFacets(index, pairCounts, selection.attributes),
    priceBands: priceBands(index, stepCounts, currencyCounts),
  };
}

function nonZero(counts: Int32Array): Array<{ id: number; count: number }> {
  const result: Array<{ id: number; count: number }> = [];
  counts.forEach((count, id) => {
    if (count > 0) result.push({ id, count });
  });
  return result;
}

function topValues(
  counted: ReadonlyArray<{ id: number; count: number }>,
  labelOf: (id: number) => string,
  isSelected: (label: string) => boolean,
  limit: number,
): FacetValue[] {
  const values = counted.map(({ id, count }) => {
    const value = labelOf(id);
    return { value, count, selected: isSelected(value) };
  });
  values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return values.filter((value, position) => position < limit || value.selected);
}

function attributeFacets(index: ListingIndex, pairCounts: Int32Array, selected: Array<{ name: string; values: string[] }>) {
  const byName = new Map<number, Array<{ id: number; count: number }>>();
  for (const counted of nonZero(pairCounts)) {
    const nameId = index.attributes.nameOfPair[counted.id]!;
    const list = byName.get(nameId) ?? [];
    list.push(counted);
    byName.set(nameId, list);
  }
  const selectedValues = new Map(selected.map((attribute) => [keyOf(attribute.name), new Set(attribute.values.map(keyOf))]));
  const facets = [...byName.entries()].map(([nameId, pairs]) => {
    const name = index.attributes.names.label(nameId);
    const chosen = selectedValues.get(keyOf(name)) ?? new Set<string>();
    const values = topValues(pairs, (pair) => index.attributes.pairs.label(pair), (value) => chosen.has(keyOf(value)), FACET_LIMITS.valuesPerAttribute);
    const total = pairs.reduce((sum, { count }) => sum + count, 0);
    return { name, values, total, selected: chosen.size > 0 };
  });
  facets.sort((a, b) => Number(b.selected) - Number(a.selected) || b.total - a.total || a.name.localeCompare(b.name));
  return facets
    .filter((facet, position) => position < FACET_LIMITS.attributes || facet.selected)
    .map(({ name, values }) => ({ name, values }));
}

function priceBands(index: ListingIndex, stepCounts: Int32Array, currencyCounts: Int32Array): PriceBandFacet[] {
  let dominant = -1;
  currencyCounts.forEach((count, id) => {
    if (count > 0 && (dominant < 0 || count > currencyCounts[dominant]!)) dominant = id;
  });
  if (dominant < 0) return [];
  const currencyCode = index.currencies.label(dominant);
  const scale = 10 ** currencyDigits(currencyCode);
  return mergeBands(stepCounts, FACET_LIMITS.priceBands).map((band) => ({
    minMinor: band.low * scale,
    maxMinor: band.high === null ? null : band.high * scale - 1,
    currencyCode,
    count: band.count,
  }));
}
