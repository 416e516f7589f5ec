import { SLOT_LIVE } from './columns';
import { ATTRIBUTE_BIT, FAIL_BRAND, FAIL_CATEGORY, FAIL_PRICE, type CompiledFilter } from './listing-filter';
import type { ListingIndex } from './listing-index';
import { PRICE_LADDER } from './price-bands';

export interface FacetCounts {
  brand: Int32Array;
  pair: Int32Array;
  priceStep: Int32Array;
  currency: Int32Array;
  /** By category index: matches under each child of the filtered category. */
  child: Int32Array;
}

/** Everything one listing request needs, from one pass over the candidate products. */
export interface ListingPass {
  totalCount: number;
  /** 1 for every slot matching the whole filter. */
  isMatch: Uint8Array;
  /** The matching slots (only when asked for: relevance ranks them). */
  matches: number[];
  counts: FacetCounts;
}

/**
 * Matches and facet counts in one pass over the candidates. Facets are disjunctive: a facet
 * counts the products that match every other condition, so a shopper sees how many products each
 * further brand (or attribute value, or price band) would add. This loop runs over up to every
 * product on each request, so it reads the columns into locals and makes no call per product.
 */
export function runPass(index: ListingIndex, filter: CompiledFilter, options: { collectMatches?: boolean } = {}): ListingPass {
  const brandCounts = new Int32Array(index.brands.size);
  const pairCounts = new Int32Array(index.attributes.pairs.size);
  const stepCounts = new Int32Array(PRICE_LADDER.length);
  const currencyCounts = new Int32Array(index.currencies.size);
  const childCounts = new Int32Array(index.tree.size);
  const isMatch = new Uint8Array(index.slotCount);
  const matches: number[] = [];
  const counts = { brand: brandCounts, pair: pairCounts, priceStep: stepCounts, currency: currencyCounts, child: childCounts };
  if (filter.matchesNothing) return { totalCount: 0, isMatch, matches, counts };

  const c = index.columns;
  const { state, brand, category, currency, step, priceMajor, attrStart, attrLength, tokenStart, tokenLength } = c;
  const attrData = c.attrs.data;
  const tokenData = c.tokens.data;
  const childUnder = index.tree.childUnder(filter.category);
  const candidates = index.candidates(filter);
  // Candidates drawn from the category's own lists need no category test.
  const categoryMask = candidates !== null && !filter.ids && !filter.queryTokens ? null : filter.categoryMask;
  const collectMatches = options.collectMatches ?? true;
  let totalCount = 0;
  const brandMask = filter.brands ? membership(index.brands.size, filter.brands) : null;
  const hasPrice = filter.minPrice !== null || filter.maxPrice !== null;
  const minPrice = filter.minPrice ?? -Infinity;
  const maxPrice = filter.maxPrice ?? Infinity;
  const ids = filter.ids;
  const query = filter.queryTokens;
  // Per attribute pair: the failure bit of the attribute filter it satisfies (0 when none).
  const nameOfPair = index.attributes.nameOfPair;
  const bitOfName = new Int32Array(index.attributes.names.size);
  const satisfies = new Int32Array(index.attributes.pairs.size);
  let attributeBits = 0;
  for (const attribute of filter.attributes) {
    if (attribute.nameId >= 0) bitOfName[attribute.nameId] = attribute.bit;
    for (const pair of attribute.pairs) satisfies[pair] = attribute.bit;
    attributeBits |= attribute.bit;
  }

  // One loop over the candidate lists (null: every slot), without a call per product.
  for (const list of candidates ?? [null]) {
    const size = list === null ? c.size : list.length;
    for (let k = 0; k < size; k++) {
      const slot = list === null ? k : list[k]!;
      if (state[slot] !== SLOT_LIVE) continue;
      if (ids !== null && !ids.has(index.idAt(slot))) continue;
      if (query !== null && !containsAll(tokenData, tokenStart[slot]!, tokenLength[slot]!, query)) continue;
      let mask = 0;
      const leaf = category[slot]!;
      if (categoryMask !== null && (leaf < 0 || categoryMask[leaf] !== 1)) mask |= FAIL_CATEGORY;
      if (brandMask !== null && brandMask[brand[slot]!] !== 1) mask |= FAIL_BRAND;
      if (hasPrice && (priceMajor[slot]! < minPrice || priceMajor[slot]! > maxPrice)) mask |= FAIL_PRICE;
      const start = attrStart[slot]!;
      const end = start + attrLength[slot]!;
      if (attributeBits !== 0) {
        let met = 0;
        for (let i = start; i < end; i++) met |= satisfies[attrData[i]!]!;
        mask |= attributeBits & ~met;
      }
      if (mask === 0) {
        isMatch[slot] = 1;
        totalCount++;
        if (collectMatches) matches.push(slot);
        brandCounts[brand[slot]!]!++;
        if (leaf >= 0 && childUnder[leaf]! >= 0) childCounts[childUnder[leaf]!]!++;
        for (let i = start; i < end; i++) pairCounts[attrData[i]!]!++;
        stepCounts[step[slot]!]!++;
        currencyCounts[currency[slot]!]!++;
      } else if (mask === FAIL_BRAND) {
        brandCounts[brand[slot]!]!++;
      } else if (mask === FAIL_PRICE) {
        stepCounts[step[slot]!]!++;
        currencyCounts[currency[slot]!]!++;
      } else if (mask >= ATTRIBUTE_BIT && (mask & (mask - 1)) === 0) {
        // Fails exactly one attribute condition: count that attribute's values only.
        for (let i = start; i < end; i++) if (bitOfName[nameOfPair[attrData[i]!]!] === mask) pairCounts[attrData[i]!]!++;
      }
    }
  }
  return { totalCount, isMatch, matches, counts };
}

function containsAll(tokens: Int32Array, start: number, length: number, wanted: readonly number[]): boolean {
  const end = start + length;
  for (const token of wanted) {
    let low = start;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle]! < token) low = middle + 1;
      else high = middle;
    }
    if (low >= end || tokens[low] !== token) return false;
  }
  return true;
}

function membership(size: number, members: Iterable<number>): Uint8Array {
  const flags = new Uint8Array(Math.max(size, 1));
  for (const member of members) if (member >= 0 && member < flags.length) flags[member] = 1;
  return flags;
}
