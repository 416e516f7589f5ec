import { mulberry32 } from './offline-metrics';

/**
 * Synthetic product vectors with the structure of real embeddings, for measuring an approximate
 * index (uniform random vectors have no neighbours worth the name, and no index can find them
 * faster than a scan). A two-level Gaussian mixture on the unit sphere: `topics` centres (think
 * article types), each with `familiesPerTopic` families (one product line), each product its
 * family plus noise. With the defaults, cosines are about 0.75 within a family, 0.45 within a
 * topic and 0 across topics, as all-MiniLM-L6-v2 gives for product texts.
 */
export interface ClusteredVectorOptions {
  dimension: number;
  topics?: number;
  familiesPerTopic?: number;
  /** Length of the noise added to a topic to make a family (the topic has length 1). */
  familySpread?: number;
  /** Length of the noise added to a family to make a product. */
  productSpread?: number;
  seed?: number;
}

export interface ClusteredVectors {
  /** The vector of product number `n` (deterministic: the same n and options give the same vector). */
  vector(n: number): Float32Array;
  /** The topic of product number `n`. */
  topicOf(n: number): number;
}

function gaussian(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = Math.max(random(), 1e-12);
    const v = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}

function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i += 1) vector[i]! /= norm;
  return vector;
}

/** `base` plus Gaussian noise of about `spread` in length, back on the unit sphere. */
function around(base: Float32Array, spread: number, normal: () => number): Float32Array {
  const scale = spread / Math.sqrt(base.length);
  return normalize(Float32Array.from(base, (value) => value + normal() * scale));
}

export function clusteredVectors(options: ClusteredVectorOptions): ClusteredVectors {
  const { dimension, topics = 300, familiesPerTopic = 20, familySpread = 0.8, productSpread = 0.6, seed = 42 } = options;
  const normal = gaussian(mulberry32(seed));
  const topicCentres = Array.from({ length: topics }, () => normalize(Float32Array.from({ length: dimension }, normal)));
  const families = topicCentres.flatMap((topic) => Array.from({ length: familiesPerTopic }, () => around(topic, familySpread, normal)));
  // Products scatter over families pseudo-randomly but reproducibly, whatever order they are asked in.
  const familyOf = (n: number) => Math.floor(mulberry32(n * 2654435761 + seed)() * families.length);
  return {
    vector: (n) => around(families[familyOf(n)]!, productSpread, gaussian(mulberry32(n + 1_000_003 * seed))),
    topicOf: (n) => Math.floor(familyOf(n) / familiesPerTopic),
  };
}
