import { setTimeout as sleep } from 'node:timers/promises';
import { identities } from '@shop/platform/testing';
import { ADD, CART, startCartHarness, type CartHarness, type CartView, type PayloadView } from './support/cart-harness';

// Short enough to watch expire, long enough that a busy machine (2 shared cores) keeps a margin of
// TTL/2 around every threshold below.
const TTL_MS = 4_000;

/** Polls until `check` holds (or gives up after `timeoutMs`); returns whether it held. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return check();
}

describe('cart expiry', () => {
  let shop: CartHarness;
  const keyOf = (guestId: string) => `${shop.keyPrefix}guest:${guestId}`;

  beforeAll(async () => {
    shop = await startCartHarness({ products: 2, settings: { ttlMs: TTL_MS } });
  });
  afterAll(() => shop?.close());

  it('when a cart is left alone past its TTL, then it is gone', async () => {
    // given
    const guest = identities.guest();
    const added = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-0-s', quantity: 1 })).addToCart.cart;
    expect(Date.parse(added.expiresAt!) - Date.parse(added.updatedAt!)).toBe(TTL_MS);
    const pttl = await shop.redis.pttl(keyOf(guest.guestId!));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(TTL_MS);
    // when no write follows, then
    const expired = await eventually(async () => (await shop.data<{ cart: CartView }>(guest, CART)).cart.lines.length === 0);
    expect(expired).toBe(true);
    expect(await shop.redis.exists(keyOf(guest.guestId!))).toBe(0);
  });

  it('when a cart is read, then its TTL is not extended', async () => {
    const guest = identities.guest();
    await shop.data(guest, ADD, { sku: 'prod-0-s', quantity: 1 });
    const before = await shop.redis.pttl(keyOf(guest.guestId!));
    const read = (await shop.data<{ cart: CartView }>(guest, CART)).cart;
    const after = await shop.redis.pttl(keyOf(guest.guestId!));
    expect(after).toBeLessThanOrEqual(before);
    expect(read.lines).toHaveLength(1);
  });

  it('when a cart changes again, then its TTL starts over from that change', async () => {
    // given a cart whose TTL has been running for a while
    const guest = identities.guest();
    const first = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-0-s', quantity: 1 })).addToCart.cart;
    let left = TTL_MS;
    const ran = await eventually(async () => {
      left = await shop.redis.pttl(keyOf(guest.guestId!));
      return left < TTL_MS / 2;
    }, TTL_MS);
    expect(ran).toBe(true);
    expect(left).toBeGreaterThan(0);
    // when another write comes
    const second = (await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-1-m', quantity: 1 })).addToCart.cart;
    // then the TTL starts over (far above what was left), expiresAt moved on, and the first line is still there
    expect(await shop.redis.pttl(keyOf(guest.guestId!))).toBeGreaterThan(TTL_MS / 2);
    expect(Date.parse(second.expiresAt!)).toBeGreaterThan(Date.parse(first.expiresAt!));
    expect(second.lines.map((line) => line.sku)).toEqual(['prod-0-s', 'prod-1-m']);
  });
});
