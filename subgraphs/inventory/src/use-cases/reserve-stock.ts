import { userError, type UserError } from '@shop/platform';
import type { ReservationRecord, NewReservation } from '../data-access/reservation-repository';
import { backoff } from '../data-access/batch';
import { chunkCount, chunkLines, parseReserveRequest, sameReservation, type ReserveLine, type ReserveRequest } from '../domain/reserve-request';
import { busy, hasConflict, MAX_WRITE_ATTEMPTS, type InventoryStore } from './store';

export interface StockShortage {
  sku: string;
  requested: number;
  available: number;
}

export interface ReserveResult {
  reserved: boolean;
  shortages: StockShortage[];
  userErrors: UserError[];
}

const granted = (): ReserveResult => ({ reserved: true, shortages: [], userErrors: [] });
const refused = (userErrors: UserError[], shortages: StockShortage[] = []): ReserveResult => ({ reserved: false, shortages, userErrors });

/**
 * Holds every line for the order or none. Fits in one transaction (the reservation record plus
 * one conditional decrement per line) when the store allows that many items; otherwise the record
 * is written PENDING first and lines are taken chunk by chunk, each chunk in a transaction with
 * the record, and given back if a later chunk is short.
 */
export async function reserveStock(
  store: InventoryStore,
  input: { orderId: string; region: string; lines: readonly ReserveLine[] },
): Promise<ReserveResult> {
  const parsed = parseReserveRequest(input);
  if (!parsed.ok) return refused(parsed.errors);
  const request = parsed.value;
  const chunkSize = store.settings.maxTransactionItems - 1;
  return request.lines.length <= chunkSize ? reserveAtOnce(store, request) : reserveInChunks(store, request, chunkSize);
}

function newReservation(store: InventoryStore, request: ReserveRequest, status: NewReservation['status'], chunkSize: number): NewReservation {
  return {
    orderId: request.orderId,
    region: request.region,
    lines: request.lines,
    status,
    chunkSize,
    expiresAt: Date.now() + store.settings.reservationTtlMs,
  };
}

async function reserveAtOnce(store: InventoryStore, request: ReserveRequest): Promise<ReserveResult> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const outcome = await store.reservations.createReserved(newReservation(store, request, 'RESERVED', request.lines.length));
    if (outcome.ok) return granted();
    const [recordReason, ...lineReasons] = outcome.reasons;
    if (recordReason === 'ConditionalCheckFailed' || outcome.reasons.length === 0) {
      const existing = await store.reservations.get(request.orderId);
      if (existing) return answerReplay(existing, request);
    }
    if (recordReason === 'ConditionalCheckFailed') {
      // The record was there and is gone again (a failed chunked reserve removing itself): retry.
    } else if (lineReasons.includes('ConditionalCheckFailed') || outcome.reasons.length === 0) {
      const shortfall = await findShortfall(store, request);
      if (shortfall) return shortfall;
      // Units came back between the transaction and the read: take them.
    } else if (!hasConflict(outcome.reasons)) {
      throw new Error(`reservation cancelled: ${outcome.reasons.join(', ')}`);
    }
    await backoff(attempt);
  }
  return refused([busy()]);
}

async function reserveInChunks(store: InventoryStore, request: ReserveRequest, chunkSize: number): Promise<ReserveResult> {
  if (!(await store.reservations.createPending(newReservation(store, request, 'PENDING', chunkSize)))) {
    const existing = await store.reservations.get(request.orderId);
    return existing ? answerReplay(existing, request) : refused([busy()]);
  }
  for (let chunk = 0; chunk < chunkCount(request.lines.length, chunkSize); chunk++) {
    const result = await applyChunk(store, request, chunk, chunkLines(request.lines, chunkSize, chunk));
    if (result === 'applied') continue;
    if (result === 'released') return refused([released(request.orderId)]);
    await giveBackChunks(store, request);
    return (result === 'short' ? await findShortfall(store, request) : null) ?? refused([busy()]);
  }
  if (await store.reservations.markReserved(request.orderId)) return granted();
  const record = await store.reservations.get(request.orderId);
  return record?.status === 'RESERVED' ? granted() : refused([released(request.orderId)]);
}

async function applyChunk(
  store: InventoryStore,
  request: ReserveRequest,
  chunk: number,
  lines: ReserveLine[],
): Promise<'applied' | 'short' | 'released' | 'busy'> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const outcome = await store.reservations.applyChunk(request.orderId, request.region, chunk, lines);
    if (outcome.ok) return 'applied';
    if (outcome.reasons[0] === 'ConditionalCheckFailed') {
      // Either the record left PENDING, or this chunk is already in (a retried request that had landed).
      const record = await store.reservations.get(request.orderId);
      return record?.status === 'PENDING' && record.applied.includes(chunk) ? 'applied' : 'released';
    }
    if (outcome.reasons.includes('ConditionalCheckFailed') || outcome.reasons.length === 0) return 'short';
    await backoff(attempt);
  }
  return 'busy';
}

/** Compensation of a chunked reserve that came up short: every taken chunk goes back, then the record. */
async function giveBackChunks(store: InventoryStore, request: ReserveRequest): Promise<void> {
  const record = await store.reservations.get(request.orderId);
  if (!record || record.status !== 'PENDING') return; // a release got there first and gives the units back
  for (const chunk of record.applied) {
    const outcome = await store.reservations.returnChunk({
      orderId: request.orderId,
      region: request.region,
      chunk,
      lines: chunkLines(record.lines, record.chunkSize, chunk),
      from: ['PENDING'],
      to: 'PENDING',
      requireLast: false,
    });
    if (!outcome.ok) return; // the record moved on (released or swept); whoever moved it returns the rest
  }
  await store.reservations.deleteEmptyPending(request.orderId);
}

const released = (orderId: string) =>
  userError('RESERVATION_RELEASED', `The reservation of order ${orderId} was released; reserve under a new order id`, ['orderId']);

function answerReplay(existing: ReservationRecord, request: ReserveRequest): ReserveResult {
  if (existing.status === 'RELEASED' || existing.status === 'RELEASING') return refused([released(request.orderId)]);
  if (!sameReservation(existing, request)) {
    return refused([
      userError('RESERVATION_MISMATCH', `Order ${request.orderId} already holds a different reservation`, ['orderId']),
    ]);
  }
  if (existing.status === 'PENDING') {
    return refused([userError('RESERVATION_IN_PROGRESS', `The reservation of order ${request.orderId} is still being taken; retry`, ['orderId'])]);
  }
  return granted();
}

/** Reads (consistently) which lines cannot be served now; null when every line could be. */
async function findShortfall(store: InventoryStore, request: ReserveRequest): Promise<ReserveResult | null> {
  const stocks = await store.stock.stockOfSkus(
    request.lines.map((line) => line.sku),
    { consistent: true },
  );
  const bySku = new Map(stocks.map((stock) => [stock.sku, stock]));
  const userErrors: UserError[] = [];
  const shortages: StockShortage[] = [];
  for (const line of request.lines) {
    const index = String(request.inputIndex.get(line.sku) ?? 0);
    const stock = bySku.get(line.sku);
    if (!stock) {
      userErrors.push(userError('UNKNOWN_SKU', `Inventory does not know SKU ${line.sku}`, ['lines', index, 'sku']));
      continue;
    }
    const available = stock.available[request.region] ?? 0;
    if (available < line.quantity) {
      shortages.push({ sku: line.sku, requested: line.quantity, available });
      userErrors.push(
        userError('OUT_OF_STOCK', `Only ${available} of ${line.sku} left in ${request.region}; asked ${line.quantity}`, ['lines', index, 'quantity']),
      );
    }
  }
  return userErrors.length > 0 ? refused(userErrors, shortages) : null;
}
