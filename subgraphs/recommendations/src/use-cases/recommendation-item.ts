/** One suggestion as the use cases produce it. */
export interface RecommendationItem {
  productId: string;
  reason: 'SIMILAR_TO_ACTIVITY' | 'BOUGHT_BEFORE' | 'BOUGHT_WITH' | 'SIMILAR_TO_CONTEXT' | 'TRENDING';
  becauseProductId: string | null;
  score: number;
}
