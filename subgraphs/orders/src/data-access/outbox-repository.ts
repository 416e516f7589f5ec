import type { PurchaseEvent } from '../domain/order';
import type { OutboxStore } from '../domain/ports';
import type { Database } from './postgres';

export interface OutboxSettings {
  /** First retry delay; doubles with each failed attempt. */
  retryBaseMs: number;
  /** Longest delay between two attempts. */
  retryMaxMs: number;
}

interface OutboxRow {
  id: string;
  shopper: string;
  payload: { events: PurchaseEvent[] };
  attempts: number;
}

export function createOutboxRepository(db: Database, settings: OutboxSettings): OutboxStore {
  return {
    async claimDue(limit, leaseMs) {
      const { rows } = await db.query<OutboxRow>(
        'outbox.claimDue',
        `UPDATE outbox SET next_attempt_at = now() + $2::int * interval '1 millisecond'
         WHERE id IN (
           SELECT id FROM outbox
           WHERE delivered_at IS NULL AND next_attempt_at <= now()
           ORDER BY next_attempt_at, id
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
         RETURNING id, shopper, payload, attempts`,
        [limit, leaseMs],
      );
      return rows
        .map((row) => ({ id: Number(row.id), shopper: row.shopper, events: row.payload.events, attempts: row.attempts }))
        .sort((a, b) => a.id - b.id);
    },

    async markDelivered(ids) {
      await db.query(
        'outbox.markDelivered',
        'UPDATE outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])',
        [ids],
      );
    },

    async markFailed(ids, error) {
      await db.query(
        'outbox.markFailed',
        `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
           next_attempt_at = now() + least($3::float8 * power(2, least(attempts, 30)), $4::float8) * interval '1 millisecond'
         WHERE id = ANY($1::bigint[])`,
        [ids, error, settings.retryBaseMs, settings.retryMaxMs],
      );
    },
  };
}
