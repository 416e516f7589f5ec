import type { ProductVectorMetadata } from '../data-access/vector-index';
import { normalizedName } from './product-text';
import { dot } from './vectors';

export interface Candidate {
  id: string;
  /** Similarity to what is recommended from (the product, the profile). */
  score: number;
  vector: Float32Array;
  metadata: ProductVectorMetadata;
}

export interface DiversifyOptions {
  /** Trade-off of maximal marginal relevance: 1 is pure relevance, 0 pure novelty. */
  lambda?: number;
  /** Candidates closer than this to an already chosen one (or the anchor) are near-duplicates. */
  nearDuplicate?: number;
  /** At most this many results share a brand, unless too few candidates remain. */
  maxPerBrand?: number;
  /** At most this many results are colours of one product (same name once the colour is taken out). */
  maxPerFamily?: number;
}

/** The name without its colour: "Nike Men Blue Polo" and "Nike Men Red Polo" are one family. */
export function familyOf(metadata: ProductVectorMetadata): string {
  const name = normalizedName(metadata.name);
  const colour = normalizedName(metadata.colour);
  const words = name.split(' ').filter((word) => !colour || !colour.split(' ').includes(word));
  return `${normalizedName(metadata.brand)}|${words.join(' ')}`;
}

/**
 * Picks `first` candidates that are relevant yet varied: never the anchor, no near-duplicates
 * (same name, same text, or cosine above the threshold), then maximal marginal relevance with
 * soft caps per brand and per product family ("not eight colours of one shirt"); the caps
 * give way when too few candidates remain.
 */
export function diversify(
  candidates: readonly Candidate[],
  first: number,
  anchors: ReadonlyArray<{ id: string; vector?: Float32Array; metadata?: ProductVectorMetadata }> = [],
  options: DiversifyOptions = {},
): Candidate[] {
  const lambda = options.lambda ?? 0.7;
  const nearDuplicate = options.nearDuplicate ?? 0.98;
  const brandCap = options.maxPerBrand ?? Math.max(2, Math.ceil(first / 3));
  const familyCap = options.maxPerFamily ?? 1;
  const anchorIds = new Set(anchors.map((anchor) => anchor.id));
  const seenNames = new Set(anchors.flatMap((anchor) => (anchor.metadata ? [normalizedName(anchor.metadata.name)] : [])));
  const seenHashes = new Set(anchors.flatMap((anchor) => (anchor.metadata ? [anchor.metadata.textHash] : [])));
  const anchorVectors = anchors.flatMap((anchor) => (anchor.vector ? [anchor.vector] : []));
  const perBrand = new Map<string, number>();
  const perFamily = new Map<string, number>();

  const pool: Candidate[] = [];
  const poolIds = new Set<string>();
  for (const candidate of candidates) {
    if (anchorIds.has(candidate.id) || poolIds.has(candidate.id)) continue;
    if (anchorVectors.some((vector) => dot(vector, candidate.vector) > nearDuplicate)) continue;
    pool.push(candidate);
    poolIds.add(candidate.id);
  }

  const chosen: Candidate[] = [];
  const brandOf = (candidate: Candidate) => candidate.metadata.brand.toLowerCase();
  const overCap = (candidate: Candidate) =>
    (perBrand.get(brandOf(candidate)) ?? 0) >= brandCap || (perFamily.get(familyOf(candidate.metadata)) ?? 0) >= familyCap;
  // Highest similarity of each candidate to anything chosen so far, updated per pick.
  const redundancy = new Map<Candidate, number>(pool.map((candidate) => [candidate, 0]));
  const isDuplicate = (candidate: Candidate) =>
    seenNames.has(normalizedName(candidate.metadata.name)) ||
    seenHashes.has(candidate.metadata.textHash) ||
    redundancy.get(candidate)! > nearDuplicate;

  for (const respectCap of [true, false]) {
    while (chosen.length < first) {
      let best: Candidate | undefined;
      let bestValue = -Infinity;
      for (const candidate of pool) {
        if (respectCap && overCap(candidate)) continue;
        const value = lambda * candidate.score - (1 - lambda) * redundancy.get(candidate)!;
        if (value > bestValue) {
          bestValue = value;
          best = candidate;
        }
      }
      if (!best) break;
      pool.splice(pool.indexOf(best), 1);
      if (isDuplicate(best)) continue;
      chosen.push(best);
      for (const candidate of pool) redundancy.set(candidate, Math.max(redundancy.get(candidate)!, dot(best.vector, candidate.vector)));
      seenNames.add(normalizedName(best.metadata.name));
      seenHashes.add(best.metadata.textHash);
      perBrand.set(brandOf(best), (perBrand.get(brandOf(best)) ?? 0) + 1);
      perFamily.set(familyOf(best.metadata), (perFamily.get(familyOf(best.metadata)) ?? 0) + 1);
    }
  }
  return chosen;
}
