import { identities } from '@shop/platform/testing';
import { ADD, CART, CART_FIELDS, startCartHarness, type CartHarness, type CartView } from './support/cart-harness';

const MERGE = `mutation($from: String!, $to: String!) { mergeCarts(from: $from, to: $to) { ${CART_FIELDS} } }`;
const CART_OF_OWNER = `query($owner: String!) { cartOfOwner(owner: $owner) { ${CART_FIELDS} } }`;
const CLEAR_OF_OWNER = `mutation($owner: String!) { clearCartOfOwner(owner: $owner) }`;

describe('internal cart operations', () => {
  let shop: CartHarness;
  const service = identities.service('accounts');
  const add = (identity: ReturnType<typeof identities.guest>, sku: string, quantity: number) =>
    shop.data(identity, ADD, { sku, quantity });
  const cartOf = async (identity: ReturnType<typeof identities.guest>) => (await shop.data<{ cart: CartView }>(identity, CART)).cart;
  const merge = async (from: string, to: string) => (await shop.data<{ mergeCarts: CartView | null }>(service, MERGE, { from, to })).mergeCarts;
  const lines = (cart: CartView | null) => cart?.lines.map((line) => [line.sku, line.quantity]) ?? [];

  /** A guest and the shopper they sign in as. */
  const signIn = () => {
    const guest = identities.guest();
    const shopper = identities.shopper(undefined, guest.guestId);
    return { guest, shopper, from: `guest:${guest.guestId}`, to: `user:${shopper.userId}` };
  };

  beforeAll(async () => {
    shop = await startCartHarness({ products: 30, stock: 500 });
  });
  afterAll(() => shop?.close());

  it('when a guest signs in, then their lines join the user\'s cart, quantities add up and the guest cart is gone', async () => {
    // given
    const { guest, shopper, from, to } = signIn();
    await add(shopper, 'prod-0-s', 2);
    await add(guest, 'prod-0-s', 3);
    await add(guest, 'prod-1-m', 1);
    // when
    const merged = await merge(from, to);
    // then
    expect(lines(merged)).toEqual([['prod-0-s', 5], ['prod-1-m', 1]]);
    expect(lines(await cartOf(shopper))).toEqual([['prod-0-s', 5], ['prod-1-m', 1]]);
    expect(await cartOf(guest)).toMatchObject({ lines: [], expiresAt: null });
    expect(await shop.redis.exists(`${shop.keyPrefix}${from}`)).toBe(0);
  });

  it('when the merge is called a second time, then nothing changes (also not the TTL)', async () => {
    const { guest, shopper, from, to } = signIn();
    await add(guest, 'prod-2-s', 2);
    await add(shopper, 'prod-3-s', 1);
    const first = await merge(from, to);
    const updatedAt = (await cartOf(shopper)).updatedAt;
    const second = await merge(from, to);
    expect(lines(second)).toEqual(lines(first));
    expect(second?.updatedAt).toBe(updatedAt);
    expect(lines(await cartOf(shopper))).toEqual([['prod-3-s', 1], ['prod-2-s', 2]]);
  });

  it('when the user has no cart yet, then the guest cart becomes theirs; with no carts at all, null', async () => {
    const { guest, shopper, from, to } = signIn();
    await add(guest, 'prod-4-m', 4);
    expect(lines(await merge(from, to))).toEqual([['prod-4-m', 4]]);
    expect(lines(await cartOf(shopper))).toEqual([['prod-4-m', 4]]);
    const nobody = signIn();
    expect(await merge(nobody.from, nobody.to)).toBeNull();
  });

  it('when merged quantities pass 99 or the stock, then they are capped there', async () => {
    const { guest, shopper, from, to } = signIn();
    await shop.inventory.setStock([{ sku: 'prod-6-s', productId: 'prod-6', region: 'eu', available: 7 }]);
    await add(shopper, 'prod-5-s', 60);
    await add(guest, 'prod-5-s', 60);
    await add(shopper, 'prod-6-s', 4);
    await add(guest, 'prod-6-s', 5);
    expect(lines(await merge(from, to))).toEqual([['prod-5-s', 99], ['prod-6-s', 7]]);
  });

  it('when the user\'s cart would pass 50 lines, then the guest lines beyond it are left out', async () => {
    const { guest, from, to } = signIn();
    const skus = Array.from({ length: 26 }, (_, index) => shop.catalog.skusOf(index)).flat();
    await shop.seedCart(to, skus.slice(0, 48).map((sku) => ({ sku, quantity: 1 })));
    for (const sku of [skus[0]!, ...skus.slice(48, 52)]) await add(guest, sku, 1);
    const merged = await merge(from, to);
    expect(merged?.lines).toHaveLength(50);
    expect(lines(merged).slice(0, 1)).toEqual([[skus[0], 2]]);
    expect(lines(merged).slice(48)).toEqual([[skus[48], 1], [skus[49], 1]]);
  });

  it('when the service asks for an owner\'s cart, then it gets it, and null for an owner without one', async () => {
    const shopper = identities.shopper();
    await add(shopper, 'prod-7-s', 2);
    const result = await shop.data<{ cartOfOwner: CartView | null }>(service, CART_OF_OWNER, { owner: `user:${shopper.userId}` });
    expect(lines(result.cartOfOwner)).toEqual([['prod-7-s', 2]]);
    expect(result.cartOfOwner?.subtotal).toEqual({ amount: '34.00', currencyCode: 'INR' });
    const none = await shop.data<{ cartOfOwner: CartView | null }>(service, CART_OF_OWNER, { owner: 'user:nobody' });
    expect(none.cartOfOwner).toBeNull();
  });

  it('when checkout clears an owner\'s cart, then it is gone, and clearing again still answers true', async () => {
    const shopper = identities.shopper();
    await add(shopper, 'prod-8-s', 1);
    const owner = `user:${shopper.userId}`;
    expect(await shop.data(service, CLEAR_OF_OWNER, { owner })).toEqual({ clearCartOfOwner: true });
    expect((await cartOf(shopper)).lines).toEqual([]);
    expect(await shop.data(service, CLEAR_OF_OWNER, { owner })).toEqual({ clearCartOfOwner: true });
  });

  it('when a guest, shopper, admin or partner calls an internal operation, then FORBIDDEN and nothing changes', async () => {
    const victim = identities.shopper();
    await add(victim, 'prod-9-s', 1);
    const owner = `user:${victim.userId}`;
    const thief = identities.guest();
    for (const identity of [thief, identities.shopper(), identities.admin(), identities.partner()]) {
      for (const [query, variables] of [
        [CART_OF_OWNER, { owner }],
        [CLEAR_OF_OWNER, { owner }],
        [MERGE, { from: owner, to: `guest:${thief.guestId}` }],
      ] as const) {
        const result = await shop.call(identity, query, variables);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
    expect(lines(await cartOf(victim))).toEqual([['prod-9-s', 1]]);
  });

  it('when an owner key is malformed or from equals to, then BAD_USER_INPUT', async () => {
    for (const [query, variables] of [
      [CART_OF_OWNER, { owner: 'someone' }],
      [CLEAR_OF_OWNER, { owner: 'user:' }],
      [MERGE, { from: 'guest:a', to: 'admin:b' }],
      [MERGE, { from: 'user:a', to: 'user:a' }],
    ] as const) {
      const result = await shop.call(service, query, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
