import { z } from 'zod';
import { badInput } from '@shop/platform';
import type { CategoryNode } from '../category-tree';
import { keyOf, tokenize } from '../text';
import type { ListingIndex } from './listing-index';

export const MAX_QUERY_LENGTH = 200;

const decimalAmount = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a decimal amount such as "25" or "25.90"');

export const listingFilterSchema = z.object({
  category: z.string().min(1).max(200).nullish(),
  ids: z.array(z.string().min(1).max(200)).max(100, 'at most 100 ids').nullish(),
  brands: z.array(z.string().min(1).max(100)).max(50, 'at most 50 brands').nullish(),
  minPrice: decimalAmount.nullish(),
  maxPrice: decimalAmount.nullish(),
  attributes: z
    .array(
      z.object({
        name: z.string().min(1).max(100),
        values: z.array(z.string().min(1).max(200)).min(1, 'give at least one value').max(50, 'at most 50 values'),
      }),
    )
    .max(20, 'at most 20 attributes')
    .nullish(),
  query: z.string().nullish(),
});

export type ListingFilterInput = z.input<typeof listingFilterSchema>;
export type ListingFilter = z.output<typeof listingFilterSchema>;

/** Bits of the facet dimensions an entry fails; attribute filter k uses bit ATTRIBUTE_BIT << k. */
export const FAIL_CATEGORY = 1;
export const FAIL_BRAND = 2;
export const FAIL_PRICE = 4;
export const ATTRIBUTE_BIT = 8;

export interface CompiledAttributeFilter {
  nameId: number;
  pairs: Set<number>;
  bit: number;
}

/** A filter turned into dictionary ids and masks; `matchesNothing` short-cuts unknown values. */
export interface CompiledFilter {
  matchesNothing: boolean;
  queryTokens: number[] | null;
  ids: Set<string> | null;
  category: CategoryNode | null;
  categoryMask: Uint8Array | null;
  brands: Set<number> | null;
  minPrice: number | null;
  maxPrice: number | null;
  attributes: CompiledAttributeFilter[];
}

/** Validates a listing filter; throws BAD_USER_INPUT naming the field at fault. */
export function parseListingFilter(input: unknown): z.output<typeof listingFilterSchema> {
  const parsed = listingFilterSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = ['filter', ...issue.path.map(String)].join('.');
    throw badInput(`${field}: ${issue.message}`, field);
  }
  const { query, minPrice, maxPrice } = parsed.data;
  if (query !== null && query !== undefined) {
    if (query.trim().length === 0) throw badInput('filter.query must not be empty', 'filter.query');
    if (query.length > MAX_QUERY_LENGTH) {
      throw badInput(`filter.query must be at most ${MAX_QUERY_LENGTH} characters`, 'filter.query');
    }
  }
  if (minPrice && maxPrice && Number(minPrice) > Number(maxPrice)) {
    throw badInput('filter.minPrice must not exceed filter.maxPrice', 'filter.minPrice');
  }
  return parsed.data;
}

export function compileFilter(index: ListingIndex, input: z.output<typeof listingFilterSchema>): CompiledFilter {
  const filter: CompiledFilter = {
    matchesNothing: false,
    queryTokens: null,
    ids: input.ids ? new Set(input.ids) : null,
    category: null,
    categoryMask: null,
    brands: null,
    minPrice: input.minPrice ? Number(input.minPrice) : null,
    maxPrice: input.maxPrice ? Number(input.maxPrice) : null,
    attributes: [],
  };
  if (input.query) {
    const tokens = tokenize(input.query, 32).map((token) => index.tokens.find(token));
    // No searchable word, or a word no product has: nothing can match.
    if (tokens.length === 0 || tokens.includes(-1)) filter.matchesNothing = true;
    filter.queryTokens = [...new Set(tokens)].sort((a, b) => a - b);
  }
  if (input.category) {
    filter.category = index.tree.find(input.category);
    if (filter.category) filter.categoryMask = index.tree.subtreeMask(filter.category);
    else filter.matchesNothing = true;
  }
  if (input.brands) {
    filter.brands = new Set(input.brands.map((brand) => index.brands.find(keyOf(brand))).filter((id) => id >= 0));
    if (filter.brands.size === 0) filter.matchesNothing = true;
  }
  for (const [position, attribute] of (input.attributes ?? []).entries()) {
    const nameId = index.attributes.names.find(keyOf(attribute.name));
    const pairs = new Set(
      attribute.values.map((value) => (nameId < 0 ? -1 : index.attributes.findPair(nameId, keyOf(value)))).filter((id) => id >= 0),
    );
    if (pairs.size === 0) filter.matchesNothing = true;
    filter.attributes.push({ nameId, pairs, bit: ATTRIBUTE_BIT << position });
  }
  return filter;
}
