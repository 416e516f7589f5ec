import type { Browser } from './support/browser';
import { startGatewayShop, type GatewayShop } from './support/gateway-shop';
import { card, checkoutInput, ORDERS, PLACE_ORDER, type PayloadView } from './support/orders-harness';

type Placed = { placeOrder: PayloadView };
type OrderIds = { orders: { edges: Array<{ node: { id: string } }> } };

const ORDER_BY_ID = 'query($id: ID!) { order(id: $id) { id status } }';
const MY_ORDERS = '{ me { id orders(first: 10) { edges { node { id status } } } } }';

describe('checkout through the gateway, as a browser does it', () => {
  let shop: GatewayShop;

  beforeAll(async () => {
    shop = await startGatewayShop('orders_gw', { productCount: 6, accounts: true });
  });

  afterAll(async () => {
    await shop?.close();
  });

  const place = (browser: Browser, input: Record<string, unknown>) => browser.send<Placed>(PLACE_ORDER, { input });
  const ordersWithKey = async (key: string) =>
    Number((await shop.orders.pg.pool.query('SELECT count(*) FROM orders WHERE idempotency_key = $1', [key])).rows[0].count);

  it('when a signed-in shopper checks out, then the order is confirmed, stock goes down, the cart empties and the order is listed for them', async () => {
    // given a shopper signed up in their browser with 2 × p0 and 1 × p1 in the cart
    const [p0, p1] = shop.products;
    await shop.setStock(p0!, 10);
    await shop.setStock(p1!, 10);
    const browser = shop.gateway.browser();
    const userId = await browser.signUp('happy-gw@example.com');
    await browser.addToCart(p0!.sku, 2);
    await browser.addToCart(p1!.sku, 1);
    // when
    const result = await place(browser, checkoutInput('gw-happy-0001'));
    // then
    expect(result.errors).toBeUndefined();
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({ status: 'CONFIRMED', itemCount: 3, payment: { brand: 'visa', last4: '4242', status: 'CAPTURED' } });
    expect(order!.lines.map((line) => [line.sku, line.quantity, line.unitPrice.amount])).toEqual([
      [p0!.sku, 2, '12.50'],
      [p1!.sku, 1, '22.50'],
    ]);
    expect(order!.totals!.total).toEqual({ amount: '61.99', currencyCode: 'EUR' });
    expect(await shop.available(p0!.sku)).toBe(8);
    expect(await shop.available(p1!.sku)).toBe(9);
    expect(await shop.reservationStatus(order!.id)).toBe('COMMITTED');
    expect(await browser.cartLines()).toEqual([]);
    expect((await browser.data<OrderIds>(ORDERS)).orders.edges.map((edge) => edge.node.id)).toEqual([order!.id]);
    const me = await browser.data<{ me: { id: string; orders: OrderIds['orders'] } }>(MY_ORDERS);
    expect(me.me.id).toBe(userId);
    expect(me.me.orders.edges.map((edge) => edge.node.id)).toEqual([order!.id]);
  });

  it('when the browser replays the same request, then it gets the identical answer, one order and one decrement', async () => {
    // given a shopper with 2 × p2 in the cart and 5 in stock
    const [, , p2] = shop.products;
    await shop.setStock(p2!, 5);
    const browser = shop.gateway.browser();
    await browser.signUp('replay-gw@example.com');
    await browser.addToCart(p2!.sku, 2);
    // when the same request is sent three times, the last two after the first answered
    const first = await place(browser, checkoutInput('gw-replay-0001'));
    const again = await Promise.all([place(browser, checkoutInput('gw-replay-0001')), place(browser, checkoutInput('gw-replay-0001'))]);
    // then
    expect(first.data!.placeOrder.order!.status).toBe('CONFIRMED');
    for (const replay of again) expect(replay.data).toEqual(first.data);
    expect(await shop.available(p2!.sku)).toBe(3);
    expect(await ordersWithKey('gw-replay-0001')).toBe(1);
    expect(shop.payments.captureOf(first.data!.placeOrder.order!.id)).toMatchObject({ refunded: false });
  });

  it('when the card is declined, then the stock is released, the cart is kept and the order FAILED with the reason', async () => {
    // given a guest with 3 × p1 in the cart and 7 in stock
    const [, p1] = shop.products;
    await shop.setStock(p1!, 7);
    const browser = shop.gateway.browser();
    await browser.addToCart(p1!.sku, 3);
    // when paying with the card the test provider declines
    const result = await place(browser, checkoutInput('gw-declined-0001', { email: 'declined@example.com', payment: card('4000 0000 0000 0002') }));
    // then
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors.map((error) => error.code)).toEqual(['PAYMENT_DECLINED']);
    expect(order).toMatchObject({ status: 'FAILED', failureCode: 'PAYMENT_DECLINED', payment: null });
    expect(shop.payments.captureOf(order!.id)).toBeNull();
    expect(await shop.reservationStatus(order!.id)).toBe('RELEASED');
    expect(await shop.available(p1!.sku)).toBe(7);
    expect(await browser.cartLines()).toEqual([{ sku: p1!.sku, quantity: 3 }]);
  });

  it('when a line is short of stock, then the userError names the SKU, nothing is charged, nothing is held and the cart is kept', async () => {
    // given a cart of 1 × p3 and 2 × p4, and p4 down to 1 unit meanwhile
    const [, , , p3, p4] = shop.products;
    await shop.setStock(p3!, 10);
    await shop.setStock(p4!, 2);
    const browser = shop.gateway.browser();
    await browser.signUp('short-gw@example.com');
    await browser.addToCart(p3!.sku, 1);
    await browser.addToCart(p4!.sku, 2);
    await shop.setStock(p4!, 1);
    // when
    const result = await place(browser, checkoutInput('gw-short-0001'));
    // then
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors).toEqual([{ code: 'OUT_OF_STOCK', field: ['cart', p4!.sku], message: `Only 1 of ${p4!.sku} left in eu (asked for 2)` }]);
    expect(order!.status).toBe('FAILED');
    expect(shop.payments.captureOf(order!.id)).toBeNull();
    expect(await shop.available(p3!.sku)).toBe(10);
    expect(await shop.available(p4!.sku)).toBe(1);
    expect((await browser.cartLines()).map((line) => [line.sku, line.quantity])).toEqual([
      [p3!.sku, 1],
      [p4!.sku, 2],
    ]);
  });

  it("when one shopper asks for another's order by id, by list or through their account, then they never see it", async () => {
    // given alice's confirmed order
    const [, , , , , p5] = shop.products;
    await shop.setStock(p5!, 10);
    const alice = shop.gateway.browser();
    await alice.signUp('alice-gw@example.com');
    await alice.addToCart(p5!.sku, 1);
    const aliceOrder = (await place(alice, checkoutInput('gw-alice-0001'))).data!.placeOrder.order!;
    expect(aliceOrder.status).toBe('CONFIRMED');
    const bob = shop.gateway.browser();
    await bob.signUp('bob-gw@example.com');
    const guest = shop.gateway.browser();
    // when bob and a guest look for it
    const bobById = await bob.send<{ order: { id: string } | null }>(ORDER_BY_ID, { id: aliceOrder.id });
    const guestById = await guest.send<{ order: { id: string } | null }>(ORDER_BY_ID, { id: aliceOrder.id });
    const bobList = await bob.data<OrderIds>(ORDERS);
    const bobAccount = await bob.data<{ me: { orders: OrderIds['orders'] } }>(MY_ORDERS);
    // then it is NOT_FOUND for them, as if it did not exist, and missing from their lists, while alice reads it
    for (const refused of [bobById, guestById]) {
      expect(refused.data?.order ?? null).toBeNull();
      expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    expect(bobList.orders.edges).toEqual([]);
    expect(bobAccount.me.orders.edges).toEqual([]);
    expect((await alice.data<{ order: { id: string } }>(ORDER_BY_ID, { id: aliceOrder.id })).order.id).toBe(aliceOrder.id);
  });
});
