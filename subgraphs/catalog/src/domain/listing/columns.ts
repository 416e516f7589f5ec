/**
 * Column storage for the listing index: one typed array per field, indexed by slot, so that a scan
 * over 100,000 products reads a few contiguous arrays instead of chasing 100,000 objects.
 * Variable-length lists (attribute pairs, search tokens) live in one shared array each,
 * addressed by a start offset and a length per slot.
 */

export const SLOT_DEAD = 0;
export const SLOT_LIVE = 1;
export const SLOT_DELETED = 2;

type Typed = Uint8Array | Int32Array | Float64Array;

function grown<T extends Typed>(array: T, capacity: number, minimum = 1024): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(capacity, array.length * 2, minimum));
  next.set(array);
  return next;
}

/** An append-only list of int32 values. */
export class IntList {
  data = new Int32Array(4096);
  length = 0;

  append(values: readonly number[]): number {
    const start = this.length;
    this.data = grown(this.data, start + values.length);
    this.data.set(values, start);
    this.length += values.length;
    return start;
  }
}

export class Columns {
  size = 0;
  state = new Uint8Array(1024);
  brand = new Int32Array(1024);
  category = new Int32Array(1024);
  currency = new Int32Array(1024);
  /** Price-ladder step of the price, for price bands. */
  step = new Uint8Array(1024);
  price = new Float64Array(1024);
  priceMajor = new Float64Array(1024);
  createdAt = new Float64Array(1024);
  updatedAt = new Float64Array(1024);
  /** Where the card ends in the slot's JSON (see product-json `cardEnd`); -1 when unknown. */
  cardEnd = new Int32Array(1024);
  attrStart = new Int32Array(1024);
  attrLength = new Int32Array(1024);
  /** Search tokens of the slot, sorted, each stored as `token * 4 + weight` (see `weightedToken`). */
  tokenStart = new Int32Array(1024);
  tokenLength = new Int32Array(1024);
  readonly attrs = new IntList();
  readonly tokens = new IntList();

  /** Makes room for one more slot and returns it. */
  addSlot(): number {
    const slot = this.size++;
    if (slot >= this.state.length) {
      const capacity = slot + 1;
      this.state = grown(this.state, capacity);
      this.brand = grown(this.brand, capacity);
      this.category = grown(this.category, capacity);
      this.currency = grown(this.currency, capacity);
      this.step = grown(this.step, capacity);
      this.price = grown(this.price, capacity);
      this.priceMajor = grown(this.priceMajor, capacity);
      this.createdAt = grown(this.createdAt, capacity);
      this.updatedAt = grown(this.updatedAt, capacity);
      this.cardEnd = grown(this.cardEnd, capacity);
      this.attrStart = grown(this.attrStart, capacity);
      this.attrLength = grown(this.attrLength, capacity);
      this.tokenStart = grown(this.tokenStart, capacity);
      this.tokenLength = grown(this.tokenLength, capacity);
    }
    return slot;
  }

  setAttrs(slot: number, sortedPairs: readonly number[]): void {
    this.attrStart[slot] = this.attrs.append(sortedPairs);
    this.attrLength[slot] = sortedPairs.length;
  }

  setTokens(slot: number, sortedWeightedTokens: readonly number[]): void {
    this.tokenStart[slot] = this.tokens.append(sortedWeightedTokens);
    this.tokenLength[slot] = sortedWeightedTokens.length;
  }
}

/**
 * Relevance weight of a word: 3 in the name, 2 in the brand, 1 only in the description. Stored
 * with the token (`token * 4 + weight`) so that the match test of a query also yields its score.
 */
export const TOKEN_WEIGHT = { name: 3, brand: 2, description: 1 } as const;
export const weightedToken = (token: number, weight: number): number => token * 4 + weight;

/** A growable list of slots in a typed array (postings per category and per word). */
export class SlotList {
  data = new Int32Array(4);
  length = 0;

  push(slot: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1, 4);
    this.data[this.length++] = slot;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
