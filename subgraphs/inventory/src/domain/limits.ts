/** Input limits; anything outside is refused with a code before the store is touched. */
export const MAX_PRODUCT_IDS = 100;
export const MAX_LINES = 100;
export const MAX_LINE_QUANTITY = 10_000;
export const MAX_ADJUST_QUANTITY = 1_000_000;
/** Restocks stop here so counters stay far from GraphQL's 32-bit Int limit. */
export const MAX_AVAILABLE = 1_000_000_000;
export const MAX_ID_LENGTH = 256;

const ID_PATTERN = /^[\p{L}\p{N}_.:@\/-]+$/u;

/** SKUs, product ids and order ids: 1 to 256 letters, digits or `_ . : @ / -`. */
export function isValidId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

export function isQuantity(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
