import { completeOrder, confirmOrder, type CheckoutDeps } from './checkout-steps';
import { CheckoutFailure } from './checkout-failure';
import { failAndCompensate, finishCompensation } from './compensation';
import { finishCancellation } from './cancel-order';
import type { OrderRecord } from './order';

export interface ReconcileReport {
  /** Paid orders that were confirmed or completed. */
  completed: string[];
  /** Orders that ended FAILED with their stock released and any payment refunded. */
  failed: string[];
  /** Cancellations whose release and refund were finished. */
  cancelled: string[];
  /** Orders that could not be settled this time (a dependency is down); retried next run. */
  retryLater: string[];
}

function interrupted(order: OrderRecord): CheckoutFailure {
  const charged = order.sagaState === 'charging';
  return new CheckoutFailure(
    'INTERRUPTED',
    charged
      ? 'Checkout was interrupted before the order was confirmed; any payment taken was refunded'
      : 'Checkout was interrupted before payment; nothing was charged',
  );
}

/**
 * Settles one abandoned order from its recorded saga state alone: before payment was recorded it
 * is failed and compensated; once payment is recorded it is finished, because the shopper paid.
 */
async function settle(deps: CheckoutDeps, order: OrderRecord): Promise<keyof ReconcileReport> {
  switch (order.sagaState) {
    case 'started':
    case 'priced':
    case 'reserving':
    case 'charging': {
      const settled = await failAndCompensate(deps, order.id, order.sagaState, interrupted(order), order.cartFingerprint);
      return settled.sagaState === 'failed' ? 'failed' : 'retryLater';
    }
    case 'charged':
      if (!order.pricing) throw new Error(`order ${order.id} was charged without a priced cart`);
      await confirmOrder(deps, order.id, order.pricing);
      await completeOrder(deps, order);
      return 'completed';
    case 'confirmed':
      await completeOrder(deps, order);
      return 'completed';
    case 'compensating':
      return (await finishCompensation(deps, order.id, 'compensating')) ? 'failed' : 'retryLater';
    case 'cancelling':
    case 'restocking':
      await finishCancellation(deps, order);
      return 'cancelled';
    default:
      return 'retryLater';
  }
}

/**
 * Finds orders whose saga stopped (a crash, or a step stuck past its lease) and settles them, so
 * that no stock stays held and no paid order is lost. Runs at boot and then periodically; two
 * instances never settle the same order at once (each claims a lease first).
 */
export async function reconcileStaleOrders(deps: CheckoutDeps, options: { limit?: number } = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = { completed: [], failed: [], cancelled: [], retryLater: [] };
  const stale = await deps.orders.claimStale(options.limit ?? 100, deps.leaseMs);
  for (const order of stale) {
    try {
      report[await settle(deps, order)].push(order.id);
    } catch (error) {
      deps.logger.warn({ err: error, orderId: order.id, sagaState: order.sagaState }, 'could not settle order; will retry');
      report.retryLater.push(order.id);
    }
  }
  if (stale.length > 0) deps.logger.info({ report }, 'reconciled abandoned orders');
  return report;
}
