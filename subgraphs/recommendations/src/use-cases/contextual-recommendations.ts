import type { Logger } from '@shop/platform';
import { MAX_TRENDING, type ActivityClient } from '../clients/activity-client';
import type { CatalogClient } from '../clients/catalog-client';
import type { VectorIndex } from '../data-access/vector-index';
import { diversify } from '../domain/diversify';
import { weightedCentroid } from '../domain/vectors';
import type { RecommendationItem } from './recommendation-item';
import { candidatePoolSize } from './similar-products';

export interface RecommendationContext {
  productId: string | null;
  cartSkus: string[];
  category: string | null;
}

export interface ContextualDeps {
  index: VectorIndex;
  activity: ActivityClient;
  catalog: CatalogClient;
  logger: Logger;
}

/** The viewed product counts as much as two cart lines. */
const VIEWED_WEIGHT = 2;

/**
 * Suggestions beside what the shopper is looking at: near the weighted centre of the viewed
 * product and the cart's products (within the category when given), never those products;
 * trending (in the category) when the context has nothing indexed to start from.
 */
export async function contextualRecommendations(deps: ContextualDeps, context: RecommendationContext, first: number): Promise<RecommendationItem[]> {
  if (first === 0) return [];
  const cartProducts = context.cartSkus.length > 0 ? await cartProductIds(deps, context.cartSkus) : [];
  const anchorIds = [...new Set([...(context.productId ? [context.productId] : []), ...cartProducts])];
  const anchors = anchorIds.length > 0 ? await deps.index.fetch(anchorIds) : new Map();
  const centre = weightedCentroid(
    [...anchors.values()].map((record) => ({ vector: record.vector, weight: record.id === context.productId ? VIEWED_WEIGHT : 1 })),
  );
  const excluded = new Set(anchorIds);
  if (centre) {
    const [matches] = await deps.index.query([
      {
        vector: centre,
        topK: candidatePoolSize(first),
        excludeIds: anchorIds,
        ...(context.category ? { filter: { category: [context.category] } } : {}),
      },
    ]);
    const chosen = diversify(matches!, first, [...anchors.values()]);
    if (chosen.length > 0) {
      return chosen.map((candidate) => ({ productId: candidate.id, reason: 'SIMILAR_TO_CONTEXT', becauseProductId: null, score: candidate.score }));
    }
  }
  try {
    // Activity answers at most MAX_TRENDING; the excluded ones are asked for extra within that.
    const trending = await deps.activity.trending(Math.min(first + excluded.size, MAX_TRENDING), context.category);
    return trending
      .filter((id) => !excluded.has(id))
      .slice(0, first)
      .map((productId, rank) => ({ productId, reason: 'TRENDING', becauseProductId: null, score: 1 - rank / (first + 1) }));
  } catch (error) {
    deps.logger.warn({ err: error }, 'trending unavailable: no contextual suggestions');
    return [];
  }
}

async function cartProductIds(deps: ContextualDeps, skus: string[]): Promise<string[]> {
  try {
    return (await deps.catalog.productIdsOfSkus(skus)).filter((id): id is string => id !== null);
  } catch (error) {
    deps.logger.warn({ err: error }, 'catalog unavailable: the cart is left out of the context');
    return [];
  }
}
