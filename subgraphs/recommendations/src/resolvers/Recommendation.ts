import type { RecommendationResolvers } from '../generated/resolvers-types';

export const Recommendation: RecommendationResolvers = {
  product: (item) => ({ id: item.productId }),
  because: (item) => (item.becauseProductId ? { id: item.becauseProductId } : null),
  reason: (item) => item.reason,
  score: (item) => item.score,
};
