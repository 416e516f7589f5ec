import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoundTripCounter } from '@shop/platform';
import { IvfPartition } from './ivf-partition';
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

const MAGIC = 'SHOPVEC1';
export const LOCAL_INDEX_FILE = 'product-vectors.bin';

interface FileHeader {
  dimension: number;
  count: number;
  state: IndexState;
  ids: string[];
  metadata: ProductVectorMetadata[];
}

export interface LocalVectorIndexOptions {
  /** Folder of the index file. */
  dir: string;
  dimension: number;
  roundTrips?: RoundTripCounter;
  /** Writes to disk at most this often while indexing; close() always writes. 0 writes on every state change. */
  saveIntervalMs?: number;
  /** From this many rows on, optimize() builds an IVF partition and unfiltered queries become approximate. */
  ivfMinRows?: number;
  /** IVF lists scanned per query; more is slower and closer to exact. */
  nprobe?: number;
}

/**
 * Cosine search over one contiguous Float32Array (rows of unit vectors), with metadata filters,
 * persisted to a single binary file (JSON header + raw floats) written atomically. Exact up to
 * `ivfMinRows` rows; above, optimize() partitions the rows (IVF) and unfiltered queries scan
 * only the nearest lists (filtered ones stay exact).
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

  private constructor(
    readonly dimension: number,
    private readonly file: string,
    private readonly roundTrips: RoundTripCounter | undefined,
    private readonly saveIntervalMs: number,
    private readonly ivfMinRows: number,
    private readonly nprobe: number | undefined,
  ) {
    this.vectors = new Float32Array(1024 * dimension);
  }

  /** Opens the index file in `dir`, or starts empty when there is none or its dimension differs. */
  static open(options: LocalVectorIndexOptions): LocalVectorIndex {
    mkdirSync(options.dir, { recursive: true });
    const index = new LocalVectorIndex(
      options.dimension,
      join(options.dir, LOCAL_INDEX_FILE),
      options.roundTrips,
      options.saveIntervalMs ?? 5_000,
      options.ivfMinRows ?? 50_000,
      options.nprobe,
    );
    if (existsSync(index.file)) index.load();
    return index;
  }

  get size(): number {
    return this.ids.length;
  }

  private load(): void {
    const buffer = readFileSync(this.file);
    if (buffer.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${this.file} is not a vector index file`);
    const headerLength = buffer.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(buffer.toString('utf8', headerStart, headerStart + headerLength)) as FileHeader;
    if (header.dimension !== this.dimension) return;
    const dataStart = align4(headerStart + headerLength);
    const floats = new Float32Array(buffer.buffer.slice(buffer.byteOffset + dataStart, buffer.byteOffset + dataStart + header.count * this.dimension * 4));
    this.vectors = new Float32Array(Math.max(1024, header.count * 2) * this.dimension);
    this.vectors.set(floats);
    this.ids = header.ids;
    this.metadata = header.metadata;
    this.ids.forEach((id, slot) => this.slotOf.set(id, slot));
    this.state = header.state;
  }

  /** Writes vectors, metadata and state to disk (temp file + rename, so a crash never leaves half a file). */
  flush(): void {
    const header = Buffer.from(
      JSON.stringify({ dimension: this.dimension, count: this.size, state: this.state, ids: this.ids, metadata: this.metadata } satisfies FileHeader),
    );
    const prefix = Buffer.alloc(MAGIC.length + 4);
    prefix.write(MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(header.length, MAGIC.length);
    const padding = Buffer.alloc(align4(prefix.length + header.length) - prefix.length - header.length);
    const data = Buffer.from(this.vectors.buffer, this.vectors.byteOffset, this.size * this.dimension * 4);
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, Buffer.concat([prefix, header, padding, data]));
    renameSync(temp, this.file);
    this.dirty = false;
    this.lastSave = Date.now();
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    this.roundTrips?.record('index.upsert');
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

  /** Builds (or rebuilds, when the size doubled or halved) the IVF partition above `ivfMinRows`. */
  async optimize(): Promise<void> {
    if (this.size < this.ivfMinRows) {
      this.ivf = null;
      return;
    }
    if (this.ivf && this.size <= this.ivfBuiltAt * 2 && this.size >= this.ivfBuiltAt / 2) return;
    this.ivf = IvfPartition.build(this.vectors, this.size, this.dimension);
    this.ivfBuiltAt = this.size;
  }

  /** Whether unfiltered queries are approximate (IVF) now. */
  get approximate(): boolean {
    return this.ivf !== null;
  }

  private grow(rows: number): void {
    if (rows * this.dimension <= this.vectors.length) return;
    const bigger = new Float32Array(Math.max(rows, (this.vectors.length / this.dimension) * 2) * this.dimension);
    bigger.set(this.vectors.subarray(0, this.size * this.dimension));
    this.vectors = bigger;
  }

  async remove(ids: readonly string[]): Promise<void> {
    this.roundTrips?.record('index.remove');
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
    this.roundTrips?.record('index.fetch');
    const found = new Map<string, VectorRecord>();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) found.set(id, this.recordAt(slot));
    }
    return found;
  }

  async textHashes(ids: readonly string[]): Promise<Map<string, string>> {
    this.roundTrips?.record('index.textHashes');
    const hashes = new Map<string, string>();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) hashes.set(id, this.metadata[slot]!.textHash);
    }
    return hashes;
  }

  /** One pass over all rows answers every exact query: each row is scored against each of them. */
  async query(queries: readonly VectorQuery[]): Promise<VectorMatch[][]> {
    if (queries.length === 0) return [];
    this.roundTrips?.record('index.query');
    const heaps = queries.map((query) => new TopK(query.topK));
    const excluded = queries.map((query) => new Set(query.excludeIds ?? []));
    const exact: number[] = [];
    queries.forEach((query, q) => {
      if (this.ivf && !query.filter) this.scanLists(query, heaps[q]!, excluded[q]!);
      else exact.push(q);
    });
    if (exact.length > 0) this.scanAll(exact, queries, heaps, excluded);
    return heaps.map((heap) => heap.sorted().map(({ slot, score }) => ({ ...this.recordAt(slot), score })));
  }

  private scanAll(active: number[], queries: readonly VectorQuery[], heaps: TopK[], excluded: Array<Set<string>>): void {
    for (let slot = 0; slot < this.size; slot += 1) {
      for (const q of active) {
        const heap = heaps[q]!;
        if (heap.k === 0) continue;
        const filter = queries[q]!.filter;
        if (filter && !matchesFilter(this.metadata[slot]!, filter)) continue;
        const score = this.score(slot, queries[q]!.vector);
        if (score > heap.threshold && !excluded[q]!.has(this.ids[slot]!)) heap.push(slot, score);
      }
    }
  }

  private scanLists(query: VectorQuery, heap: TopK, excluded: Set<string>): void {
    const ivf = this.ivf!;
    const nprobe = this.nprobe ?? Math.max(8, Math.ceil(ivf.nlist / 12));
    for (const list of ivf.probe(query.vector, nprobe)) {
      for (const slot of ivf.lists[list]!) {
        const score = this.score(slot, query.vector);
        if (score > heap.threshold && !excluded.has(this.ids[slot]!)) heap.push(slot, score);
      }
    }
  }

  private score(slot: number, query: Float32Array): number {
    const dim = this.dimension;
    const vectors = this.vectors;
    const base = slot * dim;
    const unrolled = dim - (dim % 4);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let d = 0;
    for (; d < unrolled; d += 4) {
      s0 += vectors[base + d]! * query[d]!;
      s1 += vectors[base + d + 1]! * query[d + 1]!;
      s2 += vectors[base + d + 2]! * query[d + 2]!;
      s3 += vectors[base + d + 3]! * query[d + 3]!;
    }
    for (; d < dim; d += 1) s0 += vectors[base + d]! * query[d]!;
    return s0 + s1 + s2 + s3;
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

const align4 = (n: number) => (n + 3) & ~3;
