import { identities } from '@shop/platform/testing';
import { checkoutInput, PLACE_ORDER, type PayloadView } from './support/orders-harness';
import { startShop, type ShopHarness } from './support/shop-harness';

describe('checkout under contention', () => {
  let shop: ShopHarness;

  beforeAll(async () => {
    shop = await startShop('orders_ct', { productCount: 1 });
  });

  afterAll(async () => {
    await shop?.close();
  });

  it('when 50 shoppers check out the last 5 units at once, then exactly 5 orders are confirmed, 5 paid, and stock ends at 0', async () => {
    // given 5 units and 50 shoppers each holding one in their cart
    const [product] = shop.products;
    const shoppers = Array.from({ length: 50 }, (_, index) => identities.shopper(`crowd-${index}`));
    await shop.setStock(product!, 50);
    await Promise.all(shoppers.map((shopper) => shop.addToCart(shopper, product!.sku, 1)));
    await shop.setStock(product!, 5);
    // when all check out together
    const results = await Promise.all(
      shoppers.map((shopper) => shop.orders.call<{ placeOrder: PayloadView }>(shopper, PLACE_ORDER, { input: checkoutInput('crowd-key-0001') })),
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
      "SELECT status, saga_state, count(*)::int AS n FROM orders GROUP BY status, saga_state ORDER BY status",
    );
    expect(rows).toEqual([
      { status: 'CONFIRMED', saga_state: 'done', n: 5 },
      { status: 'FAILED', saga_state: 'failed', n: 45 },
    ]);
  });
});
