import { bucketsInWindow, expiredBuckets } from '../domain/buckets';
import { ALL_CATEGORIES } from '../domain/counters';
import { fillUp, rankBestSellers, rankTrending } from '../domain/trending';
import type { ActivityDeps } from './deps';

export const MAX_TRENDING = 50;

/** Runs a source of ids; a failing source is logged and gives nothing, so trending always answers. */
async function orNothing(deps: ActivityDeps, source: string, load: () => Promise<string[]>): Promise<string[]> {
  try {
    return await load();
  } catch (error) {
    deps.logger.warn({ err: error, source }, 'trending source failed; falling back');
    return [];
  }
}

/**
 * The products most viewed and bought recently (time-decayed), filled up with best sellers, then
 * the newest products of the catalog, then the configured fallbacks, so the home page is never empty.
 * Each source is cached per category for a short while: the home page asks for this on every visit.
 */
export async function trending(deps: ActivityDeps, first: number, category: string | null): Promise<string[]> {
  const { repositories, settings, trendingCache } = deps;
  const slice = category ?? ALL_CATEGORIES;
  const now = deps.now();

  const ranked = await orNothing(deps, 'recent activity', () =>
    trendingCache.getOrLoad(`trending|${slice}`, async () =>
      rankTrending(
        await repositories.counters.readBuckets(bucketsInWindow(now, settings.trendingWindowHours), slice),
        now,
        settings.trendingHalfLifeHours,
      ).slice(0, MAX_TRENDING),
    ),
  );
  if (ranked.length >= first) return ranked.slice(0, first);

  const bestSellers = await orNothing(deps, 'best sellers', () =>
    trendingCache.getOrLoad(`best|${slice}`, async () =>
      rankBestSellers(await repositories.counters.readTotals(slice)).slice(0, MAX_TRENDING),
    ),
  );
  const sofar = fillUp(first, [ranked, bestSellers]);
  if (sofar.length >= first) return sofar;

  const newest = await orNothing(deps, 'catalog newest', () =>
    trendingCache.getOrLoad(`newest|${slice}`, () => deps.catalog.newestProductIds(MAX_TRENDING, category)),
  );
  return fillUp(first, [sofar, newest, category === null ? settings.fallbackProductIds : []]);
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
