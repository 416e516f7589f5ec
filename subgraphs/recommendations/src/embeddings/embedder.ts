/** Turns product and query text into unit-length vectors; cosine similarity is then a dot product. */
export interface Embedder {
  /** Names the model; vectors of different ids are never mixed in one index. */
  readonly id: string;
  readonly dimension: number;
  /** One unit vector per text, in the order given. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

export function l2Normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i += 1) norm += vector[i]! * vector[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i += 1) vector[i]! /= norm;
  return vector;
}
