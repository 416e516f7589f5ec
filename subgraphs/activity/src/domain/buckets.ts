/**
 * Time buckets that partition the tables: shopper history by calendar month (UTC), product
 * counters by 6-hour bucket and by shard, so no partition grows without bound or takes every write.
 */
export const BUCKET_HOURS = 6;
export const SHARDS = 4;
export const ALL_SHARDS: readonly number[] = Array.from({ length: SHARDS }, (_, shard) => shard);

const HOUR_MS = 3_600_000;

/** Start of the 6-hour bucket holding `at`, in hours since the epoch. */
export function bucketOf(at: Date): number {
  const hours = Math.floor(at.getTime() / HOUR_MS);
  return hours - (hours % BUCKET_HOURS);
}

export function bucketStart(bucket: number): Date {
  return new Date(bucket * HOUR_MS);
}

/** Buckets overlapping the last `windowHours` up to `now`, newest first. */
export function bucketsInWindow(now: Date, windowHours: number): number[] {
  const newest = bucketOf(now);
  const oldest = bucketOf(new Date(now.getTime() - windowHours * HOUR_MS));
  const buckets: number[] = [];
  for (let bucket = newest; bucket >= oldest; bucket -= BUCKET_HOURS) buckets.push(bucket);
  return buckets;
}

/**
 * Buckets that no accepted event can reach any more and trending no longer reads: they end
 * before both the trending window and the oldest accepted event time (plus an hour of margin).
 * Only the `lookbackHours` before that line are listed, so a periodic prune stays small.
 */
export function expiredBuckets(now: Date, options: { windowHours: number; maxEventAgeHours: number; lookbackHours: number }): number[] {
  const lineHours = Math.max(options.windowHours, options.maxEventAgeHours) + 1;
  const newestExpired = bucketOf(new Date(now.getTime() - lineHours * HOUR_MS)) - BUCKET_HOURS;
  const buckets: number[] = [];
  for (let bucket = newestExpired; bucket > newestExpired - options.lookbackHours; bucket -= BUCKET_HOURS) buckets.push(bucket);
  return buckets;
}

/** Month of `at` as yyyymm (UTC). */
export function monthOf(at: Date): number {
  return at.getUTCFullYear() * 100 + at.getUTCMonth() + 1;
}

/** Months from `since` to `until`, newest first. */
export function monthsBetween(since: Date, until: Date): number[] {
  const months: number[] = [];
  let year = until.getUTCFullYear();
  let month = until.getUTCMonth();
  const last = monthOf(since);
  while (year * 100 + month + 1 >= last) {
    months.push(year * 100 + month + 1);
    month -= 1;
    if (month < 0) {
      month = 11;
      year -= 1;
    }
  }
  return months;
}

/** Shard of a product's counters (FNV-1a of its id). */
export function shardOf(productId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < productId.length; i += 1) {
    hash ^= productId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}
