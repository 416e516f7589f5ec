import type { Logger } from '@shop/platform';
import { ListingIndex } from '../domain/listing/listing-index';
import type { ProductRecord, ProductTombstone } from '../domain/product';
import type { ChangeLogState } from '../data-access/change-log-repository';
import type { CatalogRepositories } from './repositories';

export interface ListingSyncOptions {
  /**
   * How old (ms) the last check of the change log may be before a request waits for a new one.
   * 0: every request checks (a write finished anywhere before a request is seen by it). Above 0,
   * requests are answered at once while the check is renewed in the background ahead of time.
   */
  maxStalenessMs?: number;
  /** Above this many changes since the last sync, reload everything instead of reading each. */
  maxIncremental?: number;
  /** Write a new snapshot when the index is this many changes ahead of the stored one. */
  snapshotLag?: number;
  logger?: Logger;
}

/**
 * Keeps this process's read model (the listing index) in step with the store. A sync reads the
 * change log (one small document); when other writers moved it on, it reads just the changed
 * products, or reloads everything after a reseed or when far behind: from the snapshot when it
 * is recent enough, else from the products (and then stores a new snapshot).
 */
export class ListingSync {
  private index: ListingIndex = ListingIndex.build([], []);
  private epoch: string | null = null;
  private version = 0;
  /** Start time of the last completed sync: every write finished before it is in the index. */
  private syncedAsOf = 0;
  private snapshotVersion = -1;
  private snapshotting: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly maxStalenessMs: number;
  private readonly maxIncremental: number;
  private readonly snapshotLag: number;

  constructor(
    private readonly repositories: CatalogRepositories,
    private readonly options: ListingSyncOptions = {},
  ) {
    this.maxStalenessMs = options.maxStalenessMs ?? 0;
    this.maxIncremental = options.maxIncremental ?? 64;
    this.snapshotLag = options.snapshotLag ?? 500;
  }

  /** The index, up to date with every write finished `maxStalenessMs` before this call. */
  async fresh(): Promise<ListingIndex> {
    const age = Date.now() - this.syncedAsOf;
    if (this.maxStalenessMs === 0 || age > this.maxStalenessMs) {
      await this.sync();
    } else if (age > this.maxStalenessMs / 2 && !this.running) {
      this.sync().catch((error: unknown) => this.options.logger?.warn({ err: error }, 'background catalog sync failed'));
    }
    return this.index;
  }

  /** The index as of the last sync, without asking the store. */
  current(): ListingIndex {
    return this.index;
  }

  /** Makes the next request wait for a sync (after a write this process could not apply itself). */
  markStale(): void {
    this.syncedAsOf = 0;
  }

  /**
   * Applies a write this process just made and logged, without reading it back, when the log
   * shows it is the only change since the last sync; otherwise the next request syncs first.
   */
  applyOwnWrite(logged: { epoch: string; version: number }, state: ProductRecord | ProductTombstone): void {
    if (this.running || logged.epoch !== this.epoch || logged.version !== this.version + 1) {
      this.markStale();
      return;
    }
    this.index.apply(state);
    this.version = logged.version;
  }

  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // A sync is under way but may have read the log before our caller's writes: queue one more.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.sync();
      });
    return this.queued;
  }

  private async run(): Promise<void> {
    const startedAt = Date.now();
    const state = await this.repositories.changeLog.read();
    if (state.epoch !== this.epoch || state.version < this.version) await this.reload(state);
    else await this.catchUp(state);
    this.syncedAsOf = startedAt;
  }

  /** Applies the changes logged since the index's version, one read per changed product. */
  private async catchUp(state: ChangeLogState): Promise<void> {
    const behind = state.version - this.version;
    if (behind === 0) return;
    if (behind > state.recent.length || behind > this.maxIncremental) return this.loadProducts(state);
    const ids = [...new Set(state.recent.slice(state.recent.length - behind))];
    const states = await this.repositories.products.findStates(ids);
    const found = new Set(states.map((entry) => entry.id));
    for (const entry of states) this.index.apply(entry);
    for (const id of ids) if (!found.has(id)) this.index.forget(id);
    if (this.index.needsCompaction()) this.index = this.index.compacted();
    this.version = state.version;
    if (this.version - this.snapshotVersion > this.snapshotLag) this.storeSnapshot();
  }

  private async reload(state: ChangeLogState): Promise<void> {
    const snapshot = await this.repositories.snapshot.read().catch(() => null);
    const usable =
      snapshot !== null &&
      snapshot.epoch === state.epoch &&
      snapshot.version <= state.version &&
      state.version - snapshot.version <= Math.min(state.recent.length, this.maxIncremental);
    if (!usable) return this.loadProducts(state);
    try {
      this.index = ListingIndex.build(await this.repositories.categories.findAll(), snapshot.states);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'catalog snapshot unreadable; loading every product');
      return this.loadProducts(state);
    }
    this.epoch = state.epoch;
    this.version = snapshot.version;
    this.snapshotVersion = snapshot.version;
    await this.catchUp(state);
    // Written by an older version: store it again in today's layout, for the next start.
    if (this.index.rewritten > 0) this.storeSnapshot();
  }

  private async loadProducts(state: ChangeLogState): Promise<void> {
    const [categories, products] = await Promise.all([
      this.repositories.categories.findAll(),
      this.repositories.products.findAllStates(),
    ]);
    this.index = ListingIndex.build(categories, products);
    this.epoch = state.epoch;
    this.version = state.version;
    if (products.length > 0) this.storeSnapshot();
  }

  /** Stores the current states in the background, so the next process start is fast. */
  private storeSnapshot(): void {
    if (this.snapshotting || this.epoch === null) return;
    const { epoch, version } = { epoch: this.epoch, version: this.version };
    const states = this.index.serializedStates();
    this.snapshotting = this.repositories.snapshot
      .write(epoch, version, states)
      .then(() => {
        this.snapshotVersion = version;
      })
      .catch((error: unknown) => this.options.logger?.warn({ err: error }, 'catalog snapshot not stored'))
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /** Waits for a snapshot being stored (tests, shutdown). */
  async settled(): Promise<void> {
    await this.snapshotting;
  }
}
