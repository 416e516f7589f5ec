import { isTombstone, type ProductRecord, type ProductTombstone } from './product';

export type ProductState = ProductRecord | ProductTombstone;

type Serialized =
  | (Omit<ProductRecord, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string })
  | (Omit<ProductTombstone, 'updatedAt'> & { updatedAt: string });

/**
 * The read model keeps each product as its JSON text: a string is one leaf for the garbage
 * collector, where the same product as objects is ~40 of them (with 100,000 products that is the
 * difference between a few milliseconds and tens of milliseconds of GC pause per request tail).
 */
export function serializeState(state: ProductState): string {
  if (isTombstone(state)) return JSON.stringify({ id: state.id, deleted: true, updatedAt: state.updatedAt });
  // The card's properties first, the description next: see `cardEnd`.
  const { id, slug, name, brand, currencyCode, priceMinor, compareAtPriceMinor, images, categoryId, description, ...rest } = state;
  return JSON.stringify({ id, slug, name, brand, currencyCode, priceMinor, compareAtPriceMinor, images, categoryId, description, ...rest });
}

export function parseState(json: string): ProductState {
  const state: Serialized = JSON.parse(json);
  return 'deleted' in state
    ? { ...state, updatedAt: new Date(state.updatedAt) }
    : { ...state, createdAt: new Date(state.createdAt), updatedAt: new Date(state.updatedAt) };
}

/**
 * Parses a state stored by an earlier process (the snapshot) and checks that it has this
 * version's shape, so that a snapshot written by an older catalog is refused (and rebuilt)
 * instead of filling the read model with products it cannot list.
 */
export function parseStoredState(json: string): ProductState {
  const state = parseState(json);
  if (!hasStateShape(state)) throw new StateLayoutError(`not a product state of this catalog's layout: ${json.slice(0, 80)}`);
  return state;
}

export class StateLayoutError extends Error {}

function hasStateShape(state: unknown): boolean {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
  const value = state as Record<string, unknown>;
  if (typeof value.id !== 'string' || !isDate(value.updatedAt)) return false;
  if (value.deleted === true) return true;
  return (
    ['slug', 'name', 'brand', 'description', 'currencyCode', 'categoryId'].every((key) => typeof value[key] === 'string') &&
    Number.isFinite(value.priceMinor) &&
    isDate(value.createdAt) &&
    Array.isArray(value.images) &&
    Array.isArray(value.categoryIds) &&
    Array.isArray(value.attributes) &&
    value.attributes.every((attribute: unknown) => isPair(attribute)) &&
    Array.isArray(value.variants) &&
    value.variants.every(isVariant)
  );
}

function isDate(value: unknown): boolean {
  return value instanceof Date && Number.isFinite(value.getTime());
}

function isPair(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const pair = value as Record<string, unknown>;
  return typeof pair.name === 'string' && typeof pair.value === 'string';
}

function isVariant(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const variant = value as Record<string, unknown>;
  return typeof variant.sku === 'string' && Number.isFinite(variant.priceMinor) && Array.isArray(variant.options) && variant.options.every(isPair);
}

/** What a listing shows of a product: the first properties of its JSON, parsed alone. */
export type ProductCard = Pick<ProductRecord, 'id' | 'slug' | 'name' | 'brand' | 'currencyCode' | 'priceMinor' | 'compareAtPriceMinor' | 'images' | 'categoryId'>;

const CARD_END = ',"description":';

/**
 * Where the card ends in a record's JSON written by `serializeState` (the card's properties come
 * first, then the description); -1 for JSON of another shape.
 */
export function cardEnd(json: string): number {
  if (!json.startsWith('{"id":')) return -1;
  // A quote inside a JSON string is escaped, so these can only be the keys: the card's last key
  // must come before the description (other versions wrote other orders).
  const end = json.indexOf(CARD_END);
  return end > 0 && json.lastIndexOf(',"categoryId":', end) > 0 ? end : -1;
}

/** The card of a record's JSON (see `cardEnd`), or null when the prefix does not hold it all. */
export function parseCard(json: string, end: number): ProductCard | null {
  const card = JSON.parse(`${json.slice(0, end)}}`) as Partial<ProductCard>;
  const complete =
    typeof card.id === 'string' && typeof card.slug === 'string' && typeof card.name === 'string' && typeof card.brand === 'string' &&
    typeof card.currencyCode === 'string' && typeof card.priceMinor === 'number' && card.compareAtPriceMinor !== undefined &&
    Array.isArray(card.images) && typeof card.categoryId === 'string';
  return complete ? (card as ProductCard) : null;
}
