import type { Logger } from '@shop/platform';
import type { ActivityClient } from '../clients/activity-client';
import type { CatalogClient } from '../clients/catalog-client';
import type { CoPurchaseStore } from '../data-access/co-purchase-store';
import type { VectorIndex, VectorMatch } from '../data-access/vector-index';
import { basketsOf, type RelatedProduct } from '../domain/co-purchase';
import { diversify, type Candidate } from '../domain/diversify';
import { buildProfile, type ShopperEvent, type ShopperProfile } from '../domain/profile';
import { rankForShopper, type RankedProduct, type RankOptions } from '../domain/rank';
import type { RecommendationItem } from './recommendation-item';

export interface ShopperRequest {
  /** `user:<id>` or `guest:<id>`; null for callers without history (partners, services). */
  shopper: string | null;
  first: number;
}

export interface ShopperRecommendationDeps {
  index: VectorIndex;
  activity: ActivityClient;
  catalog: CatalogClient;
  coPurchases: CoPurchaseStore;
  logger: Logger;
  rankOptions?: RankOptions;
  now?: () => Date;
}

const HISTORY_EVENTS = 200;
/** Interests whose neighbours in meaning are searched (one index query each)... */
const MAX_INTERESTS_BY_MEANING = 20;
/** ...and interests for rebuys and co-purchases, which cost nothing more (the evaluation prefers 60 to 20). */
const MAX_INTERESTS = 60;
const NEIGHBOURS_PER_INTEREST = 30;
const POPULAR = 50;
const CO_PURCHASED_PER_INTEREST = 30;

/** Every shopper's history in one activity call (none for callers without a shopper key). */
async function historiesOf(deps: ShopperRecommendationDeps, requests: readonly ShopperRequest[]): Promise<ShopperEvent[][]> {
  const shoppers = [...new Set(requests.flatMap((request) => (request.shopper ? [request.shopper] : [])))];
  let byShopper = new Map<string, ShopperEvent[]>();
  try {
    const histories = await deps.activity.recentActivity(shoppers, HISTORY_EVENTS);
    byShopper = new Map(shoppers.map((shopper, i) => [shopper, histories[i] ?? []]));
  } catch (error) {
    deps.logger.warn({ err: error }, 'activity unavailable: recommending without history');
  }
  return requests.map((request) => (request.shopper ? (byShopper.get(request.shopper) ?? []) : []));
}

/** Events that name only a SKU get their product from the catalog, in one call for the batch. */
async function withProducts(deps: ShopperRecommendationDeps, histories: ShopperEvent[][]): Promise<ShopperEvent[][]> {
  const skus = [...new Set(histories.flat().flatMap((event) => (!event.productId && event.sku ? [event.sku] : [])))];
  if (skus.length === 0) return histories;
  let productOf = new Map<string, string>();
  try {
    const ids = await deps.catalog.productIdsOfSkus(skus);
    productOf = new Map(skus.flatMap((sku, i) => (ids[i] ? [[sku, ids[i]!] as [string, string]] : [])));
  } catch (error) {
    deps.logger.warn({ err: error }, 'catalog unavailable: events with only a SKU are ignored');
  }
  return histories.map((events) =>
    events.map((event) => (event.productId || !event.sku ? event : { ...event, productId: productOf.get(event.sku) ?? null })),
  );
}

async function popularProducts(deps: ShopperRecommendationDeps): Promise<string[]> {
  try {
    return await deps.activity.trending(POPULAR, null);
  } catch (error) {
    deps.logger.warn({ err: error }, 'trending unavailable: recommending from meaning only');
    return [];
  }
}

function toItem(ranked: RankedProduct): RecommendationItem {
  switch (ranked.reason.kind) {
    case 'similar':
      return { productId: ranked.id, reason: 'SIMILAR_TO_ACTIVITY', becauseProductId: ranked.reason.productId, score: ranked.score };
    case 'bought_before':
      return { productId: ranked.id, reason: 'BOUGHT_BEFORE', becauseProductId: ranked.reason.productId, score: ranked.score };
    case 'bought_with':
      return { productId: ranked.id, reason: 'BOUGHT_WITH', becauseProductId: ranked.reason.productId, score: ranked.score };
    default:
      return { productId: ranked.id, reason: 'TRENDING', becauseProductId: null, score: ranked.score };
  }
}

/**
 * Suggestions for several shoppers at once: their histories (one activity call for all), one
 * catalog call for SKU-only events, the baskets in those histories counted into the co-purchases
 * (each once), one co-purchase read, one vector fetch and one index pass for all their interests,
 * ranking (meaning + what others bought with them + popularity + rebuys), one more fetch for the
 * vectors of co-purchased candidates, and variety.
 */
export async function recommendForShoppers(
  deps: ShopperRecommendationDeps,
  requests: readonly ShopperRequest[],
): Promise<RecommendationItem[][]> {
  const now = deps.now?.() ?? new Date();
  const [histories, popular] = await Promise.all([
    historiesOf(deps, requests).then((raw) => withProducts(deps, raw)),
    popularProducts(deps),
  ]);
  deps.coPurchases.learn(histories.flatMap((events) => basketsOf(events, now)));
  const profiles: ShopperProfile[] = histories.map((events) => buildProfile(events, now));
  const interestIds = [...new Set(profiles.flatMap((profile) => profile.interests.slice(0, MAX_INTERESTS).map((interest) => interest.productId)))];
  const meaningIds = new Set(profiles.flatMap((profile) => profile.interests.slice(0, MAX_INTERESTS_BY_MEANING).map((interest) => interest.productId)));
  const coPurchased: Map<string, RelatedProduct[]> = interestIds.length > 0 ? deps.coPurchases.related(interestIds, CO_PURCHASED_PER_INTEREST) : new Map();
  const vectors = await deps.index.fetch([...new Set([...interestIds, ...popular])]);
  const indexedInterests = interestIds.filter((id) => meaningIds.has(id) && vectors.has(id));
  const neighbourLists = await deps.index.query(
    indexedInterests.map((id) => ({ vector: vectors.get(id)!.vector, topK: NEIGHBOURS_PER_INTEREST, excludeIds: [id] })),
  );
  const neighbours = new Map<string, VectorMatch[]>(indexedInterests.map((id, i) => [id, neighbourLists[i]!]));
  const known = new Map<string, Candidate>([...vectors].map(([id, record]) => [id, { ...record, score: 0 }]));
  for (const list of neighbourLists) for (const match of list) known.set(match.id, match);

  const tops = requests.map((request, position) => {
    const profile = profiles[position]!;
    const ranked = rankForShopper(
      { interests: profile.interests.slice(0, MAX_INTERESTS), neighbours, coPurchased, popular, purchased: profile.purchased, exclude: profile.carted },
      deps.rankOptions,
    );
    return ranked.slice(0, request.first * 3);
  });
  // Co-purchased candidates come without vectors: one more fetch for the batch, for variety.
  const missing = [...new Set(tops.flat().map((item) => item.id))].filter((id) => !known.has(id));
  if (missing.length > 0) for (const [id, record] of await deps.index.fetch(missing)) known.set(id, { ...record, score: 0 });

  return requests.map((request, position) => {
    const top = tops[position]!;
    const maxScore = top[0]?.score ?? 1;
    const candidates = top.flatMap((item) => {
      const record = known.get(item.id);
      return record ? [{ ...record, score: item.score / maxScore }] : [];
    });
    // Products not in the index (yet) cannot be checked for variety; they keep their rank.
    const chosen = new Set(diversify(candidates, request.first, [], { lambda: 0.85 }).map((candidate) => candidate.id));
    const unindexed = new Set(top.filter((item) => !known.has(item.id)).map((item) => item.id));
    return top
      .filter((item) => chosen.has(item.id) || unindexed.has(item.id))
      .slice(0, request.first)
      .map(toItem);
  });
}
