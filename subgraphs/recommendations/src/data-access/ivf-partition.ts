import { dotAt } from '../domain/vectors';
import { nearest, PAUSE_EVERY, trainCentroids, type IvfBuildOptions } from './kmeans';
import type { TopK } from './top-k';

export type { IvfBuildOptions } from './kmeans';

/**
 * An inverted-file partition of the index rows (IVF): spherical k-means centroids trained on a
 * sample, every row in the list of its nearest centroid. A query scores the centroids, then only
 * the rows of its `nprobe` nearest lists: a few percent of the rows, at a small cost in recall
 * that the benchmark measures (bench/recommendations-similar.ts). Each list keeps its rows'
 * slots and an int8 copy of their vectors, contiguous, so that a scan reads a quarter of the
 * memory of the float rows in one sweep; the index re-ranks the shortlist with the exact floats.
 * Centroids and assignments are persisted with the vectors; the int8 copies are rebuilt at load.
 */
export class IvfPartition {
  private members: Int32Array[];
  /** Per list: `dimension` int8 values per row, in the order of `members`. */
  private codes: Int8Array[];
  /** Per list: the factor that turns a row's int8 dot product back into a cosine. */
  private scales: Float32Array[];
  private sizes: Int32Array;
  private listOf: Int32Array;
  private posOf: Int32Array;

  private constructor(
    readonly dimension: number,
    readonly nlist: number,
    readonly centroids: Float32Array,
    capacity: number,
  ) {
    this.members = Array.from({ length: nlist }, () => new Int32Array(16));
    this.codes = Array.from({ length: nlist }, () => new Int8Array(16 * dimension));
    this.scales = Array.from({ length: nlist }, () => new Float32Array(16));
    this.sizes = new Int32Array(nlist);
    this.listOf = new Int32Array(Math.max(capacity, 16)).fill(-1);
    this.posOf = new Int32Array(Math.max(capacity, 16));
  }

  /** Trains centroids (spherical k-means on a sample) and puts every row in its list. */
  static async build(vectors: Float32Array, rows: number, dimension: number, options: IvfBuildOptions = {}): Promise<IvfPartition> {
    const pause = options.pause ?? (() => Promise.resolve());
    const centroids = await trainCentroids(vectors, rows, dimension, { ...options, pause });
    const nlist = centroids.length / dimension;
    const partition = new IvfPartition(dimension, nlist, centroids, rows);
    // Every row in the list of its exact nearest centroid: searching by groups here costs recall.
    for (let row = 0; row < rows; row += 1) {
      partition.append(nearest(centroids, nlist, dimension, vectors, row * dimension), row, vectors, row * dimension);
      if (row % PAUSE_EVERY === 0) await pause();
    }
    return partition;
  }

  /** A partition as persisted: its centroids and the list of each row. */
  static restore(dimension: number, centroids: Float32Array, assignments: Int32Array, vectors: Float32Array): IvfPartition {
    const nlist = centroids.length / dimension;
    const partition = new IvfPartition(dimension, nlist, centroids, assignments.length);
    assignments.forEach((list, row) => {
      if (list >= 0 && list < nlist) partition.append(list, row, vectors, row * dimension);
    });
    return partition;
  }

  /** The list of each of the first `rows` rows (-1: in none), for persisting. */
  assignments(rows: number): Int32Array {
    const out = new Int32Array(rows).fill(-1);
    out.set(this.listOf.subarray(0, Math.min(rows, this.listOf.length)));
    return out;
  }

  /** Puts a row (new or changed) in the list of its nearest centroid. */
  place(row: number, vectors: Float32Array, offset: number): void {
    this.remove(row);
    this.append(nearest(this.centroids, this.nlist, this.dimension, vectors, offset), row, vectors, offset);
  }

  remove(row: number): void {
    const list = row < this.listOf.length ? this.listOf[row]! : -1;
    if (list < 0) return;
    const position = this.posOf[row]!;
    const last = this.sizes[list]! - 1;
    const members = this.members[list]!;
    if (position !== last) {
      const moved = members[last]!;
      members[position] = moved;
      this.posOf[moved] = position;
      this.codes[list]!.copyWithin(position * this.dimension, last * this.dimension, (last + 1) * this.dimension);
      this.scales[list]![position] = this.scales[list]![last]!;
    }
    this.sizes[list] = last;
    this.listOf[row] = -1;
  }

  /** The row `from` now lives at `to` (the index keeps its rows contiguous); `to` was removed before. */
  move(from: number, to: number): void {
    const list = from < this.listOf.length ? this.listOf[from]! : -1;
    this.remove(to);
    if (list < 0) return;
    this.ensureRows(to + 1);
    const position = this.posOf[from]!;
    this.members[list]![position] = to;
    this.listOf[to] = list;
    this.posOf[to] = position;
    this.listOf[from] = -1;
  }

  /** Lists in order of their centroid's similarity to the query, the nearest `nprobe` (or all). */
  probe(query: Float32Array, nprobe: number = this.nlist): Int32Array {
    const scores = new Float64Array(this.nlist);
    for (let c = 0; c < this.nlist; c += 1) scores[c] = dotAt(this.centroids, c * this.dimension, query, 0, this.dimension);
    const order = Int32Array.from({ length: this.nlist }, (_, c) => c);
    order.sort((a, b) => scores[b]! - scores[a]!);
    return order.subarray(0, Math.min(nprobe, this.nlist));
  }

  /** Rows in one list. */
  sizeOf(list: number): number {
    return this.sizes[list]!;
  }

  /**
   * Scores every row of a list against the query with the int8 copies (approximate cosines) and
   * offers those above the shortlist's threshold that `accept` takes (filters, exclusions).
   */
  scan(list: number, query: Float32Array, shortlist: TopK, accept: (row: number) => boolean): void {
    const dim = this.dimension;
    const codes = this.codes[list]!;
    const scales = this.scales[list]!;
    const members = this.members[list]!;
    const size = this.sizes[list]!;
    const unrolled = dim - (dim % 4);
    for (let r = 0; r < size; r += 1) {
      const base = r * dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let d = 0;
      for (; d < unrolled; d += 4) {
        s0 += codes[base + d]! * query[d]!;
        s1 += codes[base + d + 1]! * query[d + 1]!;
        s2 += codes[base + d + 2]! * query[d + 2]!;
        s3 += codes[base + d + 3]! * query[d + 3]!;
      }
      for (; d < dim; d += 1) s0 += codes[base + d]! * query[d]!;
      const score = (s0 + s1 + s2 + s3) * scales[r]!;
      if (score > shortlist.threshold && accept(members[r]!)) shortlist.push(members[r]!, score);
    }
  }

  private append(list: number, row: number, vectors: Float32Array, offset: number): void {
    this.ensureRows(row + 1);
    const dim = this.dimension;
    let members = this.members[list]!;
    const size = this.sizes[list]!;
    if (size === members.length) {
      const capacity = members.length * 2;
      const grownMembers = new Int32Array(capacity);
      grownMembers.set(members);
      const grownCodes = new Int8Array(capacity * dim);
      grownCodes.set(this.codes[list]!);
      const grownScales = new Float32Array(capacity);
      grownScales.set(this.scales[list]!);
      this.members[list] = members = grownMembers;
      this.codes[list] = grownCodes;
      this.scales[list] = grownScales;
    }
    // Symmetric int8 per row: the largest component maps to ±127.
    let max = 0;
    for (let d = 0; d < dim; d += 1) max = Math.max(max, Math.abs(vectors[offset + d]!));
    const scale = max > 0 ? max / 127 : 1;
    const codes = this.codes[list]!;
    for (let d = 0; d < dim; d += 1) codes[size * dim + d] = Math.round(vectors[offset + d]! / scale);
    this.scales[list]![size] = scale;
    members[size] = row;
    this.sizes[list] = size + 1;
    this.listOf[row] = list;
    this.posOf[row] = size;
  }

  private ensureRows(rows: number): void {
    if (rows <= this.listOf.length) return;
    const capacity = Math.max(rows, this.listOf.length * 2);
    const listOf = new Int32Array(capacity).fill(-1);
    listOf.set(this.listOf);
    const posOf = new Int32Array(capacity);
    posOf.set(this.posOf);
    this.listOf = listOf;
    this.posOf = posOf;
  }
}
