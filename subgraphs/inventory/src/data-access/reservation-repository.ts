import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Region, RoundTripCounter } from '@shop/platform';
import { conditionHeld, transactionOutcome, type TransactionOutcome } from './errors';
import { ACTIVE_INDEX, ACTIVE_SHARDS, orderIdOfKey, reservationKey, type ItemKey, type WriteListener } from './keys';
import {
  decrement,
  increment,
  newItem,
  purgeAt,
  toRecord,
  type NewReservation,
  type ReleaseReason,
  type ReservationLine,
  type ReservationRecord,
  type ReservationStatus,
  type ReturnChunk,
} from './reservation-items';

export type { NewReservation, ReleaseReason, ReservationLine, ReservationRecord, ReservationStatus, ReturnChunk };

export interface ReservationRepository {
  get(orderId: string): Promise<ReservationRecord | null>;
  /** One transaction: the RESERVED record (reason 0) and one conditional decrement per line. */
  createReserved(reservation: NewReservation): Promise<TransactionOutcome>;
  createPending(reservation: NewReservation): Promise<boolean>;
  /** Takes one chunk of a PENDING reservation from stock (reason 0 is the record). */
  applyChunk(orderId: string, region: Region, chunk: number, lines: ReservationLine[]): Promise<TransactionOutcome>;
  markReserved(orderId: string): Promise<boolean>;
  /** Gives one applied chunk back to stock (reason 0 is the record). */
  returnChunk(request: ReturnChunk): Promise<TransactionOutcome>;
  /** Marks a reservation with no applied chunk RELEASED. */
  finishRelease(orderId: string, reason: ReleaseReason): Promise<boolean>;
  /** Removes a PENDING reservation with no applied chunk (a failed chunked reserve). */
  deleteEmptyPending(orderId: string): Promise<boolean>;
  /** Leaves a RELEASED marker for an order never reserved, so a late reserve cannot hold stock. */
  putReleasedMarker(orderId: string): Promise<boolean>;
  commit(orderId: string): Promise<boolean>;
  /** Orders whose active reservation expired at or before `now`, at most `limit`. */
  expiredOrderIds(now: number, limit: number): Promise<string[]>;
}

type TransactItems = NonNullable<TransactWriteCommand['input']['TransactItems']>;

/** The stock items a transaction updates (the reservation record aside). */
function stockKeysOf(items: TransactItems): ItemKey[] {
  return items.flatMap((item) => {
    const key = item.Update?.Key;
    return typeof key?.pk === 'string' && key.pk.startsWith('SKU#') && typeof key.sk === 'string' ? [{ pk: key.pk, sk: key.sk }] : [];
  });
}

export function createReservationRepository(
  doc: DynamoDBDocumentClient,
  table: string,
  roundTrips?: RoundTripCounter,
  onWrite: WriteListener = () => {},
): ReservationRepository {
  const record = (operation: string) => roundTrips?.record(`inventory.${operation}`);

  const transact = (operation: string, items: TransactItems) => {
    record(operation);
    // Told even when cancelled or failed: a timed-out transaction may still have been applied.
    return transactionOutcome(() => doc.send(new TransactWriteCommand({ TransactItems: items }))).finally(() => onWrite(stockKeysOf(items)));
  };

  return {
    async get(orderId) {
      record('getReservation');
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: reservationKey(orderId), ConsistentRead: true }));
      return Item ? toRecord(Item) : null;
    },

    createReserved(reservation) {
      const item = newItem(reservation, new Set([0]));
      return transact('transactWrite.reserve', [
        { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
        ...reservation.lines.map((line) => decrement(table, reservation.region, line, item.createdAt)),
      ]);
    },

    createPending(reservation) {
      record('putReservation');
      return conditionHeld(() =>
        doc.send(
          new PutCommand({ TableName: table, Item: newItem(reservation, undefined), ConditionExpression: 'attribute_not_exists(pk)' }),
        ),
      );
    },

    applyChunk(orderId, region, chunk, lines) {
      const now = new Date().toISOString();
      return transact('transactWrite.reserveChunk', [
        {
          Update: {
            TableName: table,
            Key: reservationKey(orderId),
            UpdateExpression: 'ADD applied :chunks SET updatedAt = :now',
            ConditionExpression: '#status = :pending AND NOT contains(applied, :chunk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':chunks': new Set([chunk]), ':chunk': chunk, ':pending': 'PENDING', ':now': now },
          },
        },
        ...lines.map((line) => decrement(table, region, line, now)),
      ]);
    },

    markReserved(orderId) {
      record('updateReservation');
      return conditionHeld(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: reservationKey(orderId),
            UpdateExpression: 'SET #status = :reserved, updatedAt = :now',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':reserved': 'RESERVED', ':pending': 'PENDING', ':now': new Date().toISOString() },
          }),
        ),
      );
    },

    returnChunk(request) {
      const now = new Date().toISOString();
      const final = request.to === 'RELEASED';
      const from = Object.fromEntries(request.from.map((status, i) => [`:from${i}`, status]));
      const conditions = [`contains(applied, :chunk)`, `#status IN (${Object.keys(from).join(', ')})`];
      if (request.requireLast) conditions.push('size(applied) = :one');
      return transact('transactWrite.release', [
        {
          Update: {
            TableName: table,
            Key: reservationKey(request.orderId),
            UpdateExpression: final
              ? 'DELETE applied :chunks SET #status = :to, updatedAt = :now, releaseReason = :reason, purgeAt = :purge REMOVE gsi1pk, gsi1sk'
              : 'DELETE applied :chunks SET #status = :to, updatedAt = :now',
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':chunks': new Set([request.chunk]),
              ':chunk': request.chunk,
              ':to': request.to,
              ':now': now,
              ...from,
              ...(request.requireLast ? { ':one': 1 } : {}),
              ...(final ? { ':reason': request.reason ?? 'RELEASED', ':purge': purgeAt() } : {}),
            },
          },
        },
        ...request.lines.map((line) => increment(table, request.region, line, now)),
      ]);
    },

    finishRelease(orderId, reason) {
      record('updateReservation');
      return conditionHeld(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: reservationKey(orderId),
            UpdateExpression: 'SET #status = :released, releaseReason = :reason, updatedAt = :now, purgeAt = :purge REMOVE gsi1pk, gsi1sk',
            ConditionExpression: 'attribute_not_exists(applied) AND #status IN (:pending, :reserved, :releasing)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':released': 'RELEASED',
              ':pending': 'PENDING',
              ':reserved': 'RESERVED',
              ':releasing': 'RELEASING',
              ':reason': reason,
              ':now': new Date().toISOString(),
              ':purge': purgeAt(),
            },
          }),
        ),
      );
    },

    deleteEmptyPending(orderId) {
      record('deleteReservation');
      return conditionHeld(() =>
        doc.send(
          new DeleteCommand({
            TableName: table,
            Key: reservationKey(orderId),
            ConditionExpression: 'attribute_not_exists(applied) AND #status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'PENDING' },
          }),
        ),
      );
    },

    putReleasedMarker(orderId) {
      const now = new Date().toISOString();
      record('putReservation');
      return conditionHeld(() =>
        doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...reservationKey(orderId),
              orderId,
              lines: [],
              status: 'RELEASED',
              releaseReason: 'RELEASED',
              chunkSize: 0,
              expiresAt: Date.now(),
              createdAt: now,
              updatedAt: now,
              purgeAt: purgeAt(),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },

    commit(orderId) {
      record('updateReservation');
      return conditionHeld(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: reservationKey(orderId),
            UpdateExpression: 'SET #status = :committed, updatedAt = :now, purgeAt = :purge REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :reserved',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':committed': 'COMMITTED',
              ':reserved': 'RESERVED',
              ':now': new Date().toISOString(),
              ':purge': purgeAt(),
            },
          }),
        ),
      );
    },

    async expiredOrderIds(now, limit) {
      const orderIds: string[] = [];
      for (let shard = 0; shard < ACTIVE_SHARDS && orderIds.length < limit; shard++) {
        let start: Record<string, unknown> | undefined;
        do {
          record('queryExpired');
          const page = await doc.send(
            new QueryCommand({
              TableName: table,
              IndexName: ACTIVE_INDEX,
              KeyConditionExpression: 'gsi1pk = :shard AND gsi1sk <= :now',
              ExpressionAttributeValues: { ':shard': `ACTIVE#${shard}`, ':now': now },
              Limit: limit - orderIds.length,
              ExclusiveStartKey: start,
            }),
          );
          orderIds.push(...(page.Items ?? []).map((item) => orderIdOfKey(String(item.pk))));
          start = page.LastEvaluatedKey;
        } while (start && orderIds.length < limit);
      }
      return orderIds;
    },
  };
}
