import { identities } from '@shop/platform/testing';
import { TestPaymentProvider } from '../src/adapters/test-payment-provider';
import { checkoutInput, PLACE_ORDER, startOrders, type OrdersHarness, type PayloadView } from './support/orders-harness';

describe('placeOrder input', () => {
  let orders: OrdersHarness;
  const payments = new TestPaymentProvider();
  const shopper = identities.shopper('input-tester');

  beforeAll(async () => {
    // Catalog, inventory and cart are unreachable: refused input must not need them.
    orders = await startOrders('orders_input', { payments });
  });

  afterAll(async () => {
    await orders?.close();
  });

  const orderCount = async () => Number((await orders.pg.pool.query('SELECT count(*) FROM orders')).rows[0].count);
  const place = (input: Record<string, unknown>, identity = shopper) =>
    orders.call<{ placeOrder: PayloadView }>(identity, PLACE_ORDER, { input });

  it('when the card fails the Luhn check, has expired or lacks a proper CVC, then CARD_INVALID and nothing is recorded', async () => {
    // given no orders
    const before = await orderCount();
    // when
    const result = await place(
      checkoutInput('bad-card-0001', { payment: { cardNumber: '4242 4242 4242 4241', expiryMonth: 1, expiryYear: 2001, cvc: '12' } }),
    );
    // then
    expect(result.data!.placeOrder.order).toBeNull();
    expect(result.data!.placeOrder.userErrors.map((error) => [error.code, error.field!.join('.')])).toEqual([
      ['CARD_INVALID', 'input.payment.cardNumber'],
      ['CARD_INVALID', 'input.payment.expiryYear'],
      ['CARD_INVALID', 'input.payment.cvc'],
    ]);
    expect(await orderCount()).toBe(before);
  });

  it('when address fields are blank, then each is named with BAD_USER_INPUT and nothing is recorded', async () => {
    const result = await place(
      checkoutInput('bad-address-01', { shippingAddress: { fullName: '  ', line1: '', city: 'Berlin', postalCode: '', countryCode: 'Germany' } }),
    );
    expect(result.data!.placeOrder.userErrors.map((error) => error.field!.join('.'))).toEqual([
      'input.shippingAddress.fullName',
      'input.shippingAddress.line1',
      'input.shippingAddress.postalCode',
      'input.shippingAddress.countryCode',
      'input.shippingAddress.countryCode',
    ]);
    expect(result.data!.placeOrder.userErrors.every((error) => error.code === 'BAD_USER_INPUT')).toBe(true);
    expect(await orderCount()).toBe(0);
  });

  it('when a required address field is missing altogether, then GraphQL refuses the request with BAD_USER_INPUT', async () => {
    const result = await place(checkoutInput('no-city-0001', { shippingAddress: { fullName: 'A', line1: 'B', postalCode: '123', countryCode: 'DE' } }));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('city');
    expect(await orderCount()).toBe(0);
  });

  it('when the region is unknown or the key malformed, then BAD_USER_INPUT names the field and nothing is recorded', async () => {
    const region = await place(checkoutInput('bad-region-01', { region: 'mars' }));
    const key = await place(checkoutInput('short'));
    expect(region.data!.placeOrder.userErrors).toEqual([
      { code: 'BAD_USER_INPUT', field: ['input', 'region'], message: 'Unknown region; expected one of eu, us, asia' },
    ]);
    expect(key.data!.placeOrder.userErrors[0]!.field).toEqual(['input', 'idempotencyKey']);
    expect(await orderCount()).toBe(0);
  });

  it('when a guest checks out without an email, then they are asked for one', async () => {
    const result = await place(checkoutInput('guest-no-mail'), identities.guest());
    expect(result.data!.placeOrder.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'email'], message: 'Guests must give an email' }]);
    expect(await orderCount()).toBe(0);
  });

  it('when a partner or a service tries to place an order, then FORBIDDEN', async () => {
    const partner = await place(checkoutInput('partner-key-01'), identities.partner());
    const service = await place(checkoutInput('service-key-01'), identities.service());
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(service.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('when the cart cannot be read, then the order ends FAILED with UNAVAILABLE, nothing is charged, and a retry replays it', async () => {
    // given the cart subgraph is down
    // when the shopper checks out, then retries with the same key
    const first = await place(checkoutInput('cart-down-0001'));
    const retry = await place(checkoutInput('cart-down-0001'));
    // then
    const order = first.data!.placeOrder.order!;
    expect(order.status).toBe('FAILED');
    expect(order.failureCode).toBe('UNAVAILABLE');
    expect(order.payment).toBeNull();
    expect(first.data!.placeOrder.userErrors.map((error) => error.code)).toEqual(['UNAVAILABLE']);
    expect(payments.captureOf(order.id)).toBeNull();
    expect(retry.data!.placeOrder).toEqual(first.data!.placeOrder);
    const { rows } = await orders.pg.pool.query('SELECT saga_state FROM orders WHERE id = $1', [order.id]);
    expect(rows[0].saga_state).toBe('failed');
  });
});
