import { identities } from '@shop/platform/testing';
import { ADD, CART, REMOVE, startCartHarness, type CartHarness, type CartView, type PayloadView } from './support/cart-harness';
import { basePrice } from './support/catalog-fixture';

describe('cart prices and warnings', () => {
  let shop: CartHarness;
  const cartOf = async (identity: ReturnType<typeof identities.guest>) => (await shop.data<{ cart: CartView }>(identity, CART)).cart;

  beforeAll(async () => {
    shop = await startCartHarness({ products: 12 });
  });
  afterAll(() => shop?.close());

  it('when the catalog price changes after adding, then totals use the new price and PRICE_CHANGED is shown', async () => {
    // given a line added at 12.00
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-2-s', quantity: 2 });
    // when the catalog raises the price to 15.50
    await shop.catalog.setPrice(2, 1550);
    // then
    const cart = await cartOf(guest);
    expect(cart.lines[0]).toMatchObject({ unitPrice: { amount: '15.50' }, addedUnitPrice: { amount: '12.00' }, lineTotal: { amount: '31.00' } });
    expect(cart.subtotal).toEqual({ amount: '31.00', currencyCode: 'INR' });
    expect(cart.warnings).toEqual([expect.objectContaining({ code: 'PRICE_CHANGED', sku: 'prod-2-s' })]);
    expect(cart.warnings[0]!.message).toContain('12.00 INR');
    // and when the shopper changes the line, then the new price counts as seen
    const updated = await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-2-s', quantity: 1 });
    expect(updated.addToCart.warnings).toEqual([]);
    expect(updated.addToCart.cart.lines[0]!.addedUnitPrice.amount).toBe('15.50');
    await shop.catalog.setPrice(2, basePrice(2));
  });

  it('when stock falls below the line after adding, then STOCK_REDUCED; when it runs out, then OUT_OF_STOCK', async () => {
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-3-s', quantity: 4 });
    await shop.data(guest, ADD, { sku: 'prod-3-m', quantity: 1 });
    await shop.inventory.setStock([
      { sku: 'prod-3-s', productId: 'prod-3', region: 'eu', available: 2 },
      { sku: 'prod-3-m', productId: 'prod-3', region: 'eu', available: 0 },
    ]);
    const cart = await cartOf(guest);
    expect(cart.warnings.map((warning) => [warning.code, warning.sku])).toEqual([
      ['STOCK_REDUCED', 'prod-3-s'],
      ['OUT_OF_STOCK', 'prod-3-m'],
    ]);
    expect(cart.lines.map((line) => line.available)).toEqual([2, 0]);
  });

  it('when a price is sent by the client, then there is nowhere to put it: the schema takes none', async () => {
    const guest = identities.guest();
    const result = await shop.call(guest, `mutation { addToCart(sku: "prod-1-s", quantity: 1, price: "0.01") { cart { id } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await cartOf(guest)).lines).toEqual([]);
  });

  it('when the catalog no longer sells a SKU in the cart, then the line leaves the totals with NO_LONGER_SOLD and can be removed', async () => {
    // given a cart holding a SKU the catalog does not know (as after a product was withdrawn)
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-4-s', quantity: 1 });
    const key = `${shop.keyPrefix}guest:${guest.guestId}`;
    const withdrawn = { q: 2, p: 'prod-gone', pr: 999, c: 'INR', st: 9, a: Date.now(), n: 99 };
    await shop.redis.hset(key, 'l:gone-sku', JSON.stringify(withdrawn));
    // when
    const cart = await cartOf(guest);
    // then
    expect(cart.lines.map((line) => line.sku)).toEqual(['prod-4-s']);
    expect(cart.subtotal).toEqual({ amount: '14.00', currencyCode: 'INR' });
    expect(cart.totalQuantity).toBe(3);
    expect(cart.warnings).toEqual([expect.objectContaining({ code: 'NO_LONGER_SOLD', sku: 'gone-sku' })]);
    const removed = await shop.data<{ removeFromCart: PayloadView }>(guest, REMOVE, { sku: 'gone-sku' });
    expect(removed.removeFromCart).toMatchObject({ userErrors: [], warnings: [], cart: { totalQuantity: 1 } });
  });
});
