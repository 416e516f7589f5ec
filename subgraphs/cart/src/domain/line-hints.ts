import type { CartRecord } from './cart';

/**
 * The SKUs of the carts this process last read or wrote, so that a write can ask catalog and
 * inventory about every line of the cart it will return in the same call as the SKU it writes,
 * without reading the cart from Redis first. A hint is only ever a guess: the write returns the
 * cart as stored, and a line the hint missed (written by another process) costs one more catalog
 * call, never a wrong answer. Bounded (least recently used go first) and dropped after `maxAgeMs`.
 */
export class LineSkuHints {
  private readonly entries = new Map<string, { skus: readonly string[]; at: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly capacity = 20_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The SKUs last seen in the owner's cart ([] for no cart), or undefined when unknown. */
  get(owner: string): readonly string[] | undefined {
    const entry = this.entries.get(owner);
    if (!entry) return undefined;
    this.entries.delete(owner);
    if (this.clock() - entry.at > this.maxAgeMs) return undefined;
    this.entries.set(owner, entry);
    return entry.skus;
  }

  remember(owner: string, cart: CartRecord | null): void {
    this.entries.delete(owner);
    this.entries.set(owner, { skus: cart ? cart.lines.map((line) => line.sku) : [], at: this.clock() });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
