import { startGatewayShop, type GatewayShop } from './support/gateway-shop';
import { checkoutInput, PLACE_ORDER, type PayloadView } from './support/orders-harness';

describe('checkout under contention, through the gateway', () => {
  let shop: GatewayShop;

  beforeAll(async () => {
    shop = await startGatewayShop('orders_ct', { productCount: 1 });
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('when 50 guests check out the last 5 units at once, then exactly 5 orders are confirmed and paid, the others are told OUT_OF_STOCK, and stock ends at 0', async () => {
    // given 50 guest browsers each holding one unit in their cart, and then only 5 units left
    const [product] = shop.products;
    const browsers = Array.from({ length: 50 }, () => shop.gateway.browser());
    await shop.setStock(product!, 50);
    await Promise.all(browsers.map((browser) => browser.addToCart(product!.sku, 1)));
    await shop.setStock(product!, 5);
    // when all check out together
    const results = await Promise.all(
      browsers.map((browser, index) =>
        browser.send<{ placeOrder: PayloadView }>(PLACE_ORDER, { input: checkoutInput('crowd-key-0001', { email: `crowd-${index}@example.com` }) }),
      ),
    );
    // then
    const payloads = results.map((result) => {
      expect(result.errors).toBeUndefined();
      return result.data!.placeOrder;
    });
    const confirmed = payloads.filter((payload) => payload.order?.status === 'CONFIRMED');
    const refused = payloads.filter((payload) => payload.order?.status === 'FAILED');
    expect(confirmed).toHaveLength(5);
    expect(refused).toHaveLength(45);
    expect(new Set(refused.flatMap((payload) => payload.userErrors.map((error) => error.code)))).toEqual(new Set(['OUT_OF_STOCK']));
    expect(confirmed.every((payload) => shop.payments.captureOf(payload.order!.id)?.refunded === false)).toBe(true);
    expect(refused.every((payload) => shop.payments.captureOf(payload.order!.id) === null)).toBe(true);
    expect(await shop.available(product!.sku)).toBe(0);
    const { rows } = await shop.orders.pg.pool.query(
      `SELECT o.status, o.saga_state, count(DISTINCT o.customer)::int AS customers, coalesce(sum(l.quantity), 0)::int AS units
         FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id GROUP BY o.status, o.saga_state ORDER BY o.status`,
    );
    expect(rows).toEqual([
      { status: 'CONFIRMED', saga_state: 'done', customers: 5, units: 5 },
      { status: 'FAILED', saga_state: 'failed', customers: 45, units: 0 },
    ]);
    // and the winners' carts are empty while the others still hold their unit
    const carts = await Promise.all(browsers.map((browser) => browser.cartLines()));
    expect(carts.filter((lines) => lines.length === 0)).toHaveLength(5);
  });
});
