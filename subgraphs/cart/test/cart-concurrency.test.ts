import { identities } from '@shop/platform/testing';
import { ADD, CART, startCartHarness, type CartHarness, type CartView, type PayloadView } from './support/cart-harness';

const LINE_ONLY = `mutation($sku: ID!, $quantity: Int!) { addToCart(sku: $sku, quantity: $quantity) { userErrors { code } } }`;

describe('cart writes under concurrency', () => {
  let shop: CartHarness;

  beforeAll(async () => {
    shop = await startCartHarness({ products: 27, stock: 1000 });
  });
  afterAll(() => shop?.close());

  const cartOf = async (identity: ReturnType<typeof identities.guest>) => (await shop.data<{ cart: CartView }>(identity, CART)).cart;

  describe('with limits of 100 units a line and 10 lines', () => {
    let racer: CartHarness;
    beforeAll(async () => {
      racer = await startCartHarness({ products: 8, stock: 1000, settings: { maxLineQuantity: 100, maxLines: 10 } });
    });
    afterAll(() => racer?.close());

    it('when 100 addToCart(sku, 1) race on one cart, then the line ends with quantity 100', async () => {
      // given
      const guest = identities.guest();
      const [sku] = racer.catalog.skusOf(0);
      // when
      const results = await Promise.all(
        Array.from({ length: 100 }, () => racer.data<{ addToCart: PayloadView }>(guest, LINE_ONLY, { sku, quantity: 1 })),
      );
      // then
      expect(results.filter((result) => result.addToCart.userErrors.length > 0)).toEqual([]);
      const cart = (await racer.data<{ cart: CartView }>(guest, CART)).cart;
      expect(cart.lines.map((line) => [line.sku, line.quantity])).toEqual([[sku, 100]]);
    });

    it('when 30 adds of 5 units race for one line, then exactly 20 fit and 10 get LIMIT_EXCEEDED', async () => {
      const guest = identities.guest();
      const [, sku] = racer.catalog.skusOf(1);
      const results = await Promise.all(
        Array.from({ length: 30 }, () => racer.data<{ addToCart: PayloadView }>(guest, LINE_ONLY, { sku, quantity: 5 })),
      );
      const refused = results.filter((result) => result.addToCart.userErrors.length > 0);
      expect(refused).toHaveLength(10);
      expect(refused.every((result) => result.addToCart.userErrors[0]!.code === 'LIMIT_EXCEEDED')).toBe(true);
      expect((await racer.data<{ cart: CartView }>(guest, CART)).cart.lines[0]!.quantity).toBe(100);
    });

    it('when 16 different SKUs race into a cart limited to 10 lines, then it holds exactly 10', async () => {
      const shopper = identities.shopper();
      const skus = Array.from({ length: 8 }, (_, index) => racer.catalog.skusOf(index)).flat();
      const results = await Promise.all(
        skus.map((sku) => racer.data<{ addToCart: PayloadView }>(shopper, LINE_ONLY, { sku, quantity: 1 })),
      );
      expect(results.filter((result) => result.addToCart.userErrors[0]?.code === 'LIMIT_EXCEEDED')).toHaveLength(6);
      expect((await racer.data<{ cart: CartView }>(shopper, CART)).cart.lines).toHaveLength(10);
    });
  });

  it('when a full cart gets one more SKU, then a userError and no change; more of a SKU it holds still fits', async () => {
    const guest = identities.guest();
    const skus = Array.from({ length: 25 }, (_, index) => shop.catalog.skusOf(index)).flat();
    await shop.seedCart(`guest:${guest.guestId}`, skus.map((sku) => ({ sku, quantity: 1 })));
    const before = await cartOf(guest);
    const refused = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: shop.catalog.skusOf(26)[0], quantity: 1 })).addToCart;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'LIMIT_EXCEEDED', field: ['sku'] })]);
    expect(refused.cart).toEqual(before);
    const more = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: skus[0], quantity: 2 })).addToCart;
    expect(more.userErrors).toEqual([]);
    expect(more.cart.lines[0]!.quantity).toBe(3);
  });

  it('when a line at 98 gets 2 more, then LIMIT_EXCEEDED and it stays at 98', async () => {
    const guest = identities.guest();
    const [sku] = shop.catalog.skusOf(5);
    await shop.data(guest, ADD, { sku, quantity: 98 });
    const refused = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku, quantity: 2 })).addToCart;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'LIMIT_EXCEEDED', field: ['quantity'] })]);
    expect(refused.cart.lines[0]!.quantity).toBe(98);
  });

  it('when more units are asked than the region has, then OUT_OF_STOCK and no change', async () => {
    const guest = identities.guest();
    const [sku] = shop.catalog.skusOf(6);
    await shop.inventory.setStock([{ sku, productId: shop.catalog.productId(6), region: 'eu', available: 5 }]);
    await shop.data(guest, ADD, { sku, quantity: 4 });
    const refused = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku, quantity: 2 })).addToCart;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_STOCK' })]);
    expect(refused.cart.lines[0]!.quantity).toBe(4);
  });
});
