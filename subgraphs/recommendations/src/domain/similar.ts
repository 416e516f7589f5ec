import type { ProductVectorMetadata } from '../data-access/vector-index';
import { diversify, type Candidate } from './diversify';

/**
 * Bonus to the cosine of a neighbour in the anchor's own leaf category (its article type):
 * shoppers expect "similar" to a T-shirt to be T-shirts first, and the offline evaluation shows
 * the embedding alone mixes neighbouring types (see README).
 */
export const SAME_CATEGORY_BONUS = 0.1;

/** Similar products of an anchor from its nearest neighbours: same category first, then varied. */
export function pickSimilar(
  anchor: { id: string; vector: Float32Array; metadata: ProductVectorMetadata },
  neighbours: readonly Candidate[],
  first: number,
  bonus: number = SAME_CATEGORY_BONUS,
): Candidate[] {
  const type = anchor.metadata.articleType;
  const rescored = neighbours
    .map((candidate) => ({ ...candidate, score: candidate.score + (type && candidate.metadata.articleType === type ? bonus : 0) }))
    .sort((a, b) => b.score - a.score);
  return diversify(rescored, first, [anchor]);
}
