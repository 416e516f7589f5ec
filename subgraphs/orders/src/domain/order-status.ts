import type { OrderStatus } from './order';

/** The only moves a status may make: PENDING → CONFIRMED → SHIPPED → DELIVERED, or to CANCELLED / FAILED. */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['CONFIRMED', 'FAILED'],
  CONFIRMED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
  FAILED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses an admin may move an order to by hand; the rest belong to checkout and cancellation. */
export const ADMIN_TARGETS: readonly OrderStatus[] = ['SHIPPED', 'DELIVERED'];

/** The status an order must have to move to `to` through the admin mutation, or null. */
export function adminPredecessor(to: OrderStatus): OrderStatus | null {
  if (!ADMIN_TARGETS.includes(to)) return null;
  return (Object.keys(TRANSITIONS) as OrderStatus[]).find((from) => TRANSITIONS[from].includes(to)) ?? null;
}

export function isCancellable(status: OrderStatus): boolean {
  return canTransition(status, 'CANCELLED');
}

/** Orders listed in a shopper's history: PENDING and FAILED are checkout attempts, readable by id only. */
export const LISTED_STATUSES: readonly OrderStatus[] = ['CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
