import { z } from 'zod';

export const LISTING_SORTS = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC', 'NAME_DESC'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];
/** Sorts whose order does not depend on the query, kept presorted by the index. */
export type PresortedSort = Exclude<ListingSort, 'RELEVANCE'>;
export const PRESORTED_SORTS: readonly PresortedSort[] = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC', 'NAME_DESC'];

/** The keys the orders compare; every order ends with the product id, so it is total and stable. */
export interface SortKeys {
  id: string;
  createdAt: number;
  price: number;
  nameKey: string;
  updatedAt: number;
}

const idSchema = z.string().min(1).max(200);
const numericPosition = z.object({ k: z.number().finite(), id: idSchema });
const textPosition = z.object({ k: z.string().max(1000), id: idSchema });

/** What a listing cursor holds: the sort key of the last item and its id. */
export const CURSOR_POSITIONS = {
  RELEVANCE: numericPosition,
  NEWEST: numericPosition,
  PRICE_ASC: numericPosition,
  PRICE_DESC: numericPosition,
  NAME_ASC: textPosition,
  NAME_DESC: textPosition,
} as const satisfies Record<ListingSort, z.ZodType>;

export type CursorPosition = { k: number | string; id: string };

/** Cursors are tagged with the sort, so one from another sort (or list) is refused. */
export const cursorList = (sort: ListingSort): string => `products:${sort}`;

/** The sort keys a cursor position stands for (only the compared key is meaningful). */
export function probeOf(sort: PresortedSort, position: CursorPosition): SortKeys {
  const base: SortKeys = { id: position.id, createdAt: 0, price: 0, nameKey: '', updatedAt: 0 };
  switch (sort) {
    case 'NEWEST':
      return { ...base, createdAt: Number(position.k) };
    case 'PRICE_ASC':
    case 'PRICE_DESC':
      return { ...base, price: Number(position.k) };
    case 'NAME_ASC':
    case 'NAME_DESC':
      return { ...base, nameKey: String(position.k) };
  }
}

export function positionOf(sort: PresortedSort, keys: SortKeys): CursorPosition {
  switch (sort) {
    case 'NEWEST':
      return { k: keys.createdAt, id: keys.id };
    case 'PRICE_ASC':
    case 'PRICE_DESC':
      return { k: keys.price, id: keys.id };
    case 'NAME_ASC':
    case 'NAME_DESC':
      return { k: keys.nameKey, id: keys.id };
  }
}
