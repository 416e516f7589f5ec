import type { UserError } from '@shop/platform';
import { validateCheckout, type CheckoutRequest } from './checkout-input';
import { LostOwnership } from './checkout-failure';
import {
  completeOrder,
  confirmOrder,
  priceLines,
  readCart,
  recordPendingOrder,
  reserveStock,
  startRun,
  takePayment,
  type CheckoutDeps,
  type SagaRun,
} from './checkout-steps';
import { asCheckoutFailure, failAndCompensate } from './compensation';
import type { OrderRecord } from './order';
import { recordedOutcome, replayFirstOutcome } from './replay-outcome';

export interface PlaceOrderOutcome {
  order: OrderRecord | null;
  userErrors: UserError[];
}

/**
 * Checkout as a story: validate → record PENDING (once per idempotency key) → read the cart →
 * price it → reserve stock → take payment → confirm in one transaction → commit stock, clear
 * the cart, hand the purchase event to the outbox. Any failure after the order was recorded
 * ends it FAILED and undoes what was done (release, refund); the cart stays as it was.
 */
export async function placeOrder(deps: CheckoutDeps, request: CheckoutRequest): Promise<PlaceOrderOutcome> {
  const checkout = validateCheckout(request, deps.now());
  if (!checkout.ok) return { order: null, userErrors: checkout.errors };

  const { created, order } = await recordPendingOrder(deps, checkout.value);
  if (!created) return replayFirstOutcome(deps, order, checkout.value);

  const run = startRun(order);
  try {
    const cart = await readCart(deps, run);
    const priced = await priceLines(deps, run, cart);
    await reserveStock(deps, run, priced);
    await takePayment(deps, run, priced, checkout.value.card);
    await confirmOrder(deps, order.id, priced);
  } catch (error) {
    return failCheckout(deps, run, error);
  }

  try {
    await completeOrder(deps, order);
  } catch (error) {
    deps.logger.warn({ err: error, orderId: order.id }, 'order confirmed; finishing steps left to the reconciler');
  }
  return { order: await deps.orders.findById(order.id), userErrors: [] };
}

async function failCheckout(deps: CheckoutDeps, run: SagaRun, error: unknown): Promise<PlaceOrderOutcome> {
  if (error instanceof LostOwnership) {
    const current = await deps.orders.findById(run.order.id);
    return current ? recordedOutcome(current) : { order: null, userErrors: [] };
  }
  const failure = asCheckoutFailure(error, deps, run.order.id);
  const failed = await failAndCompensate(deps, run.order.id, run.state, failure, run.cartFingerprint);
  return { order: failed, userErrors: failed.userErrors };
}
