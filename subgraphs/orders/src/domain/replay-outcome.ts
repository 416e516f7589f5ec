import { userError } from '@shop/platform';
import { cartFingerprint, type ValidCheckout } from './checkout-input';
import type { CheckoutDeps } from './checkout-steps';
import type { OrderRecord } from './order';
import type { PlaceOrderOutcome } from './place-order';

const keyReused = (): PlaceOrderOutcome => ({
  order: null,
  userErrors: [
    userError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for a different checkout (cart, address, region or card); use a new key',
      ['input', 'idempotencyKey'],
    ),
  ],
});

/** The outcome of an order as recorded; a PENDING one is still being worked on. */
export function recordedOutcome(order: OrderRecord): PlaceOrderOutcome {
  if (order.status === 'PENDING') {
    return {
      order,
      userErrors: [userError('IN_PROGRESS', 'This checkout is still in progress; retry shortly with the same key', ['input', 'idempotencyKey'])],
    };
  }
  return { order, userErrors: order.userErrors };
}

/**
 * A retry with a known key: the first outcome, identical, unless the request differs. The cart
 * counts as the same when it still holds what was checked out, or when our confirmed checkout
 * emptied it.
 */
export async function replayFirstOutcome(deps: CheckoutDeps, existing: OrderRecord, checkout: ValidCheckout): Promise<PlaceOrderOutcome> {
  if (existing.requestFingerprint !== checkout.requestFingerprint) return keyReused();
  if (existing.status === 'PENDING') return recordedOutcome(existing);
  const lines = existing.cartFingerprint === null ? null : await currentCart(deps, existing);
  if (lines) {
    const emptiedByCheckout = existing.status !== 'FAILED' && lines.length === 0;
    if (!emptiedByCheckout && cartFingerprint(lines) !== existing.cartFingerprint) return keyReused();
  }
  return recordedOutcome(existing);
}

/** The cart now, or null when the cart cannot be read: a retry still gets its recorded outcome then. */
async function currentCart(deps: CheckoutDeps, order: OrderRecord) {
  try {
    return await deps.cart.linesOf(order.customer);
  } catch (error) {
    deps.logger.warn({ err: error, orderId: order.id }, 'cart unreadable; replaying the recorded outcome unchecked');
    return null;
  }
}
