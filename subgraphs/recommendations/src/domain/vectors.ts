export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) sum += a[i]! * b[i]!;
  return sum;
}

/** Weighted mean of unit vectors, normalized; null when there is nothing to average. */
export function weightedCentroid(items: Array<{ vector: Float32Array; weight: number }>): Float32Array | null {
  const usable = items.filter((item) => item.weight > 0 && item.vector.length > 0);
  if (usable.length === 0) return null;
  const centroid = new Float32Array(usable[0]!.vector.length);
  for (const { vector, weight } of usable) for (let i = 0; i < centroid.length; i += 1) centroid[i]! += weight * vector[i]!;
  let norm = 0;
  for (let i = 0; i < centroid.length; i += 1) norm += centroid[i]! * centroid[i]!;
  if (norm === 0) return null;
  norm = Math.sqrt(norm);
  for (let i = 0; i < centroid.length; i += 1) centroid[i]! /= norm;
  return centroid;
}

/** Dot product of `dimension` floats of `a` from `aOffset` and of `b` from `bOffset` (rows of flat arrays). */
export function dotAt(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dimension: number): number {
  const unrolled = dimension - (dimension % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d < unrolled; d += 4) {
    s0 += a[aOffset + d]! * b[bOffset + d]!;
    s1 += a[aOffset + d + 1]! * b[bOffset + d + 1]!;
    s2 += a[aOffset + d + 2]! * b[bOffset + d + 2]!;
    s3 += a[aOffset + d + 3]! * b[bOffset + d + 3]!;
  }
  for (; d < dimension; d += 1) s0 += a[aOffset + d]! * b[bOffset + d]!;
  return s0 + s1 + s2 + s3;
}
