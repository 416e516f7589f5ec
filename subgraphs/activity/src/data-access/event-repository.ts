import type { Client, types } from 'cassandra-driver';
import type { RoundTripCounter } from '@shop/platform';
import { monthOf } from '../domain/buckets';
import type { ActivityEventType } from '../domain/events';
import type { HistoryEntry } from '../domain/history';
import { chunks, integer, requiredText, selectAll, text, timestamp, uuid } from './rows';

export interface TimedHistoryEntry extends HistoryEntry {
  /** Seconds the row has left to live. */
  ttlSeconds: number;
}

export interface EventClaim {
  eventId: string;
  shopper: string;
  at: Date;
}

export interface ClaimResult {
  claimed: boolean;
  at: Date;
}

export interface EventRepository {
  /** Writes history rows; the key (shopper, month, at, id) makes a rewrite of the same event land on the same row. */
  appendHistory(entries: readonly TimedHistoryEntry[]): Promise<void>;
  /**
   * Claims each event id once per shopper (IF NOT EXISTS). Per id: whether this call claimed it
   * first, and the event time recorded by whoever claimed it.
   */
  claimEventIds(claims: readonly EventClaim[], ttlSeconds: number): Promise<Map<string, ClaimResult>>;
  /** The newest `perPartitionLimit` rows of each (shopper, month), in one request. */
  readHistory(shoppers: readonly string[], months: readonly number[], perPartitionLimit: number): Promise<HistoryEntry[]>;
  /** Every row of one shopper with the time it has left, for moving it elsewhere. */
  readAllHistory(shopper: string, months: readonly number[]): Promise<TimedHistoryEntry[]>;
  /** Deletes the shopper's rows written before `beforeMicros` (a write timestamp); later rows survive. */
  deleteHistory(shopper: string, months: readonly number[], beforeMicros: bigint): Promise<void>;
}

const COLUMNS = 'shopper, at, event_id, type, product_id, sku, source, query, quantity';
// Rows of one partition sent together; keeps batches under Cassandra's batch size warning.
const HISTORY_BATCH = 25;

function toEntry(row: types.Row): HistoryEntry {
  return {
    shopper: requiredText(row, 'shopper'),
    eventId: uuid(row, 'event_id'),
    type: requiredText(row, 'type') as ActivityEventType,
    productId: text(row, 'product_id'),
    sku: text(row, 'sku'),
    source: text(row, 'source'),
    query: text(row, 'query'),
    quantity: integer(row, 'quantity') || 1,
    at: timestamp(row, 'at'),
  };
}

export function createEventRepository(client: Client, keyspace: string, roundTrips?: RoundTripCounter): EventRepository {
  const insertHistory = `INSERT INTO ${keyspace}.events_by_shopper (shopper, month, at, event_id, type, product_id, sku, source, query, quantity)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?`;
  const claim = `INSERT INTO ${keyspace}.event_ids (shopper, event_id, at) VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?`;
  const record = (operation: string) => roundTrips?.record(operation);

  return {
    async appendHistory(entries) {
      const partitions = new Map<string, TimedHistoryEntry[]>();
      for (const entry of entries) {
        const key = `${entry.shopper}|${monthOf(entry.at)}`;
        partitions.set(key, [...(partitions.get(key) ?? []), entry]);
      }
      const groups = [...partitions.values()].flatMap((rows) => chunks(rows, HISTORY_BATCH));
      await Promise.all(
        groups.map((group) => {
          const queries = group.map((entry) => ({
            query: insertHistory,
            params: [entry.shopper, monthOf(entry.at), entry.at, entry.eventId, entry.type, entry.productId, entry.sku,
              entry.source, entry.query, entry.quantity, entry.ttlSeconds],
          }));
          record('history.append');
          // One partition per group: an unlogged batch is a single write to one replica set.
          return queries.length === 1
            ? client.execute(queries[0]!.query, queries[0]!.params, { prepare: true, isIdempotent: true })
            : client.batch(queries, { prepare: true, logged: false, isIdempotent: true });
        }),
      );
    },

    async claimEventIds(claims, ttlSeconds) {
      const results = new Map<string, ClaimResult>();
      const byShopper = new Map<string, EventClaim[]>();
      for (const item of claims) byShopper.set(item.shopper, [...(byShopper.get(item.shopper) ?? []), item]);
      await Promise.all(
        [...byShopper.values()].map(async (group) => {
          let remaining = group;
          while (remaining.length > 0) {
            record('eventIds.claim');
            const statements = remaining.map(({ eventId, shopper, at }) => ({ query: claim, params: [shopper, eventId, at, ttlSeconds] }));
            // All in one partition: a conditional batch applies all or nothing, in one Paxos round.
            const result = statements.length === 1
              ? await client.execute(claim, statements[0]!.params, { prepare: true })
              : await client.batch(statements, { prepare: true });
            if (result.wasApplied()) {
              for (const { eventId, at } of remaining) results.set(eventId, { claimed: true, at });
              return;
            }
            // Refused: the rows already there are duplicates; claim the rest in another round.
            const existing = new Map(result.rows.map((row) => [uuid(row, 'event_id'), timestamp(row, 'at')]));
            if (existing.size === 0) throw new Error('conditional claim refused without naming a conflicting event');
            for (const [eventId, at] of existing) results.set(eventId, { claimed: false, at });
            remaining = remaining.filter(({ eventId }) => !existing.has(eventId));
          }
        }),
      );
      return results;
    },

    async readHistory(shoppers, months, perPartitionLimit) {
      if (shoppers.length === 0 || months.length === 0) return [];
      const rows = await selectAll(
        client,
        `SELECT ${COLUMNS} FROM ${keyspace}.events_by_shopper WHERE shopper IN ? AND month IN ? PER PARTITION LIMIT ?`,
        [[...shoppers], [...months], perPartitionLimit],
        () => record('history.read'),
      );
      return rows.map(toEntry);
    },

    async readAllHistory(shopper, months) {
      const rows = await selectAll(
        client,
        `SELECT ${COLUMNS}, TTL(type) AS ttl FROM ${keyspace}.events_by_shopper WHERE shopper = ? AND month IN ?`,
        [shopper, [...months]],
        () => record('history.readAll'),
        1000,
      );
      return rows.map((row) => ({ ...toEntry(row), ttlSeconds: integer(row, 'ttl') }));
    },

    async deleteHistory(shopper, months, beforeMicros) {
      record('history.delete');
      await client.execute(
        `DELETE FROM ${keyspace}.events_by_shopper USING TIMESTAMP ? WHERE shopper = ? AND month IN ?`,
        [beforeMicros, shopper, [...months]],
        { prepare: true, isIdempotent: true },
      );
    },
  };
}
