/** Tunables of the activity subgraph, from config (see config.ts). */
export interface ActivitySettings {
  retentionDays: number;
  maxEventAgeHours: number;
  trendingWindowHours: number;
  trendingHalfLifeHours: number;
  /** How often the in-memory trending lists are refreshed; 0 loads them for every request (tests). */
  trendingCacheSeconds: number;
  fallbackProductIds: string[];
  /** 0 disables the periodic removal of expired trending buckets. */
  pruneIntervalMinutes: number;
}

export const DEFAULT_SETTINGS: ActivitySettings = {
  retentionDays: 90,
  maxEventAgeHours: 168,
  trendingWindowHours: 72,
  trendingHalfLifeHours: 24,
  trendingCacheSeconds: 30,
  fallbackProductIds: [],
  pruneIntervalMinutes: 60,
};

/**
 * A retried batch must meet its first attempt's dedupe row: keep event ids for longer than the
 * oldest event still accepted (plus a day for clocks and slow retries).
 */
export function dedupeTtlSeconds(settings: ActivitySettings): number {
  return (settings.maxEventAgeHours + 24) * 3600;
}
