/**
 * An inverted-file partition of the index rows (IVF): k-means centroids over a sample, each row
 * in the list of its nearest centroid. A query scans only the lists of its `nprobe` nearest
 * centroids, a few percent of the rows, at a small cost in recall (measured by the evaluation).
 */
export class IvfPartition {
  readonly centroids: Float32Array;
  /** Rows of each list, as a set so that moving and removing rows is cheap. */
  readonly lists: Array<Set<number>>;
  private listOf: Int32Array;

  private constructor(
    readonly dimension: number,
    readonly nlist: number,
    centroids: Float32Array,
    capacity: number,
  ) {
    this.centroids = centroids;
    this.lists = Array.from({ length: nlist }, () => new Set<number>());
    this.listOf = new Int32Array(capacity).fill(-1);
  }

  /** Trains centroids on up to `sampleSize` rows (spread evenly) and assigns every row. */
  static build(vectors: Float32Array, rows: number, dimension: number, options: { nlist?: number; iterations?: number; sampleSize?: number } = {}): IvfPartition {
    const nlist = Math.max(1, Math.min(options.nlist ?? Math.round(Math.sqrt(rows)), rows));
    const sampleSize = Math.min(rows, options.sampleSize ?? Math.max(nlist * 32, 8_192));
    const step = rows / sampleSize;
    const sample = Array.from({ length: sampleSize }, (_, i) => Math.floor(i * step));
    const centroids = new Float32Array(nlist * dimension);
    for (let c = 0; c < nlist; c += 1) {
      const row = sample[Math.floor((c * sampleSize) / nlist)]!;
      centroids.set(vectors.subarray(row * dimension, (row + 1) * dimension), c * dimension);
    }
    const sums = new Float64Array(nlist * dimension);
    const counts = new Int32Array(nlist);
    for (let iteration = 0; iteration < (options.iterations ?? 8); iteration += 1) {
      sums.fill(0);
      counts.fill(0);
      for (const row of sample) {
        const c = nearest(centroids, nlist, dimension, vectors, row * dimension);
        counts[c]! += 1;
        for (let d = 0; d < dimension; d += 1) sums[c * dimension + d]! += vectors[row * dimension + d]!;
      }
      for (let c = 0; c < nlist; c += 1) {
        if (counts[c] === 0) continue; // keep an empty centroid where it was
        let norm = 0;
        for (let d = 0; d < dimension; d += 1) norm += sums[c * dimension + d]! * sums[c * dimension + d]!;
        norm = Math.sqrt(norm) || 1;
        for (let d = 0; d < dimension; d += 1) centroids[c * dimension + d] = sums[c * dimension + d]! / norm;
      }
    }
    const partition = new IvfPartition(dimension, nlist, centroids, Math.max(rows * 2, 1024));
    for (let row = 0; row < rows; row += 1) partition.place(row, vectors, row * dimension);
    return partition;
  }

  /** Puts a row (new or changed) in the list of its nearest centroid. */
  place(row: number, vectors: Float32Array, offset: number): void {
    this.remove(row);
    const list = nearest(this.centroids, this.nlist, this.dimension, vectors, offset);
    this.ensureCapacity(row + 1);
    this.listOf[row] = list;
    this.lists[list]!.add(row);
  }

  remove(row: number): void {
    const list = row < this.listOf.length ? this.listOf[row]! : -1;
    if (list >= 0) {
      this.lists[list]!.delete(row);
      this.listOf[row] = -1;
    }
  }

  /** The row `from` now lives at `to` (the index keeps its rows contiguous). */
  move(from: number, to: number): void {
    const list = this.listOf[from]!;
    this.remove(to);
    if (list < 0) return;
    this.lists[list]!.delete(from);
    this.listOf[from] = -1;
    this.ensureCapacity(to + 1);
    this.listOf[to] = list;
    this.lists[list]!.add(to);
  }

  /** Lists to scan for a query: the `nprobe` nearest centroids. */
  probe(query: Float32Array, nprobe: number): number[] {
    const scores: Array<[number, number]> = [];
    for (let c = 0; c < this.nlist; c += 1) {
      let score = 0;
      for (let d = 0; d < this.dimension; d += 1) score += this.centroids[c * this.dimension + d]! * query[d]!;
      scores.push([c, score]);
    }
    return scores.sort((a, b) => b[1] - a[1]).slice(0, nprobe).map(([c]) => c);
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.listOf.length) return;
    const bigger = new Int32Array(Math.max(rows, this.listOf.length * 2)).fill(-1);
    bigger.set(this.listOf);
    this.listOf = bigger;
  }
}

function nearest(centroids: Float32Array, nlist: number, dimension: number, vectors: Float32Array, offset: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < nlist; c += 1) {
    let score = 0;
    const base = c * dimension;
    for (let d = 0; d < dimension; d += 1) score += centroids[base + d]! * vectors[offset + d]!;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
