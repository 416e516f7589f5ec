import type { Logger } from '@shop/platform';
import type { ActivityClient } from '../clients/activity-client';
import type { CatalogClient } from '../clients/catalog-client';
import type { VectorIndex, VectorMatch } from '../data-access/vector-index';
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
  logger: Logger;
  rankOptions?: RankOptions;
  now?: () => Date;
}

const HISTORY_EVENTS = 200;
const MAX_INTERESTS = 20;
const NEIGHBOURS_PER_INTEREST = 30;
const POPULAR = 50;

async function historyOf(deps: ShopperRecommendationDeps, shopper: string | null): Promise<ShopperEvent[]> {
  if (!shopper) return [];
  try {
    return await deps.activity.recentActivity(shopper, HISTORY_EVENTS);
  } catch (error) {
    deps.logger.warn({ err: error }, 'activity unavailable: recommending without history');
    return [];
  }
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
    default:
      return { productId: ranked.id, reason: 'TRENDING', becauseProductId: null, score: ranked.score };
  }
}

/**
 * Suggestions for several shoppers at once: their histories (one activity call each, as
 * activity has no batch read), one catalog call for SKU-only events, one vector fetch and one
 * index pass for all their interests, then ranking (meaning + popularity + rebuys) and variety.
 */
export async function recommendForShoppers(
  deps: ShopperRecommendationDeps,
  requests: readonly ShopperRequest[],
): Promise<RecommendationItem[][]> {
  const now = deps.now?.() ?? new Date();
  const [histories, popular] = await Promise.all([
    Promise.all(requests.map((request) => historyOf(deps, request.shopper))).then((raw) => withProducts(deps, raw)),
    popularProducts(deps),
  ]);
  const profiles: ShopperProfile[] = histories.map((events) => buildProfile(events, now));
  const interestIds = [...new Set(profiles.flatMap((profile) => profile.interests.slice(0, MAX_INTERESTS).map((interest) => interest.productId)))];
  const vectors = await deps.index.fetch([...new Set([...interestIds, ...popular])]);
  const indexedInterests = interestIds.filter((id) => vectors.has(id));
  const neighbourLists = await deps.index.query(
    indexedInterests.map((id) => ({ vector: vectors.get(id)!.vector, topK: NEIGHBOURS_PER_INTEREST, excludeIds: [id] })),
  );
  const neighbours = new Map<string, VectorMatch[]>(indexedInterests.map((id, i) => [id, neighbourLists[i]!]));
  const known = new Map<string, Candidate>([...vectors].map(([id, record]) => [id, { ...record, score: 0 }]));
  for (const list of neighbourLists) for (const match of list) known.set(match.id, match);

  return requests.map((request, position) => {
    const profile = profiles[position]!;
    const ranked = rankForShopper(
      { interests: profile.interests.slice(0, MAX_INTERESTS), neighbours, popular, purchased: profile.purchased, exclude: profile.carted },
      deps.rankOptions,
    );
    const top = ranked.slice(0, request.first * 3);
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
