import { bucketOf, shardOf } from './buckets';
import type { ActivityEvent } from './events';

/** The slice of the counters that every product event lands in, beside its categories' slices. */
export const ALL_CATEGORIES = '*';

export interface CounterDelta {
  views: number;
  clicks: number;
  carts: number;
  purchases: number;
}

/** An increment of a product's counters in one 6-hour bucket, for trending. */
export interface BucketIncrement extends CounterDelta {
  bucket: number;
  shard: number;
  slice: string;
  productId: string;
}

/** An increment of a product's all-time counters, for view counts and best sellers. */
export interface TotalIncrement extends CounterDelta {
  shard: number;
  slice: string;
  productId: string;
}

export interface CountedEvent {
  event: ActivityEvent;
  categoryIds: readonly string[];
}

function deltaOf(event: ActivityEvent): CounterDelta {
  return {
    views: event.type === 'view' ? 1 : 0,
    clicks: event.type === 'click' ? 1 : 0,
    carts: event.type === 'add_to_cart' ? event.quantity : 0,
    purchases: event.type === 'purchase' ? event.quantity : 0,
  };
}

function add<T extends CounterDelta>(into: Map<string, T>, key: string, base: Omit<T, keyof CounterDelta>, delta: CounterDelta) {
  const current = into.get(key);
  if (current) {
    current.views += delta.views;
    current.clicks += delta.clicks;
    current.carts += delta.carts;
    current.purchases += delta.purchases;
  } else {
    into.set(key, { ...base, ...delta } as T);
  }
}

/**
 * Sums a batch's product events into one increment per counter row, so a batch of 100 views of
 * the same product costs one counter update, not 100.
 */
export function counterIncrements(counted: readonly CountedEvent[]): { buckets: BucketIncrement[]; totals: TotalIncrement[] } {
  const buckets = new Map<string, BucketIncrement>();
  const totals = new Map<string, TotalIncrement>();
  for (const { event, categoryIds } of counted) {
    if (!event.productId || event.type === 'search') continue;
    const productId = event.productId;
    const shard = shardOf(productId);
    const bucket = bucketOf(event.at);
    const delta = deltaOf(event);
    for (const slice of [ALL_CATEGORIES, ...categoryIds]) {
      add(buckets, `${bucket}|${slice}|${productId}`, { bucket, shard, slice, productId }, delta);
      add(totals, `${slice}|${productId}`, { shard, slice, productId }, delta);
    }
  }
  return { buckets: [...buckets.values()], totals: [...totals.values()] };
}
