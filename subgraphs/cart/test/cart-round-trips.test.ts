import { identities } from '@shop/platform/testing';
import { ADD, CART, startCartHarness, UPDATE, type CartHarness, type CartView, type PayloadView } from './support/cart-harness';

describe('cart round trips (Redis, catalog, inventory)', () => {
  let shop: CartHarness;
  const cartOf = async (identity: ReturnType<typeof identities.guest>) => (await shop.data<{ cart: CartView }>(identity, CART)).cart;

  beforeAll(async () => {
    shop = await startCartHarness({ products: 12 });
  });
  afterAll(() => shop?.close());

  it('when a cart of 12 lines is read, then prices cost one catalog call, stock one inventory call and Redis one read', async () => {
    // given a cart of 12 lines
    const guest = identities.guest();
    const skus = [6, 7, 8, 9, 10, 11].flatMap((index) => shop.catalog.skusOf(index));
    await shop.seedCart(`guest:${guest.guestId}`, skus.map((sku) => ({ sku, quantity: 1 })));
    shop.roundTrips.reset();
    // when
    const cart = await cartOf(guest);
    // then
    expect(cart.lines).toHaveLength(12);
    expect(shop.roundTrips.snapshot()).toEqual({ 'cart.read': 1, 'catalog.variants': 1, 'inventory.stock': 1 });
  });

  it('when a shopper adds to a cart this process has not seen, then it is read once and written once, and each subgraph is called once', async () => {
    // given a cart written by another process (straight to Redis)
    const guest = identities.guest();
    await shop.seedCart(`guest:${guest.guestId}`, shop.catalog.skusOf(5).map((sku) => ({ sku, quantity: 1 })));
    shop.roundTrips.reset();
    // when
    const payload = await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-0-m', quantity: 1 });
    // then
    expect(payload.addToCart.userErrors).toEqual([]);
    expect(payload.addToCart.cart.lines).toHaveLength(3);
    expect(shop.roundTrips.snapshot()).toEqual({ 'cart.read': 1, 'cart.writeLine': 1, 'catalog.variants': 1, 'inventory.stock': 1 });
  });

  it('when a shopper adds to a cart this process served before, then the write is the only Redis call and returns the whole cart', async () => {
    // given a cart of two lines built through this subgraph
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-1-s', quantity: 1 });
    await shop.data(guest, ADD, { sku: 'prod-2-m', quantity: 2 });
    shop.roundTrips.reset();
    // when a third line is added, then another unit of the first, then the second is changed
    const added = await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-3-s', quantity: 1 });
    const addCalls = shop.roundTrips.snapshot();
    shop.roundTrips.reset();
    const again = await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-1-s', quantity: 1 });
    shop.roundTrips.reset();
    const updated = await shop.data<{ updateCartLine: PayloadView }>(guest, UPDATE, { sku: 'prod-2-m', quantity: 5 });
    const updateCalls = shop.roundTrips.snapshot();
    // then each payload is whole and current, from one Redis call, one catalog call and one inventory call
    const one = { 'cart.writeLine': 1, 'catalog.variants': 1, 'inventory.stock': 1 };
    expect(addCalls).toEqual(one);
    expect(updateCalls).toEqual(one);
    expect(added.addToCart.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([['prod-1-s', 1], ['prod-2-m', 2], ['prod-3-s', 1]]);
    expect(added.addToCart.cart.subtotal).toEqual({ amount: '48.00', currencyCode: 'INR' });
    expect(again.addToCart.cart.totalQuantity).toBe(5);
    expect(updated.updateCartLine.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([['prod-1-s', 2], ['prod-2-m', 5], ['prod-3-s', 1]]);
    expect(updated.updateCartLine.warnings).toEqual([]);
  });

  it('when another process added a line since this one last saw the cart, then the payload still shows it at the current price', async () => {
    // given a cart this process served, then a line added behind its back
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-4-s', quantity: 1 });
    await shop.seedCart(`guest:${guest.guestId}`, [{ sku: 'prod-9-m', quantity: 3 }]);
    shop.roundTrips.reset();
    // when the shopper adds another line
    const payload = await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-5-s', quantity: 1 });
    // then the cart is whole: the unexpected line is priced by a second catalog call, Redis is still called once
    expect(payload.addToCart.userErrors).toEqual([]);
    expect(payload.addToCart.cart.lines.map((line) => [line.sku, line.quantity, line.unitPrice.amount])).toEqual([
      ['prod-4-s', 1, '14.00'],
      ['prod-9-m', 3, '19.00'],
      ['prod-5-s', 1, '15.00'],
    ]);
    expect(payload.addToCart.cart.subtotal).toEqual({ amount: '86.00', currencyCode: 'INR' });
    expect(payload.addToCart.cart.lines[1]!.available).toBe(500);
    expect(shop.roundTrips.of('cart.read')).toBe(0);
    expect(shop.roundTrips.of('cart.writeLine')).toBe(1);
    expect(shop.roundTrips.of('catalog.variants')).toBe(2);
  });

  it('when another process added the line an update names, then the update reads the cart instead of trusting what it saw', async () => {
    // given a cart this process served, then a line added behind its back
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-6-s', quantity: 1 });
    await shop.seedCart(`guest:${guest.guestId}`, [{ sku: 'prod-6-m', quantity: 1 }]);
    shop.roundTrips.reset();
    // when that line is changed
    const payload = await shop.data<{ updateCartLine: PayloadView }>(guest, UPDATE, { sku: 'prod-6-m', quantity: 4 });
    // then it is found and changed
    expect(payload.updateCartLine.userErrors).toEqual([]);
    expect(payload.updateCartLine.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([['prod-6-s', 1], ['prod-6-m', 4]]);
    expect(shop.roundTrips.snapshot()).toEqual({ 'cart.read': 1, 'cart.writeLine': 1, 'catalog.variants': 1, 'inventory.stock': 1 });
  });
});
