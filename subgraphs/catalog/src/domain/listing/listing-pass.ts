import { SLOT_LIVE } from './columns';
import { ATTRIBUTE_BIT, FAIL_BRAND, FAIL_CATEGORY, FAIL_PRICE, type CompiledFilter } from './listing-filter';
import type { ListingIndex } from './listing-index';
import { PRICE_LADDER } from './price-bands';
import { planScan } from './scan-plan';

// Module-level copies: imported bindings compile to getter calls under tsx, too slow for the loop.
const LIVE = SLOT_LIVE;
const NOT_IN_CATEGORY = FAIL_CATEGORY;
const NOT_OF_BRAND = FAIL_BRAND;
const NOT_IN_PRICE = FAIL_PRICE;
const FIRST_ATTRIBUTE = ATTRIBUTE_BIT;

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
  /**
   * Non-zero for every slot matching the whole filter: 1 + its relevance score (0 without a text
   * query; at most 96). One byte array holds both, so a search allocates one array per catalog slot.
   */
  isMatch: Uint8Array;
  /** With a text query: the matching slots. */
  matches: Int32Array | null;
  /** The matches in relevance order, built on first use (see `rankedMatches`). */
  ranked: Int32Array | null;
  counts: FacetCounts;
}

/**
 * Matches, relevance scores and facet counts in one pass over the candidates. Facets are
 * disjunctive: a facet counts the products that match every other condition, so a shopper sees
 * how many products each further brand (or attribute value, or price band) would add. This loop
 * runs over up to every product, so it reads typed-array columns into locals and makes no call
 * per product but the score of a text query.
 */
export function runPass(index: ListingIndex, filter: CompiledFilter, base: ListingPass | null = null): ListingPass {
  const brandCounts = new Int32Array(index.brands.size);
  const pairCounts = new Int32Array(index.attributes.pairs.size);
  const stepCounts = new Int32Array(PRICE_LADDER.length);
  const currencyCounts = new Int32Array(index.currencies.size);
  const childCounts = new Int32Array(index.tree.size);
  const isMatch = new Uint8Array(index.slotCount);
  const counts = { brand: brandCounts, pair: pairCounts, priceStep: stepCounts, currency: currencyCounts, child: childCounts };
  const query = filter.queryTokens === null ? null : Int32Array.from(filter.queryTokens);
  const plan = planScan(index, filter, base);
  const { lists: candidates, member, categoryMask, facetFromBase } = plan;
  const seen = plan.overlapping ? new Uint8Array(index.slotCount) : null;
  let candidateTotal = 0;
  for (const list of candidates ?? []) candidateTotal += list.length;
  const matches = query === null ? null : new Int32Array(candidateTotal);

  const c = index.columns;
  const { state, brand, category, currency, step, priceMajor, attrStart, attrLength, tokenStart, tokenLength } = c;
  const attrData = c.attrs.data;
  const tokenData = c.tokens.data;
  const childUnder = index.tree.childUnder(filter.category);
  // The facet of the one narrowing dimension is the base's: matches must not add to it again.
  const countBrands = facetFromBase === null || !('brand' in facetFromBase);
  const baseAttribute = facetFromBase !== null && 'attributeName' in facetFromBase ? facetFromBase.attributeName : -1;
  const brandMask = filter.brands ? membership(index.brands.size, filter.brands) : null;
  const hasPrice = filter.minPrice !== null || filter.maxPrice !== null;
  const minPrice = filter.minPrice ?? -Infinity;
  const maxPrice = filter.maxPrice ?? Infinity;
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
  let totalCount = 0;

  for (const list of candidates ?? [null]) {
    const size = list === null ? c.size : list.length;
    for (let k = 0; k < size; k++) {
      const slot = list === null ? k : list[k]!;
      if (state[slot] !== LIVE) continue;
      if (member !== null && member[slot] === 0) continue;
      if (seen !== null) {
        if (seen[slot] === 1) continue;
        seen[slot] = 1;
      }
      let score = 0;
      if (query !== null) {
        score = scoreOf(tokenData, tokenStart[slot]!, tokenLength[slot]!, query);
        if (score < 0) continue;
      }
      let mask = 0;
      const leaf = category[slot]!;
      if (categoryMask !== null && (leaf < 0 || categoryMask[leaf] !== 1)) mask |= NOT_IN_CATEGORY;
      if (brandMask !== null && brandMask[brand[slot]!] !== 1) mask |= NOT_OF_BRAND;
      if (hasPrice && (priceMajor[slot]! < minPrice || priceMajor[slot]! > maxPrice)) mask |= NOT_IN_PRICE;
      const start = attrStart[slot]!;
      const end = start + attrLength[slot]!;
      if (attributeBits !== 0) {
        let met = 0;
        for (let i = start; i < end; i++) met |= satisfies[attrData[i]!]!;
        mask |= attributeBits & ~met;
      }
      if (mask === 0) {
        isMatch[slot] = 1 + score;
        if (matches !== null) matches[totalCount] = slot;
        totalCount++;
        if (countBrands) brandCounts[brand[slot]!]!++;
        if (leaf >= 0 && childUnder[leaf]! >= 0) childCounts[childUnder[leaf]!]!++;
        if (baseAttribute < 0) for (let i = start; i < end; i++) pairCounts[attrData[i]!]!++;
        else for (let i = start; i < end; i++) if (nameOfPair[attrData[i]!] !== baseAttribute) pairCounts[attrData[i]!]!++;
        stepCounts[step[slot]!]!++;
        currencyCounts[currency[slot]!]!++;
      } else if (mask === NOT_OF_BRAND) {
        brandCounts[brand[slot]!]!++;
      } else if (mask === NOT_IN_PRICE) {
        stepCounts[step[slot]!]!++;
        currencyCounts[currency[slot]!]!++;
      } else if (mask >= FIRST_ATTRIBUTE && (mask & (mask - 1)) === 0) {
        // Fails exactly one attribute condition: count that attribute's values only.
        for (let i = start; i < end; i++) if (bitOfName[nameOfPair[attrData[i]!]!] === mask) pairCounts[attrData[i]!]!++;
      }
    }
  }
  if (base !== null && !countBrands) brandCounts.set(base.counts.brand.subarray(0, brandCounts.length));
  if (base !== null && baseAttribute >= 0) {
    for (let pair = 0; pair < pairCounts.length; pair++) if (nameOfPair[pair] === baseAttribute) pairCounts[pair] = base.counts.pair[pair] ?? 0;
  }
  return { totalCount, isMatch, matches: matches && matches.subarray(0, totalCount), ranked: null, counts };
}

/**
 * Relevance of a product for a query: the sum of each query word's weight in it (3 name, 2 brand,
 * 1 description), or -1 when a word is missing. Both lists are sorted, so each search starts
 * where the previous one ended. Tokens are stored as `token * 4 + weight`.
 */
function scoreOf(tokens: Int32Array, start: number, length: number, wanted: Int32Array): number {
  const end = start + length;
  let low = start;
  let score = 0;
  for (let q = 0; q < wanted.length; q++) {
    const token = wanted[q]!;
    const floor = token * 4;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle]! < floor) low = middle + 1;
      else high = middle;
    }
    if (low >= end || tokens[low]! >> 2 !== token) return -1;
    score += tokens[low]! & 3;
    low++;
  }
  return score;
}

function membership(size: number, members: Iterable<number>): Uint8Array {
  const flags = new Uint8Array(Math.max(size, 1));
  for (const member of members) if (member >= 0 && member < flags.length) flags[member] = 1;
  return flags;
}
