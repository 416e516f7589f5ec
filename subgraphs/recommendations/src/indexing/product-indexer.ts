import type { Logger } from '@shop/platform';
import type { CatalogClient, ProductChangeItem } from '../clients/catalog-client';
import type { VectorIndex, VectorRecord } from '../data-access/vector-index';
import { productMetadata, productText, textHash, type IndexableProduct } from '../domain/product-text';
import type { Embedder } from '../embeddings/embedder';

export interface IndexerOptions {
  catalog: CatalogClient;
  embedder: Embedder;
  index: VectorIndex;
  logger: Logger;
  /** Changes read per call of the catalog's feed. */
  pageSize?: number;
  /** How often the feed is read again after catching up; 0 disables polling. */
  pollIntervalMs?: number;
}

export interface SyncReport {
  pages: number;
  embedded: number;
  unchanged: number;
  removed: number;
}

/**
 * Follows the catalog's `productChanges` feed into the vector index: embeds products whose
 * text changed (by hash), removes deleted ones, and stores the feed position with the vectors
 * so a restart resumes where it stopped. A new embedding model starts the index afresh.
 */
export class ProductIndexer {
  private running: Promise<SyncReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** True once the index has caught up with the catalog at least once. */
  caughtUp = false;

  constructor(private readonly options: IndexerOptions) {}

  /** Reads the feed until it has no more changes; concurrent calls share one run. */
  syncOnce(): Promise<SyncReport> {
    this.running ??= this.sync().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sync(): Promise<SyncReport> {
    const { catalog, embedder, index, logger } = this.options;
    const pageSize = this.options.pageSize ?? 200;
    let state = await index.readState();
    if (state.embedderId !== embedder.id) {
      if (state.embedderId !== null || (await index.count()) > 0) {
        logger.warn({ from: state.embedderId, to: embedder.id }, 'embedding model changed: re-indexing the whole catalog');
      }
      await index.clear();
      state = { embedderId: embedder.id, cursor: null };
    }
    const report: SyncReport = { pages: 0, embedded: 0, unchanged: 0, removed: 0 };
    const startedAt = Date.now();
    let lastLog = startedAt;
    for (;;) {
      if (this.stopped) break;
      const page = await catalog.productChanges(state.cursor, pageSize);
      await this.apply(page.items, report);
      report.pages += 1;
      state = { embedderId: embedder.id, cursor: page.cursor };
      await index.writeState(state);
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const seconds = (lastLog - startedAt) / 1000;
        logger.info({ ...report, perSecond: Math.round(report.embedded / seconds) }, 'indexing the catalog');
      }
      if (!page.hasMore) break;
    }
    if (report.embedded + report.removed > 0 || !this.caughtUp) await index.optimize?.();
    if (report.embedded + report.removed > 0 || !this.caughtUp) {
      logger.info({ ...report, products: await index.count(), ms: Date.now() - startedAt }, 'product index up to date');
    }
    this.caughtUp = true;
    return report;
  }

  private async apply(items: readonly ProductChangeItem[], report: SyncReport): Promise<void> {
    const { embedder, index } = this.options;
    const latest = new Map<string, ProductChangeItem>();
    for (const item of items) latest.set(item.id, item);
    const removed = [...latest.values()].filter((item) => item.deleted || !item.product).map((item) => item.id);
    const products = [...latest.values()].flatMap((item) => (item.deleted || !item.product ? [] : [item.product]));
    if (removed.length > 0) {
      await index.remove(removed);
      report.removed += removed.length;
    }
    if (products.length === 0) return;
    const texts = new Map(products.map((product) => [product.id, productText(product)]));
    const hashes = new Map(products.map((product) => [product.id, textHash(texts.get(product.id)!, embedder.id)]));
    const stored = await index.textHashes(products.map((product) => product.id));
    const changed: IndexableProduct[] = products.filter((product) => stored.get(product.id) !== hashes.get(product.id));
    report.unchanged += products.length - changed.length;
    if (changed.length === 0) return;
    const vectors = await embedder.embed(changed.map((product) => texts.get(product.id)!));
    const records: VectorRecord[] = changed.map((product, position) => ({
      id: product.id,
      vector: vectors[position]!,
      metadata: productMetadata(product, hashes.get(product.id)!),
    }));
    await index.upsert(records);
    report.embedded += records.length;
  }

  /** Catches up now, then polls the feed every `pollIntervalMs`; failures are logged and retried. */
  start(): Promise<SyncReport | null> {
    const first = this.syncOnce().catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'indexing the catalog failed; retrying at the next poll');
      return null;
    });
    void first.then(() => this.schedule());
    return first;
  }

  private schedule(): void {
    const interval = this.options.pollIntervalMs ?? 30_000;
    if (this.stopped || interval <= 0) return;
    this.timer = setTimeout(() => {
      this.syncOnce()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'polling catalog changes failed'))
        .finally(() => this.schedule());
    }, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
