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

function grown<T extends Typed>(array: T, capacity: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(capacity, array.length * 2, 1024));
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
  attrStart = new Int32Array(1024);
  attrLength = new Int32Array(1024);
  tokenStart = new Int32Array(1024);
  tokenLength = new Int32Array(1024);
  /** Tokens of the name and of the brand alone (in order), for relevance. */
  nameStart = new Int32Array(1024);
  nameLength = new Int32Array(1024);
  brandStart = new Int32Array(1024);
  brandLength = new Int32Array(1024);
  readonly attrs = new IntList();
  readonly tokens = new IntList();
  readonly nameTokens = new IntList();
  readonly brandTokens = new IntList();

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
      this.attrStart = grown(this.attrStart, capacity);
      this.attrLength = grown(this.attrLength, capacity);
      this.tokenStart = grown(this.tokenStart, capacity);
      this.tokenLength = grown(this.tokenLength, capacity);
      this.nameStart = grown(this.nameStart, capacity);
      this.nameLength = grown(this.nameLength, capacity);
      this.brandStart = grown(this.brandStart, capacity);
      this.brandLength = grown(this.brandLength, capacity);
    }
    return slot;
  }

  setAttrs(slot: number, sortedPairs: readonly number[]): void {
    this.attrStart[slot] = this.attrs.append(sortedPairs);
    this.attrLength[slot] = sortedPairs.length;
  }

  setTokens(slot: number, sortedTokens: readonly number[], nameTokens: readonly number[], brandTokens: readonly number[]): void {
    this.tokenStart[slot] = this.tokens.append(sortedTokens);
    this.tokenLength[slot] = sortedTokens.length;
    this.nameStart[slot] = this.nameTokens.append(nameTokens);
    this.nameLength[slot] = nameTokens.length;
    this.brandStart[slot] = this.brandTokens.append(brandTokens);
    this.brandLength[slot] = brandTokens.length;
  }

  /** Whether a token occurs in the slot's name or brand tokens. */
  hasToken(list: 'name' | 'brand', slot: number, token: number): boolean {
    const [starts, lengths, data] =
      list === 'name' ? [this.nameStart, this.nameLength, this.nameTokens.data] : [this.brandStart, this.brandLength, this.brandTokens.data];
    const start = starts[slot]!;
    for (let i = start, end = start + lengths[slot]!; i < end; i++) if (data[i] === token) return true;
    return false;
  }
}
