import type { CheckoutDeps } from './checkout-steps';
import { CheckoutFailure, LostOwnership, unexpectedFailure } from './checkout-failure';
import type { OrderRecord, SagaState } from './order';

const HELD_STOCK: readonly SagaState[] = ['reserving', 'charging', 'charged', 'compensating'];
const MAY_HAVE_CHARGED: readonly SagaState[] = ['charging', 'charged', 'compensating'];

/**
 * Undoes what the saga may have done outside, judged from the furthest state it recorded.
 * Both calls are idempotent per order id, so running this twice is harmless.
 */
export async function compensate(deps: CheckoutDeps, orderId: string, reached: SagaState): Promise<void> {
  if (HELD_STOCK.includes(reached)) await deps.inventory.release(orderId);
  if (MAY_HAVE_CHARGED.includes(reached)) await deps.payments.refund(orderId);
}

export function asCheckoutFailure(error: unknown, deps: CheckoutDeps, orderId: string): CheckoutFailure {
  if (error instanceof CheckoutFailure) return error;
  deps.logger.error({ err: error, orderId }, 'checkout step failed unexpectedly');
  return unexpectedFailure();
}

/**
 * Marks the order FAILED (so its outcome is decided and a retry replays it), then releases and
 * refunds. When compensation itself fails the order stays 'compensating' and the reconciler
 * finishes it once the lease runs out. Returns the order as it is afterwards.
 */
export async function failAndCompensate(
  deps: CheckoutDeps,
  orderId: string,
  reached: SagaState,
  failure: CheckoutFailure,
  cartFingerprint: string | null,
): Promise<OrderRecord> {
  const decided = await deps.orders.fail(
    orderId,
    reached,
    { code: failure.code, reason: failure.message, userErrors: failure.userErrors, cartFingerprint },
    deps.leaseMs,
  );
  if (decided) await finishCompensation(deps, orderId, reached);
  const order = await deps.orders.findById(orderId);
  if (!order) throw new LostOwnership(orderId);
  return order;
}

export async function finishCompensation(deps: CheckoutDeps, orderId: string, reached: SagaState): Promise<boolean> {
  try {
    await compensate(deps, orderId, reached);
    return await deps.orders.advance(orderId, 'compensating', 'failed', { paymentRefunded: true }, deps.leaseMs);
  } catch (error) {
    deps.logger.warn({ err: error, orderId }, 'compensation failed; the reconciler will retry it');
    return false;
  }
}
