import { adminPredecessor, canTransition, isCancellable } from '../../src/domain/order-status';

describe('order status', () => {
  it('when a status changes, then it only moves along PENDING → CONFIRMED → SHIPPED → DELIVERED or to CANCELLED / FAILED', () => {
    expect(canTransition('PENDING', 'CONFIRMED')).toBe(true);
    expect(canTransition('PENDING', 'FAILED')).toBe(true);
    expect(canTransition('CONFIRMED', 'SHIPPED')).toBe(true);
    expect(canTransition('SHIPPED', 'DELIVERED')).toBe(true);
    expect(canTransition('CONFIRMED', 'CANCELLED')).toBe(true);
    expect(canTransition('SHIPPED', 'CANCELLED')).toBe(false);
    expect(canTransition('DELIVERED', 'SHIPPED')).toBe(false);
    expect(canTransition('FAILED', 'CONFIRMED')).toBe(false);
    expect(canTransition('PENDING', 'SHIPPED')).toBe(false);
  });

  it('when an admin moves an order, then only SHIPPED (from CONFIRMED) and DELIVERED (from SHIPPED) are allowed', () => {
    expect(adminPredecessor('SHIPPED')).toBe('CONFIRMED');
    expect(adminPredecessor('DELIVERED')).toBe('SHIPPED');
    expect(adminPredecessor('CONFIRMED')).toBeNull();
    expect(adminPredecessor('CANCELLED')).toBeNull();
  });

  it('when an order has shipped, then it can no longer be cancelled', () => {
    expect(isCancellable('CONFIRMED')).toBe(true);
    expect(isCancellable('SHIPPED')).toBe(false);
    expect(isCancellable('PENDING')).toBe(false);
  });
});
