import { identities } from '@shop/platform/testing';
import { ADD, startCartHarness, type CartHarness } from './support/cart-harness';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Product { id cartQuantity cartLines { sku quantity unitPrice { amount } product { id } variant { sku } } } } }`;

interface ProductView {
  id: string;
  cartQuantity: number;
  cartLines: Array<{ sku: string; quantity: number; unitPrice: { amount: string }; product: { id: string }; variant: { sku: string } }>;
}

describe('Product extended with the shopper\'s cart', () => {
  let shop: CartHarness;
  const PRODUCTS = 40;
  const representations = Array.from({ length: PRODUCTS }, (_, index) => ({ __typename: 'Product', id: `prod-${index}` }));

  beforeAll(async () => {
    shop = await startCartHarness({ products: PRODUCTS });
  });
  afterAll(() => shop?.close());

  it('when the gateway resolves 40 products for a shopper, then it costs one Redis read and one catalog call', async () => {
    // given a cart with both sizes of product 3 and one size of product 17
    const shopper = identities.shopper();
    await shop.data(shopper, ADD, { sku: 'prod-3-s', quantity: 2 });
    await shop.data(shopper, ADD, { sku: 'prod-3-m', quantity: 1 });
    await shop.data(shopper, ADD, { sku: 'prod-17-m', quantity: 5 });
    shop.roundTrips.reset();
    // when
    const data = await shop.data<{ _entities: ProductView[] }>(shopper, ENTITIES, { r: representations });
    // then
    const byId = new Map(data._entities.map((product) => [product.id, product]));
    expect(data._entities).toHaveLength(PRODUCTS);
    expect(byId.get('prod-3')).toEqual({
      id: 'prod-3',
      cartQuantity: 3,
      cartLines: [
        { sku: 'prod-3-s', quantity: 2, unitPrice: { amount: '13.00' }, product: { id: 'prod-3' }, variant: { sku: 'prod-3-s' } },
        { sku: 'prod-3-m', quantity: 1, unitPrice: { amount: '13.00' }, product: { id: 'prod-3' }, variant: { sku: 'prod-3-m' } },
      ],
    });
    expect(byId.get('prod-17')?.cartQuantity).toBe(5);
    expect(data._entities.filter((product) => product.cartQuantity === 0)).toHaveLength(PRODUCTS - 2);
    expect(shop.roundTrips.snapshot()).toEqual({ 'cart.read': 1, 'catalog.variants': 1 });
  });

  it('when only cartQuantity is asked for many products, then the catalog is not called at all', async () => {
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-1-s', quantity: 4 });
    shop.roundTrips.reset();
    const data = await shop.data<{ _entities: Array<{ cartQuantity: number }> }>(
      guest,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { cartQuantity } } }`,
      { r: representations },
    );
    expect(data._entities[1]).toEqual({ cartQuantity: 4 });
    expect(shop.roundTrips.snapshot()).toEqual({ 'cart.read': 1 });
  });

  it('when a partner or a service resolves products, then cart fields are empty instead of an error', async () => {
    for (const identity of [identities.partner(), identities.service()]) {
      shop.roundTrips.reset();
      const data = await shop.data<{ _entities: ProductView[] }>(identity, ENTITIES, { r: representations.slice(0, 3) });
      expect(data._entities).toEqual([
        { id: 'prod-0', cartQuantity: 0, cartLines: [] },
        { id: 'prod-1', cartQuantity: 0, cartLines: [] },
        { id: 'prod-2', cartQuantity: 0, cartLines: [] },
      ]);
      expect(shop.roundTrips.total()).toBe(0);
    }
  });

  it('when the supergraph asks for the SDL, then it carries the Product extension and the internal operations', async () => {
    const data = await shop.data<{ _service: { sdl: string } }>(identities.service(), '{ _service { sdl } }');
    expect(data._service.sdl).toContain('cartQuantity: Int!');
    expect(data._service.sdl).toMatch(/mergeCarts\(.*\): Cart @inaccessible/);
  });
});
