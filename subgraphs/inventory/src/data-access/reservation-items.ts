/** Reservation items as stored, and the stock updates a reservation's transactions are made of. */
import type { Region } from '@shop/platform';
import { activeShard, reservationKey, stockKey } from './keys';

export type ReservationStatus = 'PENDING' | 'RESERVED' | 'COMMITTED' | 'RELEASING' | 'RELEASED';
export type ReleaseReason = 'RELEASED' | 'EXPIRED';

export interface ReservationLine {
  sku: string;
  quantity: number;
}

export interface ReservationRecord {
  orderId: string;
  /** Null on the marker left by a release that came before any reservation. */
  region: Region | null;
  lines: ReservationLine[];
  status: ReservationStatus;
  /** Lines per transaction: chunk c holds lines [c·chunkSize, (c+1)·chunkSize). */
  chunkSize: number;
  /** Chunks whose units are taken from stock right now. */
  applied: number[];
  /** Epoch milliseconds after which the sweeper releases it. */
  expiresAt: number;
  createdAt: string;
  updatedAt: string;
  releaseReason: ReleaseReason | null;
}

export interface NewReservation {
  orderId: string;
  region: Region;
  lines: ReservationLine[];
  status: 'PENDING' | 'RESERVED';
  chunkSize: number;
  expiresAt: number;
}

export interface ReturnChunk {
  orderId: string;
  region: Region;
  chunk: number;
  lines: ReservationLine[];
  /** Statuses the record may be in for the return to go ahead. */
  from: ReservationStatus[];
  to: ReservationStatus;
  /** Require this to be the last applied chunk (so `to` may be a final status). */
  requireLast: boolean;
  reason?: ReleaseReason;
}

/** Finished records are kept this long for idempotent replays, then DynamoDB's TTL deletes them. */
const KEEP_FINISHED_SECONDS = 30 * 24 * 3600;

export const purgeAt = () => Math.floor(Date.now() / 1000) + KEEP_FINISHED_SECONDS;

export function toRecord(item: Record<string, unknown>): ReservationRecord {
  return {
    orderId: String(item.orderId),
    region: (item.region as Region | undefined) ?? null,
    lines: ((item.lines as ReservationLine[] | undefined) ?? []).map((line) => ({ sku: line.sku, quantity: Number(line.quantity) })),
    status: item.status as ReservationStatus,
    chunkSize: Number(item.chunkSize ?? 0),
    applied: [...((item.applied as Set<number> | undefined) ?? [])].map(Number).sort((a, b) => a - b),
    expiresAt: Number(item.expiresAt),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    releaseReason: (item.releaseReason as ReleaseReason | undefined) ?? null,
  };
}

/** Takes a line's units, only if that many are available. */
export const decrement = (table: string, region: Region, line: ReservationLine, now: string) => ({
  Update: {
    TableName: table,
    Key: stockKey(line.sku, region),
    UpdateExpression: 'SET available = available - :q, version = version + :one, updatedAt = :now',
    ConditionExpression: 'attribute_exists(available) AND available >= :q',
    ExpressionAttributeValues: { ':q': line.quantity, ':one': 1, ':now': now },
  },
});

/** Gives a line's units back. */
export const increment = (table: string, region: Region, line: ReservationLine, now: string) => ({
  Update: {
    TableName: table,
    Key: stockKey(line.sku, region),
    UpdateExpression: 'ADD available :q, version :one SET updatedAt = :now',
    ExpressionAttributeValues: { ':q': line.quantity, ':one': 1, ':now': now },
  },
});

/** A new reservation item, indexed as active so the sweeper finds it when it expires. */
export const newItem = (reservation: NewReservation, applied: Set<number> | undefined) => {
  const now = new Date().toISOString();
  return {
    ...reservationKey(reservation.orderId),
    orderId: reservation.orderId,
    region: reservation.region,
    lines: reservation.lines,
    status: reservation.status,
    chunkSize: reservation.chunkSize,
    applied,
    expiresAt: reservation.expiresAt,
    gsi1pk: activeShard(reservation.orderId),
    gsi1sk: reservation.expiresAt,
    createdAt: now,
    updatedAt: now,
  };
};
