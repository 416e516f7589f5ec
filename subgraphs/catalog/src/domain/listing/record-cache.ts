import { isTombstone, type ProductRecord } from '../product';
import { parseCard, parseState } from '../product-json';
import { ProductView } from '../product-view';

/**
 * Records of the slots read last, parsed once: a slot never changes (a change takes a new slot),
 * so a cached record cannot go stale, and the pages shoppers are reading are not parsed again on
 * every request. Records are shared between requests: callers must not modify them.
 */
export class RecordCache {
  /** Least recently read first. */
  private readonly records = new Map<number, ProductRecord>();

  constructor(private readonly capacity: number) {}

  /** The record of a slot's JSON (a card view when `cardEnd` is known); null for a tombstone. */
  read(slot: number, json: string, cardEnd: number): ProductRecord | null {
    const cached = this.records.get(slot);
    if (cached) {
      this.records.delete(slot);
      this.records.set(slot, cached);
      return cached;
    }
    const card = cardEnd >= 0 ? parseCard(json, cardEnd) : null;
    const state = card ? new ProductView(card, json) : parseState(json);
    if (isTombstone(state)) return null;
    this.records.set(slot, state);
    if (this.records.size > this.capacity) this.records.delete(this.records.keys().next().value!);
    return state;
  }

  forget(slot: number): void {
    this.records.delete(slot);
  }
}
