import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoundTripCounter } from '@shop/platform';
import { CoPurchaseCounts, type Basket, type CoPurchaseSnapshot, type RelatedProduct } from '../domain/co-purchase';

export const CO_PURCHASE_FILE = 'co-purchases.json';

/** Baskets are remembered (so that reading a history again never counts them twice) this long: activity keeps 90 days. */
const REMEMBER_BASKETS_MS = 120 * 86_400_000;

interface FileContent {
  version: 1;
  counts: CoPurchaseSnapshot;
  /** Key → time of the baskets already counted. */
  seen: Array<[string, number]>;
}

export interface CoPurchaseStoreOptions {
  /** Folder of the file (the vector index's data folder); none keeps the counts in memory only. */
  dir?: string;
  roundTrips?: RoundTripCounter;
  /** Writes at most this often after changes; close() always writes. */
  saveIntervalMs?: number;
}

/**
 * What shoppers bought (and carted) together, learnt from the baskets in the histories the service
 * reads from activity, each basket counted once (by key), kept in one JSON file in the data
 * folder, written atomically and reloaded at start.
 */
export class CoPurchaseStore {
  private counts = new CoPurchaseCounts();
  private readonly seen = new Map<string, number>();
  private dirty = false;
  private lastSave = 0;
  private readonly file: string | null;

  private constructor(private readonly options: CoPurchaseStoreOptions) {
    this.file = options.dir ? join(options.dir, CO_PURCHASE_FILE) : null;
  }

  static open(options: CoPurchaseStoreOptions = {}): CoPurchaseStore {
    if (options.dir) mkdirSync(options.dir, { recursive: true });
    const store = new CoPurchaseStore(options);
    if (store.file && existsSync(store.file)) {
      const content = JSON.parse(readFileSync(store.file, 'utf8')) as FileContent;
      if (content.version !== 1) throw new Error(`${store.file} has an unknown version`);
      store.counts = CoPurchaseCounts.fromSnapshot(content.counts);
      for (const [key, at] of content.seen) store.seen.set(key, at);
    }
    return store;
  }

  /** Counts the baskets not counted before; returns how many were new. */
  learn(baskets: readonly Basket[]): number {
    let learnt = 0;
    for (const basket of baskets) {
      if (this.seen.has(basket.key)) continue;
      this.seen.set(basket.key, basket.at.getTime());
      this.counts.add(basket.items, basket.weight);
      learnt += 1;
    }
    if (learnt > 0) {
      this.dirty = true;
      if (Date.now() - this.lastSave >= (this.options.saveIntervalMs ?? 10_000)) this.flush();
    }
    return learnt;
  }

  /** The products most bought with each of the given ones (one read for a request's batch). */
  related(productIds: readonly string[], k: number): Map<string, RelatedProduct[]> {
    this.options.roundTrips?.record('copurchase.related');
    return new Map(productIds.map((id) => [id, this.counts.related(id, k)]));
  }

  /** Products with at least one co-purchase. */
  get products(): number {
    return this.counts.products;
  }

  flush(): void {
    if (!this.file) return;
    const oldest = Date.now() - REMEMBER_BASKETS_MS;
    for (const [key, at] of this.seen) if (at < oldest) this.seen.delete(key);
    const content: FileContent = { version: 1, counts: this.counts.snapshot(), seen: [...this.seen] };
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(content));
    renameSync(temp, this.file);
    this.dirty = false;
    this.lastSave = Date.now();
  }

  close(): void {
    if (this.dirty) this.flush();
  }
}
