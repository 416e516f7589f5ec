import { userError } from '@shop/platform';
import type { CheckoutDeps } from './checkout-steps';
import type { OrderRecord } from './order';
import { isCancellable } from './order-status';
import type { PlaceOrderOutcome } from './place-order';
import { canRead, type Viewer } from './viewer';

const notFound = (): PlaceOrderOutcome => ({ order: null, userErrors: [userError('NOT_FOUND', 'No such order', ['id'])] });

/**
 * Cancels an order before it ships: status CANCELLED first (so it can no longer ship), then the
 * stock goes back and the payment is refunded. If that cannot finish now, the reconciler does.
 */
export async function cancelOrder(deps: CheckoutDeps, viewer: Viewer, id: string): Promise<PlaceOrderOutcome> {
  const order = await deps.orders.findById(id);
  if (!order || !canRead(viewer, order)) return notFound();
  if (order.status === 'CANCELLED') return { order, userErrors: [] };
  if (!isCancellable(order.status)) {
    return { order, userErrors: [userError('ORDER_NOT_CANCELLABLE', `An order that is ${order.status} cannot be cancelled`, ['id'])] };
  }
  if (order.sagaState !== 'done' || !(await deps.orders.beginCancel(id, deps.leaseMs))) {
    const current = await deps.orders.findById(id);
    if (current?.status === 'CANCELLED') return { order: current, userErrors: [] };
    return { order: current, userErrors: [userError('IN_PROGRESS', 'The order is still being processed; try again shortly', ['id'])] };
  }
  try {
    await finishCancellation(deps, { ...order, sagaState: 'cancelling' });
  } catch (error) {
    deps.logger.warn({ err: error, orderId: id }, 'cancellation recorded; release and refund left to the reconciler');
  }
  return { order: await deps.orders.findById(id), userErrors: [] };
}

/**
 * Puts the stock back and refunds. A committed reservation cannot be released, so its units are
 * restocked instead, at most once: the 'restocking' state is recorded first, and a crash after it
 * leaves the units out (never invented twice) with an error in the log for someone to check.
 */
export async function finishCancellation(deps: CheckoutDeps, order: OrderRecord): Promise<void> {
  if (order.sagaState === 'cancelling' && (await deps.inventory.release(order.id)) === 'committed') {
    if (!(await deps.orders.advance(order.id, 'cancelling', 'restocking', {}, deps.leaseMs))) return;
    order = { ...order, sagaState: 'restocking' };
    await deps.inventory.restock(
      (order.pricing?.lines ?? []).map(({ sku, quantity }) => ({ sku, quantity })),
      order.region,
    );
  } else if (order.sagaState === 'restocking') {
    deps.logger.error({ orderId: order.id }, 'restock of a cancelled order may not have happened; check its stock by hand');
  }
  await deps.payments.refund(order.id);
  await deps.orders.advance(order.id, order.sagaState, 'cancelled', { paymentRefunded: true }, deps.leaseMs);
}
