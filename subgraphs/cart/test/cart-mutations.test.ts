import { identities } from '@shop/platform/testing';
import { ADD, CART, CLEAR, REMOVE, startCartHarness, UPDATE, type CartHarness, type CartView, type PayloadView } from './support/cart-harness';

describe('cart mutations', () => {
  let shop: CartHarness;
  const add = (identity: ReturnType<typeof identities.guest>, sku: string, quantity: number, extra: Record<string, unknown> = {}) =>
    shop.data<{ addToCart: PayloadView }>(identity, ADD, { sku, quantity, ...extra }).then((data) => data.addToCart);
  const cartOf = (identity: ReturnType<typeof identities.guest>) => shop.data<{ cart: CartView }>(identity, CART).then((data) => data.cart);

  beforeAll(async () => {
    shop = await startCartHarness({ products: 4 });
  });
  afterAll(() => shop?.close());

  it('when a guest adds a SKU, then the line is priced by the catalog and the cart shows when it expires', async () => {
    // given a guest without a cart
    const guest = identities.guest();
    const [sku] = shop.catalog.skusOf(1);
    // when
    const payload = await add(guest, sku, 2);
    // then
    expect(payload.userErrors).toEqual([]);
    expect(payload.cart.lines).toEqual([
      expect.objectContaining({ sku, quantity: 2, unitPrice: { amount: '11.00', currencyCode: 'INR' }, lineTotal: { amount: '22.00' }, product: { id: 'prod-1' }, variant: { sku }, available: 500 }),
    ]);
    expect(payload.cart.subtotal).toEqual({ amount: '22.00', currencyCode: 'INR' });
    expect(payload.cart.region).toBe('eu');
    expect(Date.parse(payload.cart.expiresAt!)).toBeGreaterThan(Date.now() + 25 * 60 * 1000);
    expect(await cartOf(guest)).toEqual(payload.cart);
  });

  it('when a shopper adds the same SKU twice, then one line holds both quantities', async () => {
    const shopper = identities.shopper();
    const [sku] = shop.catalog.skusOf(2);
    await add(shopper, sku, 1);
    const payload = await add(shopper, sku, 3);
    expect(payload.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([[sku, 4]]);
    expect(payload.cart.totalQuantity).toBe(4);
  });

  it('when a line is updated and then removed, then the cart follows and an emptied cart is gone', async () => {
    const guest = identities.guest();
    const [small, medium] = shop.catalog.skusOf(0);
    await add(guest, small, 1);
    await add(guest, medium, 1);
    const updated = await shop.data<{ updateCartLine: PayloadView }>(guest, UPDATE, { sku: small, quantity: 7 });
    expect(updated.updateCartLine.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([[small, 7], [medium, 1]]);
    const removed = await shop.data<{ removeFromCart: PayloadView }>(guest, REMOVE, { sku: small });
    expect(removed.removeFromCart.cart.lines.map((line) => line.sku)).toEqual([medium]);
    const last = await shop.data<{ removeFromCart: PayloadView }>(guest, REMOVE, { sku: medium });
    expect(last.removeFromCart.cart).toMatchObject({ lines: [], totalQuantity: 0, subtotal: null, expiresAt: null });
    expect(await shop.redis.exists(`${shop.keyPrefix}guest:${guest.guestId}`)).toBe(0);
  });

  it('when the cart is cleared, then it is empty and its key is gone', async () => {
    const guest = identities.guest();
    await add(guest, shop.catalog.skusOf(3)[0], 2);
    const cleared = await shop.data<{ clearCart: PayloadView }>(guest, CLEAR);
    expect(cleared.clearCart).toMatchObject({ userErrors: [], cart: { lines: [], totalQuantity: 0 } });
    expect(await shop.redis.exists(`${shop.keyPrefix}guest:${guest.guestId}`)).toBe(0);
  });

  it('when the region is us, then stock is checked there and the cart says so', async () => {
    const guest = identities.guest();
    const [sku] = shop.catalog.skusOf(1);
    await shop.inventory.setStock([{ sku, productId: 'prod-1', region: 'us', available: 3 }]);
    const refused = await add(guest, sku, 4, { region: 'us' });
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_STOCK', field: ['quantity'] })]);
    const payload = await add(guest, sku, 3, { region: 'us' });
    expect(payload.cart).toMatchObject({ region: 'us', lines: [{ sku, quantity: 3, available: 3 }] });
  });

  describe('bad input changes nothing', () => {
    let guest: ReturnType<typeof identities.guest>;
    let before: CartView;
    const [sku] = ['prod-0-s'];

    beforeAll(async () => {
      guest = identities.guest();
      before = (await add(guest, sku, 2)).cart;
    });

    afterEach(async () => {
      expect(await cartOf(guest)).toEqual(before);
    });

    it.each([
      ['an unknown SKU', 'no-such-sku', 1, 'NOT_FOUND', ['sku']],
      ['a malformed SKU', 'bad sku!', 1, 'BAD_USER_INPUT', ['sku']],
      ['quantity 0', sku, 0, 'BAD_USER_INPUT', ['quantity']],
      ['a negative quantity', sku, -3, 'BAD_USER_INPUT', ['quantity']],
      ['quantity 10^9', sku, 1_000_000_000, 'LIMIT_EXCEEDED', ['quantity']],
    ])('when a shopper adds %s, then a userError says so', async (_case, badSku, quantity, code, field) => {
      const payload = await add(guest, badSku, quantity);
      expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
      expect(payload.cart).toEqual(before);
    });

    it.each([
      ['a fractional quantity', 1.5],
      ['a quantity beyond Int', 1e12],
    ])('when a shopper sends %s, then the request is refused as bad input', async (_case, quantity) => {
      const result = await shop.call(guest, ADD, { sku, quantity });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('when a shopper updates a SKU not in the cart or to 0, then a userError', async () => {
      const missing = await shop.data<{ updateCartLine: PayloadView }>(guest, UPDATE, { sku: 'prod-1-m', quantity: 1 });
      expect(missing.updateCartLine.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
      const zero = await shop.data<{ updateCartLine: PayloadView }>(guest, UPDATE, { sku, quantity: 0 });
      expect(zero.updateCartLine.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT' })]);
    });

    it('when a shopper removes a SKU not in the cart, then a userError', async () => {
      const payload = await shop.data<{ removeFromCart: PayloadView }>(guest, REMOVE, { sku: 'prod-3-m' });
      expect(payload.removeFromCart.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['sku'] })]);
    });

    it('when a shopper passes the id of someone else\'s cart, then FORBIDDEN for reads and every write', async () => {
      const other = identities.guest();
      const othersCartId = (await add(other, 'prod-1-s', 1)).cart.id;
      for (const [query, variables] of [
        [CART, { cartId: othersCartId }],
        [ADD, { sku, quantity: 1, cartId: othersCartId }],
        [UPDATE, { sku, quantity: 5, cartId: othersCartId }],
        [REMOVE, { sku, cartId: othersCartId }],
        [CLEAR, { cartId: othersCartId }],
      ] as const) {
        const result = await shop.call(guest, query, variables);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.data).toBeNull();
      }
      expect((await cartOf(other)).lines).toHaveLength(1);
    });

    it('when a shopper passes their own cart id, then it works as without one', async () => {
      const result = await shop.data<{ cart: CartView }>(guest, CART, { cartId: before.id });
      expect(result.cart).toEqual(before);
    });

    it('when the region is unknown, then BAD_USER_INPUT', async () => {
      const result = await shop.call(guest, ADD, { sku, quantity: 1, region: 'mars' });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  it('when a partner or a service asks for a cart, then FORBIDDEN; an admin signed in as a user has their own', async () => {
    for (const identity of [identities.partner(), identities.service()]) {
      const result = await shop.call(identity, CART);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const write = await shop.call(identity, ADD, { sku: 'prod-0-s', quantity: 1 });
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const admin = await shop.data<{ cart: CartView }>(identities.admin('admin-cart'), CART);
    expect(admin.cart.lines).toEqual([]);
  });

  it('when a request carries no signed identity, then 401 and no cart', async () => {
    const result = await shop.call(null, CART);
    expect(result.status).toBe(401);
  });
});
