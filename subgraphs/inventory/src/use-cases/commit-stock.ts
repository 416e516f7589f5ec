import { userError } from '@shop/platform';
import { parseOrderId } from '../domain/reserve-request';
import { failed, succeeded, type InventoryStore, type OperationResult } from './store';

/** Makes the order's reservation final (its units are sold and no sweeper will return them); idempotent. */
export async function commitStock(store: InventoryStore, orderId: string): Promise<OperationResult> {
  const invalid = parseOrderId(orderId);
  if (invalid.length > 0) return failed(...invalid);
  if (await store.reservations.commit(orderId)) return succeeded();
  const record = await store.reservations.get(orderId);
  if (!record) return failed(userError('RESERVATION_NOT_FOUND', `No reservation is held for order ${orderId}`, ['orderId']));
  switch (record.status) {
    case 'COMMITTED':
      return succeeded();
    case 'PENDING':
      return failed(userError('RESERVATION_IN_PROGRESS', `The reservation of order ${orderId} is still being taken; retry`, ['orderId']));
    case 'RESERVED':
      return commitStock(store, orderId); // was PENDING a moment ago
    default:
      return failed(
        userError('RESERVATION_RELEASED', `The reservation of order ${orderId} was ${record.releaseReason === 'EXPIRED' ? 'expired' : 'released'}`, ['orderId']),
      );
  }
}
