import type { VectorIndex } from '../data-access/vector-index';
import { pickSimilar } from '../domain/similar';

export interface SimilarRequest {
  productId: string;
  first: number;
}

/** Enough neighbours for de-duplication and variety to have room to choose. */
export const candidatePoolSize = (first: number) => first * 4 + 10;

/**
 * Similar products of many products at once: one fetch of their vectors and one pass over the
 * index for all of them, then per product: same category first, drop itself and near-duplicates,
 * keep it varied.
 */
export async function similarProducts(index: VectorIndex, requests: readonly SimilarRequest[]): Promise<string[][]> {
  const wanted = requests.filter((request) => request.first > 0);
  if (wanted.length === 0) return requests.map(() => []);
  const anchors = await index.fetch([...new Set(wanted.map((request) => request.productId))]);
  const queryable = wanted.filter((request) => anchors.has(request.productId));
  const matches = await index.query(
    queryable.map((request) => ({
      vector: anchors.get(request.productId)!.vector,
      topK: candidatePoolSize(request.first),
      excludeIds: [request.productId],
    })),
  );
  const answers = new Map<SimilarRequest, string[]>();
  queryable.forEach((request, position) => {
    const anchor = anchors.get(request.productId)!;
    answers.set(request, pickSimilar(anchor, matches[position]!, request.first).map((candidate) => candidate.id));
  });
  return requests.map((request) => answers.get(request) ?? []);
}
