import { identities } from '@shop/platform/testing';
import { seedConfirmedOrder } from './support/order-factory';
import { CANCEL_ORDER, startOrders, type OrdersHarness, type PayloadView } from './support/orders-harness';

const ADVANCE = `mutation($id: ID!, $status: OrderStatus!) {
  advanceOrderStatus(id: $id, status: $status) { order { id status } userErrors { code field message } } }`;

describe('order status changes', () => {
  let orders: OrdersHarness;
  const admin = identities.admin();
  const owner = identities.shopper('status-owner');

  beforeAll(async () => {
    orders = await startOrders('orders_status');
  });

  afterAll(async () => {
    await orders?.close();
  });

  const advance = (id: string, status: string, identity = admin) =>
    orders.call<{ advanceOrderStatus: PayloadView }>(identity, ADVANCE, { id, status });

  it('when an admin ships and delivers a confirmed order, then it moves one step at a time and cannot be cancelled after shipping', async () => {
    // given a confirmed order
    const order = await seedConfirmedOrder(orders.runtime.checkout.orders, 'user:status-owner', 1);
    // when the admin skips a step, then moves it forward twice
    const skipped = await advance(order.id, 'DELIVERED');
    const shipped = await advance(order.id, 'SHIPPED');
    const cancelAfterShipping = await orders.call<{ cancelOrder: PayloadView }>(owner, CANCEL_ORDER, { id: order.id });
    const delivered = await advance(order.id, 'DELIVERED');
    const backwards = await advance(order.id, 'SHIPPED');
    // then
    expect(skipped.data!.advanceOrderStatus.userErrors[0]!.code).toBe('INVALID_STATUS_TRANSITION');
    expect(skipped.data!.advanceOrderStatus.order!.status).toBe('CONFIRMED');
    expect(shipped.data!.advanceOrderStatus).toEqual({ order: { id: order.id, status: 'SHIPPED' }, userErrors: [] });
    expect(cancelAfterShipping.data!.cancelOrder.userErrors[0]!.code).toBe('ORDER_NOT_CANCELLABLE');
    expect(delivered.data!.advanceOrderStatus.order!.status).toBe('DELIVERED');
    expect(backwards.data!.advanceOrderStatus.userErrors[0]!.code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('when a shopper tries to advance an order or an admin asks for a status checkout owns, then it is refused', async () => {
    const order = await seedConfirmedOrder(orders.runtime.checkout.orders, 'user:status-owner', 2);
    const byShopper = await advance(order.id, 'SHIPPED', owner);
    const toCancelled = await advance(order.id, 'CANCELLED');
    const unknown = await advance('00000000-0000-4000-8000-000000000000', 'SHIPPED');
    expect(byShopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(toCancelled.data!.advanceOrderStatus.userErrors[0]!.code).toBe('INVALID_STATUS_TRANSITION');
    expect(unknown.data!.advanceOrderStatus.userErrors[0]!.code).toBe('NOT_FOUND');
    const { rows } = await orders.pg.pool.query('SELECT status FROM orders WHERE id = $1', [order.id]);
    expect(rows[0].status).toBe('CONFIRMED');
  });

  it("when someone cancels another shopper's order, then it is NOT_FOUND and the order stays confirmed", async () => {
    const order = await seedConfirmedOrder(orders.runtime.checkout.orders, 'user:status-owner', 3);
    const result = await orders.call<{ cancelOrder: PayloadView }>(identities.shopper('intruder'), CANCEL_ORDER, { id: order.id });
    expect(result.data!.cancelOrder).toEqual({ order: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'], message: 'No such order' }] });
    const { rows } = await orders.pg.pool.query('SELECT status FROM orders WHERE id = $1', [order.id]);
    expect(rows[0].status).toBe('CONFIRMED');
  });
});
