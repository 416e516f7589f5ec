import { bucketsInWindow, expiredBuckets } from '../domain/buckets';
import { ALL_CATEGORIES } from '../domain/counters';
import { fillUp, rankBestSellers, rankTrending } from '../domain/trending';
import type { TrendingSources } from '../domain/trending-board';
import type { ActivityDeps } from './deps';

export const MAX_TRENDING = 50;

/** Runs a source of ids; a failing source is logged and gives what it gave last time (or nothing), so trending always answers. */
async function orPrevious(
  deps: ActivityDeps,
  source: string,
  load: () => Promise<string[]>,
  previous: string[] | undefined,
  failed: { incomplete?: boolean },
): Promise<string[]> {
  try {
    return await load();
  } catch (error) {
    deps.logger.warn({ err: error, source }, 'trending source failed; falling back');
    if (previous === undefined) failed.incomplete = true;
    return previous ?? [];
  }
}

/**
 * The sources of a category's trending, each asked only while the ones before it give fewer than
 * `needed` products: time-decayed recent interest (one Cassandra read), best sellers (one read),
 * the catalog's newest products (one call).
 */
export async function loadTrendingSources(
  deps: ActivityDeps,
  category: string | null,
  needed: number,
  previous: TrendingSources | null = null,
): Promise<TrendingSources> {
  const { repositories, settings } = deps;
  const slice = category ?? ALL_CATEGORIES;
  const now = deps.now();
  const failed: { incomplete?: boolean } = {};
  const ranked = await orPrevious(deps, 'recent activity', async () =>
    rankTrending(
      await repositories.counters.readBuckets(bucketsInWindow(now, settings.trendingWindowHours), slice),
      now,
      settings.trendingHalfLifeHours,
    ).slice(0, MAX_TRENDING), previous?.ranked, failed);
  if (ranked.length >= needed) return { ranked, bestSellers: [], newest: [], ...failed };

  const bestSellers = await orPrevious(deps, 'best sellers', async () =>
    rankBestSellers(await repositories.counters.readTotals(slice)).slice(0, MAX_TRENDING), previous?.bestSellers, failed);
  if (fillUp(needed, [ranked, bestSellers]).length >= needed) return { ranked, bestSellers, newest: [], ...failed };

  const newest = await orPrevious(deps, 'catalog newest', () => deps.catalog.newestProductIds(MAX_TRENDING, category), previous?.newest, failed);
  return { ranked, bestSellers, newest, ...failed };
}

/**
 * The products most viewed and bought recently (time-decayed), filled up with best sellers, then
 * the newest products of the catalog, then the configured fallbacks, so the home page is never empty.
 * From the in-memory board when there is one (the home page asks for this on every visit), else
 * loaded for this request.
 */
export async function trending(deps: ActivityDeps, first: number, category: string | null): Promise<string[]> {
  const sources = deps.trendingBoard
    ? await deps.trendingBoard.sources(category)
    : await loadTrendingSources(deps, category, first);
  return fillUp(first, [sources.ranked, sources.bestSellers, sources.newest, category === null ? deps.settings.fallbackProductIds : []]);
}

/** Deletes the trending buckets that have aged out (counters cannot carry a TTL). */
export async function pruneExpiredBuckets(deps: ActivityDeps, lookbackHours = 48): Promise<number[]> {
  const buckets = expiredBuckets(deps.now(), {
    windowHours: deps.settings.trendingWindowHours,
    maxEventAgeHours: deps.settings.maxEventAgeHours,
    lookbackHours,
  });
  await deps.repositories.counters.deleteBuckets(buckets);
  return buckets;
}
