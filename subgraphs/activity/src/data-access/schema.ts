import type { Client } from 'cassandra-driver';

export interface KeyspaceSettings {
  keyspace: string;
  replication: 'simple' | 'network';
  replicationFactor: number;
  /** For NetworkTopologyStrategy: `dc1:3,dc2:3`; empty means the local datacenter with replicationFactor. */
  datacenters: string;
  localDataCenter: string;
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,47}$/;

export function replicationOf(settings: KeyspaceSettings): Record<string, string | number> {
  if (settings.replication === 'simple') {
    return { class: 'SimpleStrategy', replication_factor: settings.replicationFactor };
  }
  const datacenters = settings.datacenters
    ? Object.fromEntries(settings.datacenters.split(',').map((pair) => {
        const [dc, factor] = pair.split(':');
        return [dc!, Number(factor)];
      }))
    : { [settings.localDataCenter]: settings.replicationFactor };
  return { class: 'NetworkTopologyStrategy', ...datacenters };
}

const cqlMap = (map: Record<string, string | number>) =>
  `{${Object.entries(map).map(([key, value]) => `'${key}': ${typeof value === 'number' ? value : `'${value}'`}`).join(', ')}}`;

// Time-ordered rows that all expire: compact by day so whole expired files are dropped.
const TIME_SERIES = "compaction = {'class': 'TimeWindowCompactionStrategy', 'compaction_window_unit': 'DAYS', 'compaction_window_size': 1}";

/** The tables, each shaped for one read. Table names are fixed; the keyspace comes from config. */
export function tableStatements(keyspace: string): string[] {
  return [
    // History: one partition per shopper and month, newest first.
    `CREATE TABLE IF NOT EXISTS ${keyspace}.events_by_shopper (
      shopper text, month int, at timestamp, event_id uuid,
      type text, product_id text, sku text, source text, query text, quantity int,
      PRIMARY KEY ((shopper, month), at, event_id)
    ) WITH CLUSTERING ORDER BY (at DESC, event_id ASC) AND ${TIME_SERIES}`,
    // Dedupe: each event id claimed once with IF NOT EXISTS, all of a batch in one conditional
    // batch (one Paxos round) as a call's events share the shopper's partition. Only the claimant
    // counts the event; `at` is the event time first recorded, so a retry of an event sent without
    // one rewrites the same history row.
    `CREATE TABLE IF NOT EXISTS ${keyspace}.event_ids (
      shopper text, event_id uuid, at timestamp,
      PRIMARY KEY ((shopper), event_id)
    ) WITH ${TIME_SERIES}`,
    // Trending: per 6-hour bucket and shard; a row per category slice ('*' = all) and product.
    `CREATE TABLE IF NOT EXISTS ${keyspace}.product_counts_by_bucket (
      bucket int, shard int, slice text, product_id text,
      views counter, clicks counter, carts counter, purchases counter,
      PRIMARY KEY ((bucket, shard), slice, product_id)
    )`,
    // All-time counts per category slice and shard: view counts and best sellers.
    `CREATE TABLE IF NOT EXISTS ${keyspace}.product_totals (
      slice text, shard int, product_id text,
      views counter, clicks counter, carts counter, purchases counter,
      PRIMARY KEY ((slice, shard), product_id)
    )`,
    // Categories last sent with a product, so events without them (purchases) still count per category.
    `CREATE TABLE IF NOT EXISTS ${keyspace}.product_categories (
      product_id text PRIMARY KEY, category_ids list<text>
    )`,
  ];
}

/** Creates the keyspace and tables when absent (an existing keyspace keeps its replication). */
export async function ensureSchema(client: Client, settings: KeyspaceSettings): Promise<void> {
  if (!IDENTIFIER.test(settings.keyspace)) throw new Error(`invalid keyspace name ${settings.keyspace}`);
  await client.execute(
    `CREATE KEYSPACE IF NOT EXISTS ${settings.keyspace} WITH replication = ${cqlMap(replicationOf(settings))}`,
  );
  for (const statement of tableStatements(settings.keyspace)) await client.execute(statement);
}

export async function dropKeyspace(client: Client, keyspace: string): Promise<void> {
  if (!IDENTIFIER.test(keyspace)) throw new Error(`invalid keyspace name ${keyspace}`);
  await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
}
