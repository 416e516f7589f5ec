import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RoundTripCounter } from '@shop/platform';
import { dotAt } from '../domain/vectors';
import { IvfPartition } from './ivf-partition';
import { readIndexFile, writeIndexFile } from './local-index-file';
import { TopK } from './top-k';
import {
  matchesFilter,
  type IndexState,
  type ProductVectorMetadata,
  type VectorIndex,
  type VectorMatch,
  type VectorQuery,
  type VectorRecord,
} from './vector-index';

export const LOCAL_INDEX_FILE = 'product-vectors.bin';

/** From this many rows on, optimize() partitions the index: an exact scan of 20,000 × 384 floats already takes ~8 ms here. */
export const DEFAULT_IVF_MIN_ROWS = 20_000;

/**
 * Lists scanned per query: a twentieth of them, at least 8. Chosen with bench/recommendations-similar.ts
 * (recall@10 against exact search on clustered 384-dimension vectors, 100,000 rows).
 */
export const defaultNprobe = (nlist: number) => Math.max(8, Math.ceil(nlist / 20));

/** Candidates beyond topK re-ranked with exact floats (int8 scores are off by about 0.001). */
const SHORTLIST_EXTRA = 20;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface LocalVectorIndexOptions {
  /** Folder of the index file. */
  dir: string;
  dimension: number;
  roundTrips?: RoundTripCounter;
  /** Writes to disk at most this often while indexing; close() always writes. 0 writes on every state change. */
  saveIntervalMs?: number;
  /** From this many rows on, optimize() builds an IVF partition and queries become approximate. */
  ivfMinRows?: number;
  /** IVF lists scanned per query; more is slower and closer to exact. */
  nprobe?: number;
  /** Called between chunks of partitioning work (default: yield to the event loop). */
  pause?: () => Promise<void>;
}

/**
 * Cosine search over one contiguous Float32Array (rows of unit vectors), with metadata filters,
 * persisted to a single binary file written atomically (see local-index-file.ts). Exact below
 * `ivfMinRows` rows; from there optimize() partitions the rows (IVF, k-means lists) and queries
 * scan only the lists nearest to them (filtered ones go on to further lists until they have
 * enough matches). The partition is saved with the vectors and follows upserts and removals.
 */
export class LocalVectorIndex implements VectorIndex {
  readonly kind = 'local';
  private vectors: Float32Array;
  private ids: string[] = [];
  private metadata: ProductVectorMetadata[] = [];
  private readonly slotOf = new Map<string, number>();
  private state: IndexState = { embedderId: null, cursor: null };
  private dirty = false;
  private lastSave = 0;
  private ivf: IvfPartition | null = null;
  private ivfBuiltAt = 0;
  /** A partition being built: changes wait for it (it reads the rows across pauses). */
  private building: Promise<void> | null = null;
  private readonly file: string;
  private readonly saveIntervalMs: number;
  private readonly ivfMinRows: number;
  private nprobeSetting: number | undefined;

  private constructor(
    readonly dimension: number,
    private readonly options: LocalVectorIndexOptions,
  ) {
    this.vectors = new Float32Array(1024 * dimension);
    this.file = join(options.dir, LOCAL_INDEX_FILE);
    this.saveIntervalMs = options.saveIntervalMs ?? 5_000;
    this.ivfMinRows = options.ivfMinRows ?? DEFAULT_IVF_MIN_ROWS;
    this.nprobeSetting = options.nprobe;
  }

  /** Opens the index file in `dir`, or starts empty when there is none or its dimension differs. */
  static open(options: LocalVectorIndexOptions): LocalVectorIndex {
    mkdirSync(options.dir, { recursive: true });
    const index = new LocalVectorIndex(options.dimension, options);
    if (existsSync(index.file)) index.load();
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Whether queries are approximate (an IVF partition is in use). */
  get approximate(): boolean {
    return this.ivf !== null;
  }

  /** Lists scanned per query now (0 while exact). */
  get nprobe(): number {
    return this.ivf ? Math.min(this.ivf.nlist, this.nprobeSetting ?? defaultNprobe(this.ivf.nlist)) : 0;
  }

  /** Changes the lists scanned per query (undefined: the default for the partition's size); for tuning. */
  setNprobe(nprobe: number | undefined): void {
    this.nprobeSetting = nprobe;
  }

  /** Lists of the partition (0 while exact). */
  get nlist(): number {
    return this.ivf?.nlist ?? 0;
  }

  private load(): void {
    const content = readIndexFile(this.file, this.dimension);
    if (!content) return;
    const count = content.ids.length;
    this.vectors = new Float32Array(Math.max(1024, count * 2) * this.dimension);
    this.vectors.set(content.vectors);
    this.ids = content.ids;
    this.metadata = content.metadata;
    this.ids.forEach((id, slot) => this.slotOf.set(id, slot));
    this.state = content.state;
    if (content.ivf && count >= this.ivfMinRows) {
      this.ivf = IvfPartition.restore(this.dimension, content.ivf.centroids, content.ivf.assignments, this.vectors);
      this.ivfBuiltAt = count;
    }
  }

  /** Writes vectors, metadata, state and the partition to disk. */
  flush(): void {
    writeIndexFile(this.file, {
      dimension: this.dimension,
      state: this.state,
      ids: this.ids,
      metadata: this.metadata,
      vectors: this.vectors.subarray(0, this.size * this.dimension),
      ivf: this.ivf ? { centroids: this.ivf.centroids, assignments: this.ivf.assignments(this.size) } : null,
    });
    this.dirty = false;
    this.lastSave = Date.now();
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    this.options.roundTrips?.record('index.upsert');
    while (this.building) await this.building;
    for (const record of records) {
      if (record.vector.length !== this.dimension) throw new Error(`vector of ${record.id} has ${record.vector.length} dimensions, expected ${this.dimension}`);
      let slot = this.slotOf.get(record.id);
      if (slot === undefined) {
        slot = this.ids.length;
        this.grow(slot + 1);
        this.ids.push(record.id);
        this.metadata.push(record.metadata);
        this.slotOf.set(record.id, slot);
      } else {
        this.metadata[slot] = record.metadata;
      }
      this.vectors.set(record.vector, slot * this.dimension);
      this.ivf?.place(slot, this.vectors, slot * this.dimension);
    }
    this.dirty = true;
  }

  /**
   * Builds the IVF partition from `ivfMinRows` rows on, and rebuilds it when the index doubled or
   * halved since; below, the index is exact again. Yields between chunks (seconds of work at 100,000 rows).
   */
  async optimize(): Promise<void> {
    while (this.building) await this.building;
    if (this.size < this.ivfMinRows) {
      if (this.ivf) this.dirty = true;
      this.ivf = null;
      return;
    }
    if (this.ivf && this.size <= this.ivfBuiltAt * 2 && this.size >= this.ivfBuiltAt / 2) return;
    const rows = this.size;
    this.building = IvfPartition.build(this.vectors, rows, this.dimension, { pause: this.options.pause ?? breathe })
      .then((ivf) => {
        this.ivf = ivf;
        this.ivfBuiltAt = rows;
        this.dirty = true;
      })
      .finally(() => {
        this.building = null;
      });
    await this.building;
  }

  private grow(rows: number): void {
    if (rows * this.dimension <= this.vectors.length) return;
    const bigger = new Float32Array(Math.max(rows, (this.vectors.length / this.dimension) * 2) * this.dimension);
    bigger.set(this.vectors.subarray(0, this.size * this.dimension));
    this.vectors = bigger;
  }

  async remove(ids: readonly string[]): Promise<void> {
    this.options.roundTrips?.record('index.remove');
    while (this.building) await this.building;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      const last = this.ids.length - 1;
      this.ivf?.remove(slot);
      if (slot !== last) {
        this.ivf?.move(last, slot);
        // Move the last row into the hole so rows stay contiguous.
        this.vectors.copyWithin(slot * this.dimension, last * this.dimension, (last + 1) * this.dimension);
        this.ids[slot] = this.ids[last]!;
        this.metadata[slot] = this.metadata[last]!;
        this.slotOf.set(this.ids[slot]!, slot);
      }
      this.ids.pop();
      this.metadata.pop();
      this.slotOf.delete(id);
    }
    this.dirty = true;
  }

  private recordAt(slot: number): VectorRecord {
    const start = slot * this.dimension;
    return { id: this.ids[slot]!, vector: this.vectors.slice(start, start + this.dimension), metadata: this.metadata[slot]! };
  }

  async fetch(ids: readonly string[]): Promise<Map<string, VectorRecord>> {
    this.options.roundTrips?.record('index.fetch');
    const found = new Map<string, VectorRecord>();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) found.set(id, this.recordAt(slot));
    }
    return found;
  }

  async textHashes(ids: readonly string[]): Promise<Map<string, string>> {
    this.options.roundTrips?.record('index.textHashes');
    const hashes = new Map<string, string>();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) hashes.set(id, this.metadata[slot]!.textHash);
    }
    return hashes;
  }

  /** Exact queries share one pass over all rows; with a partition, each query scans its nearest lists. */
  async query(queries: readonly VectorQuery[]): Promise<VectorMatch[][]> {
    if (queries.length === 0) return [];
    this.options.roundTrips?.record('index.query');
    const heaps = queries.map((query) => new TopK(query.topK));
    const excluded = queries.map((query) => new Set(query.excludeIds ?? []));
    if (this.ivf) queries.forEach((query, q) => this.scanLists(this.ivf!, query, heaps[q]!, excluded[q]!));
    else this.scanAll(queries, heaps, excluded);
    return heaps.map((heap) => heap.sorted().map(({ slot, score }) => ({ ...this.recordAt(slot), score })));
  }

  private scanAll(queries: readonly VectorQuery[], heaps: TopK[], excluded: Array<Set<string>>): void {
    const dim = this.dimension;
    for (let slot = 0; slot < this.size; slot += 1) {
      for (let q = 0; q < queries.length; q += 1) {
        const heap = heaps[q]!;
        if (heap.k === 0) continue;
        const filter = queries[q]!.filter;
        if (filter && !matchesFilter(this.metadata[slot]!, filter)) continue;
        const score = dotAt(this.vectors, slot * dim, queries[q]!.vector, 0, dim);
        if (score > heap.threshold && !excluded[q]!.has(this.ids[slot]!)) heap.push(slot, score);
      }
    }
  }

  /**
   * The `nprobe` nearest lists, scored with their int8 copies into a shortlist, re-ranked with the
   * exact floats; a filtered query goes on to further lists until it has `topK` matches.
   */
  private scanLists(ivf: IvfPartition, query: VectorQuery, heap: TopK, excluded: Set<string>): void {
    if (heap.k === 0) return;
    const dim = this.dimension;
    const nprobe = this.nprobe;
    const { filter, vector } = query;
    const accept = (slot: number) => (!filter || matchesFilter(this.metadata[slot]!, filter)) && !excluded.has(this.ids[slot]!);
    const shortlist = new TopK(Math.max(heap.k * 2, heap.k + SHORTLIST_EXTRA));
    const lists = ivf.probe(vector);
    for (let i = 0; i < lists.length; i += 1) {
      if (i >= nprobe && shortlist.size >= heap.k) break;
      ivf.scan(lists[i]!, vector, shortlist, accept);
    }
    for (const { slot } of shortlist.sorted()) heap.push(slot, dotAt(this.vectors, slot * dim, vector, 0, dim));
  }

  async count(): Promise<number> {
    return this.size;
  }

  async readState(): Promise<IndexState> {
    return { ...this.state };
  }

  async writeState(state: IndexState): Promise<void> {
    this.state = { ...state };
    this.dirty = true;
    if (Date.now() - this.lastSave >= this.saveIntervalMs) this.flush();
  }

  async clear(): Promise<void> {
    while (this.building) await this.building;
    this.ivf = null;
    this.ids = [];
    this.metadata = [];
    this.slotOf.clear();
    this.state = { embedderId: null, cursor: null };
    this.dirty = true;
  }

  async close(): Promise<void> {
    if (this.dirty) this.flush();
  }
}

