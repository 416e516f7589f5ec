import { identities } from '@shop/platform/testing';
import { GatedPaymentProvider } from './support/gated-payments';
import { card, checkoutInput, ORDERS, PLACE_ORDER, type PayloadView } from './support/orders-harness';
import { startShop, type ShopHarness } from './support/shop-harness';

type Placed = { placeOrder: PayloadView };

describe('checkout with the real catalog, inventory and cart', () => {
  let shop: ShopHarness;
  const payments = new GatedPaymentProvider();

  beforeAll(async () => {
    shop = await startShop('orders_co', { payments, productCount: 16 });
  });

  afterAll(async () => {
    await shop?.close();
  });

  const place = (identity: ReturnType<typeof identities.shopper>, input: Record<string, unknown>) =>
    shop.orders.call<Placed>(identity, PLACE_ORDER, { input });
  const outboxRows = async (orderId: string) =>
    (await shop.orders.pg.pool.query('SELECT payload, delivered_at FROM outbox WHERE order_id = $1', [orderId])).rows;

  it('when a shopper checks out, then the order is confirmed with exact totals, stock goes down, the cart empties and the order is listed', async () => {
    // given 10 and 10 units in stock and a cart of 2 × 12.50 and 1 × 22.50
    const [p0, p1] = shop.products;
    const shopper = identities.shopper('happy');
    await shop.setStock(p0!, 10);
    await shop.setStock(p1!, 10);
    await shop.addToCart(shopper, p0!.sku, 2);
    await shop.addToCart(shopper, p1!.sku, 1);
    // when
    const result = await place(shopper, checkoutInput('happy-path-0001'));
    // then
    expect(result.errors).toBeUndefined();
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors).toEqual([]);
    expect(order!.status).toBe('CONFIRMED');
    expect(order!.lines).toEqual([
      { sku: p0!.sku, name: 'Product 0', variantTitle: 'Size M', quantity: 2, unitPrice: { amount: '12.50', currencyCode: 'EUR' }, lineTotal: { amount: '25.00', currencyCode: 'EUR' }, product: { id: p0!.id }, variant: { sku: p0!.sku } },
      { sku: p1!.sku, name: 'Product 1', variantTitle: 'Size M', quantity: 1, unitPrice: { amount: '22.50', currencyCode: 'EUR' }, lineTotal: { amount: '22.50', currencyCode: 'EUR' }, product: { id: p1!.id }, variant: { sku: p1!.sku } },
    ]);
    // 47.50 + 4.99 shipping (free only from 50.00) + 20 % tax on 47.50 = 61.99
    expect(order!.totals).toEqual({
      subtotal: { amount: '47.50', currencyCode: 'EUR' },
      shipping: { amount: '4.99' },
      tax: { amount: '9.50' },
      total: { amount: '61.99', currencyCode: 'EUR' },
    });
    expect(order!.itemCount).toBe(3);
    expect(order!.payment).toEqual({ provider: 'test', brand: 'visa', last4: '4242', status: 'CAPTURED' });
    expect(order!.shippingAddress).toMatchObject({ fullName: 'Ada Lovelace', countryCode: 'GB', line2: null });
    expect(payments.captureOf(order!.id)).toMatchObject({ amountMinor: 6199, currencyCode: 'EUR', refunded: false });
    expect(await shop.available(p0!.sku)).toBe(8);
    expect(await shop.available(p1!.sku)).toBe(9);
    expect(await shop.reservationStatus(order!.id)).toBe('COMMITTED');
    expect(await shop.cartLines(shopper)).toEqual([]);
    const listed = await shop.orders.data<{ orders: { edges: Array<{ node: { id: string } }> } }>(shopper, ORDERS, {});
    expect(listed.orders.edges.map((edge) => edge.node.id)).toEqual([order!.id]);
    const [outbox] = await outboxRows(order!.id);
    expect(outbox.payload.events.map((event: { sku: string; quantity: number }) => [event.sku, event.quantity])).toEqual([
      [p0!.sku, 2],
      [p1!.sku, 1],
    ]);
    // and nobody else can read it
    const other = await shop.orders.call(identities.shopper('nosy'), 'query($id: ID!) { order(id: $id) { id } }', { id: order!.id });
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // and the card number was stored nowhere
    const { rows } = await shop.orders.pg.pool.query('SELECT row_to_json(orders)::text AS text FROM orders WHERE id = $1', [order!.id]);
    expect(rows[0].text).not.toContain('42424242');
  });

  it('when the same request is replayed, then it returns the identical order, charges once and takes stock once', async () => {
    // given a confirmed checkout
    const [, , p2] = shop.products;
    const shopper = identities.shopper('replayer');
    await shop.setStock(p2!, 5);
    await shop.addToCart(shopper, p2!.sku, 2);
    const first = await place(shopper, checkoutInput('replay-key-0001'));
    // when the client sends it again (the cart is now empty), twice
    const second = await place(shopper, checkoutInput('replay-key-0001'));
    const third = await place(shopper, checkoutInput('replay-key-0001'));
    // then
    expect(first.data!.placeOrder.order!.status).toBe('CONFIRMED');
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    expect(await shop.available(p2!.sku)).toBe(3);
    const { rows } = await shop.orders.pg.pool.query("SELECT count(*) FROM orders WHERE customer = 'user:replayer'");
    expect(Number(rows[0].count)).toBe(1);
  });

  it('when a retry arrives while the first attempt is still running, then it gets IN_PROGRESS and never a second run', async () => {
    // given a checkout held at the payment step
    const [, , , p3] = shop.products;
    const shopper = identities.shopper('impatient');
    await shop.setStock(p3!, 5);
    await shop.addToCart(shopper, p3!.sku, 1);
    const gate = payments.closeGate();
    const first = place(shopper, checkoutInput('in-flight-0001'));
    await gate.entered;
    // when the client retries meanwhile
    const retry = await place(shopper, checkoutInput('in-flight-0001'));
    gate.open();
    const done = await first;
    // then the retry was told to wait, and one order was made
    expect(retry.data!.placeOrder.userErrors.map((error) => error.code)).toEqual(['IN_PROGRESS']);
    expect(retry.data!.placeOrder.order!.status).toBe('PENDING');
    expect(retry.data!.placeOrder.order!.id).toBe(done.data!.placeOrder.order!.id);
    expect(done.data!.placeOrder.order!.status).toBe('CONFIRMED');
    expect(await shop.available(p3!.sku)).toBe(4);
  });

  it('when the same key comes with another cart or another address, then IDEMPOTENCY_KEY_REUSED and nothing happens', async () => {
    // given a declined attempt (the cart stays as it was)
    const [p0] = shop.products;
    const shopper = identities.shopper('reuser');
    await shop.setStock(p0!, 10);
    await shop.addToCart(shopper, p0!.sku, 1);
    const declined = await place(shopper, checkoutInput('reused-key-0001', { payment: card('4000 0000 0000 0002') }));
    // when the key is reused with another address, and with another cart
    const otherAddress = await place(
      shopper,
      checkoutInput('reused-key-0001', { payment: card('4000 0000 0000 0002'), shippingAddress: { fullName: 'X', line1: 'Y', city: 'Z', postalCode: '999', countryCode: 'FR' } }),
    );
    await shop.addToCart(shopper, p0!.sku, 1);
    const otherCart = await place(shopper, checkoutInput('reused-key-0001', { payment: card('4000 0000 0000 0002') }));
    // then
    expect(declined.data!.placeOrder.order!.status).toBe('FAILED');
    for (const result of [otherAddress, otherCart]) {
      expect(result.data!.placeOrder).toEqual({
        order: null,
        userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] })],
      });
    }
  });

  it('when the card is declined, then the stock is released, the cart is kept and the order FAILED with the reason', async () => {
    // given 7 units and a cart of 3
    const [, p1] = shop.products;
    const shopper = identities.shopper('declined');
    await shop.setStock(p1!, 7);
    await shop.addToCart(shopper, p1!.sku, 3);
    // when paying with the card the test provider declines
    const result = await place(shopper, checkoutInput('declined-0001', { payment: card('4000 0000 0000 0002') }));
    // then
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors.map((error) => [error.code, error.field?.join('.')])).toEqual([['PAYMENT_DECLINED', 'input.payment.cardNumber']]);
    expect(order!.status).toBe('FAILED');
    expect(order!.failureCode).toBe('PAYMENT_DECLINED');
    expect(order!.payment).toBeNull();
    expect(payments.captureOf(order!.id)).toBeNull();
    expect(await shop.available(p1!.sku)).toBe(7);
    expect(await shop.reservationStatus(order!.id)).toBe('RELEASED');
    expect(await shop.cartLines(shopper)).toEqual([{ sku: p1!.sku, quantity: 3 }]);
  });

  it('when a line is short of stock, then the userErrors name the SKU, nothing is charged and nothing is held', async () => {
    // given 2 units of p4, a cart asking 1 × p0 and 2 × p4, and someone else taking one p4 meanwhile
    const [p0, , , , p4] = shop.products;
    const shopper = identities.shopper('short');
    await shop.setStock(p0!, 10);
    await shop.setStock(p4!, 2);
    await shop.addToCart(shopper, p0!.sku, 1);
    await shop.addToCart(shopper, p4!.sku, 2);
    await shop.setStock(p4!, 1);
    // when
    const result = await place(shopper, checkoutInput('short-stock-0001'));
    // then
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors).toEqual([
      { code: 'OUT_OF_STOCK', field: ['cart', p4!.sku], message: `Only 1 of ${p4!.sku} left in eu (asked for 2)` },
    ]);
    expect(order!.status).toBe('FAILED');
    expect(payments.captureOf(order!.id)).toBeNull();
    expect(await shop.available(p0!.sku)).toBe(10);
    expect(await shop.available(p4!.sku)).toBe(1);
    expect(await shop.cartLines(shopper)).toHaveLength(2);
  });

  it('when two shoppers race for the last unit, then one order is confirmed and the other is told it is out of stock', async () => {
    // given one unit left and both shoppers holding it in their carts
    const [, , , , , p5] = shop.products;
    const [first, second] = [identities.shopper('racer-1'), identities.shopper('racer-2')];
    await shop.setStock(p5!, 1);
    await shop.addToCart(first, p5!.sku, 1);
    await shop.addToCart(second, p5!.sku, 1);
    // when both check out at once
    const results = await Promise.all([place(first, checkoutInput('race-0001')), place(second, checkoutInput('race-0001'))]);
    // then exactly one wins, nothing is oversold and only the winner paid
    const statuses = results.map((result) => result.data!.placeOrder.order!.status).sort();
    expect(statuses).toEqual(['CONFIRMED', 'FAILED']);
    const loser = results.find((result) => result.data!.placeOrder.order!.status === 'FAILED')!;
    expect(loser.data!.placeOrder.userErrors.map((error) => error.code)).toEqual(['OUT_OF_STOCK']);
    expect(payments.captureOf(loser.data!.placeOrder.order!.id)).toBeNull();
    expect(await shop.available(p5!.sku)).toBe(0);
  });

  it('when the cart is empty, then EMPTY_CART and nothing is reserved or charged', async () => {
    const shopper = identities.shopper('empty');
    const result = await place(shopper, checkoutInput('empty-cart-0001'));
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors.map((error) => error.code)).toEqual(['EMPTY_CART']);
    expect(order!.status).toBe('FAILED');
    expect(await shop.reservationStatus(order!.id)).toBeNull();
    expect(payments.captureOf(order!.id)).toBeNull();
  });

  it('when a guest checks out with an email, then the order is theirs: readable in that session, by the account they sign in to from it, by nobody else', async () => {
    // given a guest with a cart
    const [p0] = shop.products;
    const guest = identities.guest('guest-buyer');
    await shop.setStock(p0!, 10);
    await shop.addToCart(guest, p0!.sku, 1);
    // when
    const result = await shop.orders.call<Placed>(guest, PLACE_ORDER, { input: checkoutInput('guest-key-0001', { email: 'Guest@Example.com' }) });
    // then
    const order = result.data!.placeOrder.order!;
    expect(order.status).toBe('CONFIRMED');
    expect(order.email).toBe('guest@example.com');
    const read = (identity: ReturnType<typeof identities.guest>) =>
      shop.orders.call<{ order: { id: string } | null }>(identity, 'query($id: ID!) { order(id: $id) { id } }', { id: order.id });
    expect((await read(guest)).data!.order!.id).toBe(order.id);
    expect((await read(identities.shopper('signed-in', 'guest-buyer'))).data!.order!.id).toBe(order.id);
    expect((await read(identities.guest('another-guest'))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('when a shopper cancels a confirmed order, then the units go back to stock and the payment is refunded, once', async () => {
    // given a confirmed order of 2 units
    const [, , p2] = shop.products;
    const shopper = identities.shopper('canceller');
    await shop.setStock(p2!, 6);
    await shop.addToCart(shopper, p2!.sku, 2);
    const placed = await place(shopper, checkoutInput('cancel-me-0001'));
    const orderId = placed.data!.placeOrder.order!.id;
    expect(await shop.available(p2!.sku)).toBe(4);
    // when cancelling it twice
    const cancel = `mutation($id: ID!) { cancelOrder(id: $id) { order { id status cancelledAt payment { status } } userErrors { code } } }`;
    const first = await shop.orders.data<{ cancelOrder: { order: { status: string; payment: { status: string } }; userErrors: unknown[] } }>(shopper, cancel, { id: orderId });
    const again = await shop.orders.data<{ cancelOrder: { order: { status: string }; userErrors: unknown[] } }>(shopper, cancel, { id: orderId });
    // then
    expect(first.cancelOrder.order).toMatchObject({ status: 'CANCELLED', payment: { status: 'REFUNDED' } });
    expect(first.cancelOrder.userErrors).toEqual([]);
    expect(again.cancelOrder).toMatchObject({ order: { status: 'CANCELLED' }, userErrors: [] });
    expect(await shop.available(p2!.sku)).toBe(6);
    expect(payments.captureOf(orderId)!.refunded).toBe(true);
  });

  it('when the cart grows from 1 to 10 lines, then checkout costs the same PostgreSQL round trips (lines are written in one statement)', async () => {
    // given two shoppers, one with 1 line and one with 10
    const products = shop.products.slice(6);
    await Promise.all(products.map((product) => shop.setStock(product, 10)));
    const small = identities.shopper('one-line');
    const large = identities.shopper('many-lines');
    await shop.addToCart(small, products[0]!.sku, 1);
    for (const product of products) await shop.addToCart(large, product.sku, 1);
    // when each checks out
    const cost = async (shopper: ReturnType<typeof identities.shopper>, key: string) => {
      shop.orders.roundTrips.reset();
      const result = await place(shopper, checkoutInput(key));
      expect(result.data!.placeOrder.order!.status).toBe('CONFIRMED');
      return shop.orders.roundTrips.snapshot();
    };
    const one = await cost(small, 'one-line-0001');
    const many = await cost(large, 'many-lines-0001');
    // then the same statements, once each: record, 5 saga steps, the confirm transaction, reading the result
    expect(many).toEqual(one);
    expect(one).toEqual({
      'orders.start': 1,
      'orders.advance': 5,
      'transaction.begin': 1,
      'orders.confirm': 1,
      'orderLines.insert': 1,
      'outbox.insert': 1,
      'transaction.commit': 1,
      'orders.findById': 1,
      'orderLines.findByOrderIds': 1,
    });
  });
});
