/** Why a product is recommended. */
export type RecommendationReason =
  | { kind: 'similar'; productId: string }
  | { kind: 'bought_before'; productId: string }
  | { kind: 'bought_with'; productId: string }
  | { kind: 'trending' };

export interface RankedProduct {
  id: string;
  score: number;
  reason: RecommendationReason;
}

export interface RankOptions {
  /** Raises similarities to this power: close matches count much more than loose ones. */
  sharpen?: number;
  /** Weight of popularity (0..1 by rank) next to meaning. */
  popularityWeight?: number;
  /** Weight of a product the shopper bought before (0 never recommends it again). */
  rebuyWeight?: number;
  /** Weight of what other shoppers bought with the products of the shopper's interests. */
  coPurchaseWeight?: number;
}

export interface RankInput {
  interests: ReadonlyArray<{ productId: string; weight: number }>;
  /** Nearest products of each interest, with cosine similarity. */
  neighbours: ReadonlyMap<string, ReadonlyArray<{ id: string; score: number }>>;
  /** Products bought together with each interest (by other shoppers), strongest first, scores 0..1. */
  coPurchased?: ReadonlyMap<string, ReadonlyArray<{ id: string; score: number }>>;
  /** Popular products, most popular first. */
  popular: readonly string[];
  purchased: ReadonlySet<string>;
  /** Never recommended (in the cart, being viewed). */
  exclude: ReadonlySet<string>;
}

/**
 * Defaults from the offline evaluation on real retail baskets (bench/recommendations-eval.ts):
 * rebuys weigh much (shoppers of that shop rebuy), similarity is cubed, co-purchases at 1 (1 and
 * 2 tie on the tuning half; they raise NDCG, not the hit rate). Popularity is kept
 * below its best there (0.2): in the shop, trending fills up with the newest products when there
 * is little activity, and at 0.2 those crowded out what the shopper had shown interest in.
 */
export const DEFAULT_RANK_OPTIONS: Required<RankOptions> = { sharpen: 3, popularityWeight: 0.05, rebuyWeight: 8, coPurchaseWeight: 1 };

/**
 * Scores candidates for a shopper: the interest-weighted, sharpened similarity of each
 * candidate to the products they showed interest in (for interests that have neighbours), plus
 * what other shoppers bought with those products (co-purchase cosine, interest-weighted), plus a
 * little popularity, plus a bonus for what they bought before (shoppers of some shops rebuy).
 * Each result keeps its main reason.
 */
export function rankForShopper(input: RankInput, options: RankOptions = {}): RankedProduct[] {
  const { sharpen, popularityWeight, rebuyWeight, coPurchaseWeight } = { ...DEFAULT_RANK_OPTIONS, ...options };
  const totalWeight = input.interests.reduce((sum, interest) => sum + interest.weight, 0) || 1;
  const scores = new Map<string, { score: number; best: number; reason: RecommendationReason }>();
  const add = (id: string, value: number, reason: RecommendationReason) => {
    if (input.exclude.has(id) || value <= 0) return;
    const entry = scores.get(id) ?? { score: 0, best: -Infinity, reason };
    entry.score += value;
    if (value > entry.best) {
      entry.best = value;
      entry.reason = reason;
    }
    scores.set(id, entry);
  };
  for (const interest of input.interests) {
    const share = interest.weight / totalWeight;
    for (const neighbour of input.neighbours.get(interest.productId) ?? []) {
      if (neighbour.id === interest.productId || input.purchased.has(neighbour.id)) continue;
      add(neighbour.id, share * Math.max(0, neighbour.score) ** sharpen, { kind: 'similar', productId: interest.productId });
    }
  }
  if (coPurchaseWeight > 0) {
    for (const interest of input.interests) {
      const share = interest.weight / totalWeight;
      for (const related of input.coPurchased?.get(interest.productId) ?? []) {
        // A product bought before may be promoted too (what goes with the rest of the profile is rebought more), unless rebuys are off.
        if (related.id === interest.productId || (rebuyWeight === 0 && input.purchased.has(related.id))) continue;
        add(related.id, coPurchaseWeight * share * related.score, { kind: 'bought_with', productId: interest.productId });
      }
    }
  }
  if (rebuyWeight > 0) {
    for (const interest of input.interests) {
      if (input.purchased.has(interest.productId)) {
        add(interest.productId, rebuyWeight * (interest.weight / totalWeight), { kind: 'bought_before', productId: interest.productId });
      }
    }
  }
  input.popular.forEach((id, rank) => {
    if (rebuyWeight === 0 && input.purchased.has(id)) return;
    add(id, popularityWeight * (1 - rank / input.popular.length), { kind: 'trending' });
  });
  return [...scores]
    .map(([id, entry]) => ({ id, score: entry.score, reason: entry.reason }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
