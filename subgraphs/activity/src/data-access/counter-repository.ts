import type { Client, types } from 'cassandra-driver';
import type { RoundTripCounter } from '@shop/platform';
import { ALL_SHARDS, shardOf } from '../domain/buckets';
import { ALL_CATEGORIES, type BucketIncrement, type CounterDelta, type TotalIncrement } from '../domain/counters';
import type { BucketCounts, TotalCounts } from '../domain/trending';
import { chunks, integer, requiredText, selectAll } from './rows';

export interface CounterRepository {
  /** Adds the increments; counter updates are not idempotent, so callers send each event's share once. */
  increment(buckets: readonly BucketIncrement[], totals: readonly TotalIncrement[]): Promise<void>;
  /** Counts of one category slice in the given buckets (all shards), in one request. */
  readBuckets(buckets: readonly number[], slice: string): Promise<BucketCounts[]>;
  /** All-time counts of every product of one category slice. */
  readTotals(slice: string): Promise<TotalCounts[]>;
  /** All-time view counts of the given products, in one request; absent products have none. */
  viewCounts(productIds: readonly string[]): Promise<Map<string, number>>;
  /** Removes whole bucket partitions that nothing reads or writes any more. */
  deleteBuckets(buckets: readonly number[]): Promise<void>;
}

const COUNTERS = 'views = views + ?, clicks = clicks + ?, carts = carts + ?, purchases = purchases + ?';
// Counter updates of one partition sent as one counter batch.
const COUNTER_BATCH = 50;

const deltaParams = (delta: CounterDelta) => [BigInt(delta.views), BigInt(delta.clicks), BigInt(delta.carts), BigInt(delta.purchases)];

const countsOf = (row: types.Row): CounterDelta => ({
  views: integer(row, 'views'),
  clicks: integer(row, 'clicks'),
  carts: integer(row, 'carts'),
  purchases: integer(row, 'purchases'),
});

function byPartition<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.values()].flatMap((group) => chunks(group, COUNTER_BATCH));
}

export function createCounterRepository(client: Client, keyspace: string, roundTrips?: RoundTripCounter): CounterRepository {
  const updateBucket = `UPDATE ${keyspace}.product_counts_by_bucket SET ${COUNTERS} WHERE bucket = ? AND shard = ? AND slice = ? AND product_id = ?`;
  const updateTotal = `UPDATE ${keyspace}.product_totals SET ${COUNTERS} WHERE slice = ? AND shard = ? AND product_id = ?`;
  const record = (operation: string) => roundTrips?.record(operation);

  const send = (operation: string, queries: Array<{ query: string; params: unknown[] }>) => {
    record(operation);
    return queries.length === 1
      ? client.execute(queries[0]!.query, queries[0]!.params, { prepare: true })
      : client.batch(queries, { prepare: true, counter: true, logged: false });
  };

  return {
    async increment(buckets, totals) {
      const bucketGroups = byPartition(buckets, (row) => `${row.bucket}|${row.shard}`).map((group) =>
        send('counters.increment', group.map((row) => ({
          query: updateBucket,
          params: [...deltaParams(row), row.bucket, row.shard, row.slice, row.productId],
        }))),
      );
      const totalGroups = byPartition(totals, (row) => `${row.slice}|${row.shard}`).map((group) =>
        send('counters.increment', group.map((row) => ({
          query: updateTotal,
          params: [...deltaParams(row), row.slice, row.shard, row.productId],
        }))),
      );
      await Promise.all([...bucketGroups, ...totalGroups]);
    },

    async readBuckets(buckets, slice) {
      if (buckets.length === 0) return [];
      const rows = await selectAll(
        client,
        `SELECT bucket, product_id, views, clicks, carts, purchases FROM ${keyspace}.product_counts_by_bucket
          WHERE bucket IN ? AND shard IN ? AND slice = ?`,
        [[...buckets], [...ALL_SHARDS], slice],
        () => record('counters.readBuckets'),
      );
      return rows.map((row) => ({ bucket: integer(row, 'bucket'), productId: requiredText(row, 'product_id'), ...countsOf(row) }));
    },

    async readTotals(slice) {
      const rows = await selectAll(
        client,
        `SELECT product_id, views, clicks, carts, purchases FROM ${keyspace}.product_totals WHERE slice = ? AND shard IN ?`,
        [slice, [...ALL_SHARDS]],
        () => record('counters.readTotals'),
      );
      return rows.map((row) => ({ productId: requiredText(row, 'product_id'), ...countsOf(row) }));
    },

    async viewCounts(productIds) {
      const counts = new Map<string, number>();
      if (productIds.length === 0) return counts;
      const shards = [...new Set(productIds.map(shardOf))];
      const rows = await selectAll(
        client,
        `SELECT product_id, views FROM ${keyspace}.product_totals WHERE slice = ? AND shard IN ? AND product_id IN ?`,
        [ALL_CATEGORIES, shards, [...new Set(productIds)]],
        () => record('counters.viewCounts'),
      );
      for (const row of rows) counts.set(requiredText(row, 'product_id'), integer(row, 'views'));
      return counts;
    },

    async deleteBuckets(buckets) {
      if (buckets.length === 0) return;
      record('counters.deleteBuckets');
      await client.execute(`DELETE FROM ${keyspace}.product_counts_by_bucket WHERE bucket IN ? AND shard IN ?`, [
        [...buckets],
        [...ALL_SHARDS],
      ], { prepare: true, isIdempotent: true });
    },
  };
}
