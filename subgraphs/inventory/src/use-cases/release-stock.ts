import { userError } from '@shop/platform';
import { backoff } from '../data-access/batch';
import type { ReleaseReason, ReservationRecord } from '../data-access/reservation-repository';
import { chunkLines, parseOrderId } from '../domain/reserve-request';
import { busy, failed, hasConflict, succeeded, type InventoryStore, type OperationResult } from './store';

export interface ReleaseOptions {
  reason?: ReleaseReason;
  /** Release only when the reservation expired by then (the sweeper's guard against stale index reads). */
  expiredBy?: number;
}

/**
 * Gives the order's held units back; idempotent. A release that finds no reservation leaves a
 * RELEASED marker, so a reserve that arrives late for the same order does not hold stock.
 * Each applied chunk goes back in one transaction with the record, so a crash midway loses nothing:
 * the next release (or the sweeper) picks up where it stopped.
 */
export async function releaseStock(store: InventoryStore, orderId: string, options: ReleaseOptions = {}): Promise<OperationResult> {
  const invalid = parseOrderId(orderId);
  if (invalid.length > 0) return failed(...invalid);
  const reason = options.reason ?? 'RELEASED';
  // Each round makes progress or loses a race; a chunked reservation takes one round per chunk.
  for (let round = 0; round < 12; round++) {
    const record = await store.reservations.get(orderId);
    if (!record) {
      if (options.expiredBy !== undefined) return succeeded();
      if (await store.reservations.putReleasedMarker(orderId)) return succeeded();
      continue;
    }
    if (record.status === 'RELEASED') return succeeded();
    if (record.status === 'COMMITTED') {
      return failed(userError('RESERVATION_COMMITTED', `The reservation of order ${orderId} is committed; its units are sold`, ['orderId']));
    }
    if (options.expiredBy !== undefined && record.expiresAt > options.expiredBy) return succeeded();
    const step = await releaseStep(store, record, reason);
    if (step === 'done') return succeeded();
    if (step === 'conflict') await backoff(round);
  }
  return failed(busy());
}

async function releaseStep(store: InventoryStore, record: ReservationRecord, reason: ReleaseReason): Promise<'done' | 'progress' | 'conflict' | 'moved'> {
  if (record.applied.length === 0) {
    return (await store.reservations.finishRelease(record.orderId, reason)) ? 'done' : 'moved';
  }
  if (!record.region) throw new Error(`reservation ${record.orderId} holds units but has no region`);
  const [chunk] = record.applied as [number];
  const last = record.applied.length === 1;
  const outcome = await store.reservations.returnChunk({
    orderId: record.orderId,
    region: record.region,
    chunk,
    lines: chunkLines(record.lines, record.chunkSize, chunk),
    from: ['PENDING', 'RESERVED', 'RELEASING'],
    to: last ? 'RELEASED' : 'RELEASING',
    requireLast: last,
    reason,
  });
  if (outcome.ok) return last ? 'done' : 'progress';
  return hasConflict(outcome.reasons) ? 'conflict' : 'moved';
}
