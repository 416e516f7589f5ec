import { dotAt } from '../domain/vectors';
import { mulberry32 } from '../domain/random';

export interface IvfBuildOptions {
  /** Number of lists; √rows by default. */
  nlist?: number;
  /** Spherical k-means rounds over the training sample. */
  iterations?: number;
  /** Rows the centroids are trained on (spread evenly over the index). */
  sampleSize?: number;
  /** Seed of the centroids' first positions. */
  seed?: number;
  /** Called between chunks of work so that a server keeps answering while a large index is partitioned. */
  pause?: () => Promise<void>;
}

/** Rows handled between two pauses (a few milliseconds of work). */
export const PAUSE_EVERY = 256;

/** Groups searched when looking for a row's nearest centroid. */
const GROUPS_SEARCHED = 3;

/**
 * Spherical k-means (cosine) on an even sample of the rows: centroids start at random sample
 * rows, each round puts every sample row with its nearest centroid (searched by groups, see
 * CentroidGroups) and moves each centroid to the normalized mean of its rows. An empty cluster
 * keeps its centroid. Deterministic for a seed.
 */
export async function trainCentroids(vectors: Float32Array, rows: number, dimension: number, options: IvfBuildOptions): Promise<Float32Array> {
  const pause = options.pause ?? (() => Promise.resolve());
  const nlist = Math.max(1, Math.min(options.nlist ?? Math.round(Math.sqrt(rows)), rows));
  const sampleSize = Math.min(rows, options.sampleSize ?? Math.max(nlist * 32, 4_096));
  const step = rows / sampleSize;
  const sample = Int32Array.from({ length: sampleSize }, (_, i) => Math.floor(i * step));
  const centroids = new Float32Array(nlist * dimension);
  const random = mulberry32(options.seed ?? 1);
  const picked = new Set<number>();
  for (let c = 0; c < nlist; c += 1) {
    let pick = Math.floor(random() * sampleSize);
    while (picked.has(pick)) pick = (pick + 1) % sampleSize;
    picked.add(pick);
    centroids.set(vectors.subarray(sample[pick]! * dimension, (sample[pick]! + 1) * dimension), c * dimension);
  }
  const assigned = new Int32Array(sampleSize).fill(-1);
  const sums = new Float64Array(nlist * dimension);
  const counts = new Int32Array(nlist);
  for (let iteration = 0; iteration < (options.iterations ?? 8); iteration += 1) {
    const groups = CentroidGroups.of(centroids, dimension);
    let changed = 0;
    for (let i = 0; i < sampleSize; i += 1) {
      const list = groups.nearest(vectors, sample[i]! * dimension);
      if (list !== assigned[i]) changed += 1;
      assigned[i] = list;
      if (i % PAUSE_EVERY === 0) await pause();
    }
    if (changed < sampleSize / 1000) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < sampleSize; i += 1) {
      const c = assigned[i]!;
      const offset = sample[i]! * dimension;
      counts[c]! += 1;
      for (let d = 0; d < dimension; d += 1) sums[c * dimension + d]! += vectors[offset + d]!;
    }
    for (let c = 0; c < nlist; c += 1) {
      if (counts[c] === 0) continue;
      let norm = 0;
      for (let d = 0; d < dimension; d += 1) norm += sums[c * dimension + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimension; d += 1) centroids[c * dimension + d] = sums[c * dimension + d]! / norm;
    }
    await pause();
  }
  return centroids;
}

/**
 * The centroids grouped around √nlist group centres, so that finding a row's nearest centroid
 * scores the group centres and then only the centroids of the 3 best groups (about a quarter of
 * them): 4 times less work per k-means round. A row may go to a nearly, not exactly, nearest
 * centroid, which training tolerates; the final assignment of rows to lists searches them all.
 */
export class CentroidGroups {
  private constructor(
    private readonly centroids: Float32Array,
    private readonly dimension: number,
    private readonly centres: Float32Array,
    private readonly members: Int32Array[],
  ) {}

  static of(centroids: Float32Array, dimension: number): CentroidGroups {
    const nlist = centroids.length / dimension;
    const groupCount = Math.ceil(Math.sqrt(nlist));
    const centres = new Float32Array(groupCount * dimension);
    for (let g = 0; g < groupCount; g += 1) {
      const c = Math.floor((g * nlist) / groupCount);
      centres.set(centroids.subarray(c * dimension, (c + 1) * dimension), g * dimension);
    }
    let groupOf = new Int32Array(nlist);
    for (let iteration = 0; iteration < 6; iteration += 1) {
      groupOf = Int32Array.from({ length: nlist }, (_, c) => nearest(centres, groupCount, dimension, centroids, c * dimension));
      const sums = new Float64Array(groupCount * dimension);
      groupOf.forEach((g, c) => {
        for (let d = 0; d < dimension; d += 1) sums[g * dimension + d]! += centroids[c * dimension + d]!;
      });
      for (let g = 0; g < groupCount; g += 1) {
        let norm = 0;
        for (let d = 0; d < dimension; d += 1) norm += sums[g * dimension + d]! ** 2;
        if (norm === 0) continue;
        norm = Math.sqrt(norm);
        for (let d = 0; d < dimension; d += 1) centres[g * dimension + d] = sums[g * dimension + d]! / norm;
      }
    }
    const members = Array.from({ length: groupCount }, (_, g) => Int32Array.from([...groupOf.keys()].filter((c) => groupOf[c] === g)));
    return new CentroidGroups(centroids, dimension, centres, members);
  }

  nearest(vectors: Float32Array, offset: number): number {
    const { dimension, centres, centroids, members } = this;
    const top = [-1, -1, -1];
    const topScores = [-Infinity, -Infinity, -Infinity];
    for (let g = 0; g < members.length; g += 1) {
      const score = dotAt(centres, g * dimension, vectors, offset, dimension);
      for (let k = 0; k < GROUPS_SEARCHED; k += 1) {
        if (score > topScores[k]!) {
          topScores.splice(k, 0, score);
          top.splice(k, 0, g);
          topScores.length = GROUPS_SEARCHED;
          top.length = GROUPS_SEARCHED;
          break;
        }
      }
    }
    let best = 0;
    let bestScore = -Infinity;
    for (const g of top) {
      if (g < 0) continue;
      for (const c of members[g]!) {
        const score = dotAt(centroids, c * dimension, vectors, offset, dimension);
        if (score > bestScore) {
          bestScore = score;
          best = c;
        }
      }
    }
    return best;
  }
}

/** The nearest of `count` centroids (rows of `centroids`) to the row of `vectors` at `offset`. */
export function nearest(centroids: Float32Array, count: number, dimension: number, vectors: Float32Array, offset: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < count; c += 1) {
    const score = dotAt(centroids, c * dimension, vectors, offset, dimension);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

