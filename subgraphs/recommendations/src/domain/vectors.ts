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
