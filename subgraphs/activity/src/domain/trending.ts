import { BUCKET_HOURS, bucketStart } from './buckets';
import type { CounterDelta } from './counters';

/** How much each kind of interest weighs in trending: buying says more than looking. */
export const TRENDING_WEIGHTS: Readonly<CounterDelta> = { views: 1, clicks: 0.5, carts: 3, purchases: 5 };

export interface BucketCounts extends CounterDelta {
  bucket: number;
  productId: string;
}

export interface TotalCounts extends CounterDelta {
  productId: string;
}

const HOUR_MS = 3_600_000;

/** Weight of a bucket's counts: halves every `halfLifeHours` from the middle of the bucket. */
export function decayOf(bucket: number, now: Date, halfLifeHours: number): number {
  const middle = bucketStart(bucket).getTime() + (BUCKET_HOURS * HOUR_MS) / 2;
  const ageHours = Math.max(0, (now.getTime() - middle) / HOUR_MS);
  return 0.5 ** (ageHours / halfLifeHours);
}

function interest(counts: CounterDelta): number {
  return (
    counts.views * TRENDING_WEIGHTS.views +
    counts.clicks * TRENDING_WEIGHTS.clicks +
    counts.carts * TRENDING_WEIGHTS.carts +
    counts.purchases * TRENDING_WEIGHTS.purchases
  );
}

const byScoreThenId = (a: { id: string; score: number }, b: { id: string; score: number }) =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Product ids by time-decayed interest, highest first; products without interest are left out. */
export function rankTrending(rows: readonly BucketCounts[], now: Date, halfLifeHours: number): string[] {
  const scores = new Map<string, number>();
  for (const row of rows) {
    const score = interest(row) * decayOf(row.bucket, now, halfLifeHours);
    if (score > 0) scores.set(row.productId, (scores.get(row.productId) ?? 0) + score);
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort(byScoreThenId).map(({ id }) => id);
}

/** Product ids ever bought, most units first (views break ties). */
export function rankBestSellers(rows: readonly TotalCounts[]): string[] {
  return rows
    .filter((row) => row.purchases > 0)
    .map((row) => ({ id: row.productId, score: row.purchases + row.views / (row.views + 1) }))
    .sort(byScoreThenId)
    .map(({ id }) => id);
}

/** Takes ids from each list in turn until `first` distinct ones are found. */
export function fillUp(first: number, lists: ReadonlyArray<readonly string[]>): string[] {
  const chosen = new Set<string>();
  for (const list of lists) {
    for (const id of list) {
      if (chosen.size >= first) return [...chosen];
      chosen.add(id);
    }
  }
  return [...chosen];
}
