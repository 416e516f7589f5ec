import { identities } from '@shop/platform/testing';
import { validateCheckout } from '../src/domain/checkout-input';
import type { OrderRecord, SagaState } from '../src/domain/order';
import { DEFAULT_PRICING_RULES } from '../src/config';
import { priceCart } from '../src/domain/pricing';
import { GatedPaymentProvider } from './support/gated-payments';
import { checkoutInput, PLACE_ORDER, type PayloadView } from './support/orders-harness';
import { startShop, type ProductFixture, type ShopHarness } from './support/shop-harness';

const LEASE = 60_000;

/**
 * Leaves an order where a crashed checkout would have: recorded up to `state` with the side effects
 * that state implies really done (stock reserved in inventory, payment captured by the provider),
 * and its lease run out.
 */
async function crashedCheckout(shop: ShopHarness, customer: string, product: ProductFixture, quantity: number, state: SagaState): Promise<OrderRecord> {
  const { checkout } = shop.orders.runtime;
  const valid = validateCheckout({ customer, isGuest: false, input: checkoutInput(`crash-${state}-${customer}`) }, new Date());
  if (!valid.ok) throw new Error('invalid checkout');
  const { order } = await checkout.orders.startOrFind(valid.value, LEASE);
  const pricing = priceCart(
    'EUR',
    [{ sku: product.sku, productId: product.id, name: product.name, variantTitle: 'Size M', unitPriceMinor: product.priceMinor, quantity }],
    'eu',
    DEFAULT_PRICING_RULES,
  );
  const path: SagaState[] = ['started', 'priced', 'reserving', 'charging', 'charged'];
  for (let step = 1; step <= path.indexOf(state); step += 1) {
    const [from, to] = [path[step - 1]!, path[step]!];
    let patch = {};
    if (to === 'priced') patch = { pricing, cartFingerprint: 'crash' };
    if (to === 'reserving') {
      const reserved = await checkout.inventory.reserve(order.id, [{ sku: product.sku, quantity }], 'eu');
      if (!reserved.reserved) throw new Error('reserve failed');
    }
    if (to === 'charging') {
      const charge = await checkout.payments.charge({
        paymentKey: order.id,
        amountMinor: pricing.totals.totalMinor,
        currencyCode: 'EUR',
        card: valid.value.card,
      });
      if (charge.status !== 'captured') throw new Error('charge failed');
    }
    if (to === 'charged') patch = { payment: { provider: 'test', brand: 'visa', last4: '4242', reference: 'crash', status: 'CAPTURED' } };
    if (!(await checkout.orders.advance(order.id, from, to, patch, LEASE))) throw new Error(`could not reach ${to}`);
  }
  await shop.orders.pg.pool.query("UPDATE orders SET lease_until = now() - interval '1 second' WHERE id = $1", [order.id]);
  return order;
}

describe('reconciling checkouts left behind by a crash', () => {
  let shop: ShopHarness;
  const payments = new GatedPaymentProvider();

  beforeAll(async () => {
    shop = await startShop('orders_rc', { productCount: 6, payments });
  });

  afterAll(async () => {
    await shop?.close();
  });

  const orderRow = async (id: string) =>
    (await shop.orders.pg.pool.query('SELECT status, saga_state, failure_code, payment_status FROM orders WHERE id = $1', [id])).rows[0];

  it('when the service died between reservation and payment, then the reservation is released and the order FAILED', async () => {
    // given 5 units, 2 of them held by an order whose checkout died, and the shopper's cart untouched
    const [p0] = shop.products;
    const shopper = identities.shopper('crash-reserving');
    await shop.setStock(p0!, 5);
    await shop.addToCart(shopper, p0!.sku, 2);
    const order = await crashedCheckout(shop, 'user:crash-reserving', p0!, 2, 'reserving');
    expect(await shop.available(p0!.sku)).toBe(3);
    // when the restarted service reconciles
    const report = await shop.orders.runtime.reconcile();
    // then
    expect(report.failed).toContain(order.id);
    expect(await orderRow(order.id)).toMatchObject({ status: 'FAILED', saga_state: 'failed', failure_code: 'INTERRUPTED' });
    expect(await shop.available(p0!.sku)).toBe(5);
    expect(await shop.reservationStatus(order.id)).toBe('RELEASED');
    expect(await shop.cartLines(shopper)).toEqual([{ sku: p0!.sku, quantity: 2 }]);
  });

  it('when the service died while the payment call was out, then any capture is refunded and the stock released', async () => {
    const [, p1] = shop.products;
    await shop.setStock(p1!, 4);
    const order = await crashedCheckout(shop, 'user:crash-charging', p1!, 1, 'charging');
    expect(shop.payments.captureOf(order.id)!.refunded).toBe(false);
    // when
    await shop.orders.runtime.reconcile();
    // then
    expect(await orderRow(order.id)).toMatchObject({ status: 'FAILED', saga_state: 'failed' });
    expect(shop.payments.captureOf(order.id)!.refunded).toBe(true);
    expect(await shop.available(p1!.sku)).toBe(4);
  });

  it('when the service died after the payment was recorded, then the order is confirmed, the stock committed and the cart emptied', async () => {
    // given a paid checkout that never got confirmed
    const [, , p2] = shop.products;
    const shopper = identities.shopper('crash-charged');
    await shop.setStock(p2!, 5);
    await shop.addToCart(shopper, p2!.sku, 2);
    const order = await crashedCheckout(shop, 'user:crash-charged', p2!, 2, 'charged');
    // when
    const report = await shop.orders.runtime.reconcile();
    // then no paid order is lost
    expect(report.completed).toContain(order.id);
    expect(await orderRow(order.id)).toMatchObject({ status: 'CONFIRMED', saga_state: 'done', payment_status: 'CAPTURED' });
    expect(await shop.reservationStatus(order.id)).toBe('COMMITTED');
    expect(await shop.available(p2!.sku)).toBe(3);
    expect(await shop.cartLines(shopper)).toEqual([]);
    const { rows } = await shop.orders.pg.pool.query('SELECT count(*) FROM outbox WHERE order_id = $1', [order.id]);
    expect(Number(rows[0].count)).toBe(1);
    const lines = await shop.orders.pg.pool.query('SELECT sku, quantity, unit_price_minor FROM order_lines WHERE order_id = $1', [order.id]);
    expect(lines.rows).toEqual([{ sku: p2!.sku, quantity: 2, unit_price_minor: String(p2!.priceMinor) }]);
  });

  it('when a checkout is still within its lease, then the reconciler leaves it alone', async () => {
    const [, , , p3] = shop.products;
    await shop.setStock(p3!, 5);
    const order = await crashedCheckout(shop, 'user:still-running', p3!, 1, 'reserving');
    await shop.orders.pg.pool.query("UPDATE orders SET lease_until = now() + interval '1 minute' WHERE id = $1", [order.id]);
    const report = await shop.orders.runtime.reconcile();
    expect([...report.completed, ...report.failed, ...report.retryLater]).not.toContain(order.id);
    expect(await orderRow(order.id)).toMatchObject({ status: 'PENDING', saga_state: 'reserving' });
    expect(await shop.available(p3!.sku)).toBe(4);
  });

  it('when two instances reconcile at once, then each abandoned order is settled by exactly one of them', async () => {
    // given three abandoned checkouts
    const [, , , , p4] = shop.products;
    await shop.setStock(p4!, 10);
    const abandoned = await Promise.all(
      ['a', 'b', 'c'].map((name) => crashedCheckout(shop, `user:twin-${name}`, p4!, 1, 'reserving')),
    );
    expect(await shop.available(p4!.sku)).toBe(7);
    // when two reconcilers run together
    const reports = await Promise.all([shop.orders.runtime.reconcile(), shop.orders.runtime.reconcile()]);
    // then every order was failed once and all stock is back
    const settled = reports.flatMap((report) => report.failed);
    expect(settled.filter((id) => abandoned.some((order) => order.id === id)).sort()).toEqual(abandoned.map((order) => order.id).sort());
    expect(await shop.available(p4!.sku)).toBe(10);
  });

  it('when the reconciler gives up on a checkout whose payment is still out, then the late capture is refunded and the order stays FAILED', async () => {
    // given a live checkout held at the payment provider
    const [, , , , , p5] = shop.products;
    const shopper = identities.shopper('slow-payment');
    await shop.setStock(p5!, 3);
    await shop.addToCart(shopper, p5!.sku, 1);
    const gate = payments.closeGate();
    const placing = shop.orders.call<{ placeOrder: PayloadView }>(shopper, PLACE_ORDER, { input: checkoutInput('slow-pay-0001') });
    await gate.entered;
    // when its lease runs out, the reconciler settles it, and only then the provider captures
    await shop.orders.pg.pool.query("UPDATE orders SET lease_until = now() - interval '1 second' WHERE customer = 'user:slow-payment'");
    const report = await shop.orders.runtime.reconcile();
    gate.open();
    const result = await placing;
    // then the shopper is not charged, the stock is back, and the answer says what happened
    const order = result.data!.placeOrder.order!;
    expect(report.failed).toContain(order.id);
    expect(order.status).toBe('FAILED');
    expect(result.data!.placeOrder.userErrors.map((error) => error.code)).toEqual(['INTERRUPTED']);
    expect(payments.captureOf(order.id)!.refunded).toBe(true);
    expect(await shop.available(p5!.sku)).toBe(3);
  });
});
