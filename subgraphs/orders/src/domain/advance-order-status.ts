import { forbidden, userError } from '@shop/platform';
import type { CheckoutDeps } from './checkout-steps';
import type { OrderStatus } from './order';
import { adminPredecessor } from './order-status';
import type { PlaceOrderOutcome } from './place-order';
import type { Viewer } from './viewer';

/** Admin only: CONFIRMED → SHIPPED → DELIVERED, one step at a time. */
export async function advanceOrderStatus(deps: CheckoutDeps, viewer: Viewer, id: string, to: OrderStatus): Promise<PlaceOrderOutcome> {
  if (!viewer.isAdmin) throw forbidden('Only an admin may change an order status');
  const from = adminPredecessor(to);
  if (!from) {
    return { order: null, userErrors: [userError('INVALID_STATUS_TRANSITION', `An admin can only move an order to SHIPPED or DELIVERED`, ['status'])] };
  }
  const order = await deps.orders.findById(id);
  if (!order) return { order: null, userErrors: [userError('NOT_FOUND', 'No such order', ['id'])] };
  if (order.status === to) return { order, userErrors: [] };
  if (order.status !== from || !(await deps.orders.changeStatus(id, from, to))) {
    const current = (await deps.orders.findById(id)) ?? order;
    if (current.status === to) return { order: current, userErrors: [] };
    return {
      order: current,
      userErrors: [userError('INVALID_STATUS_TRANSITION', `An order that is ${current.status} cannot move to ${to}`, ['status'])],
    };
  }
  return { order: await deps.orders.findById(id), userErrors: [] };
}
