import { identities } from '@shop/platform/testing';
import { release, reserve, startInventory, type Harness } from './support/harness';

// The server here keeps shopper reads for a minute, far longer than any test runs, so what is
// served from memory is decided by the writes, never by timing. The bound on staleness itself
// (a value lives `ttl` after its read began) is proven with a fake clock in caching.test.ts.
const TTL_MS = 60_000;

const CARDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id stock(region: "eu") { available inStock } } } }`;
const VARIANT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { sku stock(region: "eu") { available } } } }`;
const RESTOCK = `mutation($sku: ID!, $quantity: Int!, $productId: ID) {
  restock(sku: $sku, region: "eu", quantity: $quantity, productId: $productId) { userErrors { code } } }`;

describe('short-lived read cache for shoppers', () => {
  let h: Harness;
  const productAvailable = async (productId: string, identity = identities.guest()) => {
    const result = await h.gql<{ _entities: Array<{ stock: { available: number } }> }>(CARDS, { r: [{ __typename: 'Product', id: productId }] }, identity);
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!.stock.available;
  };
  const skuAvailable = async (sku: string, identity = identities.guest()) => {
    const result = await h.gql<{ _entities: Array<{ stock: { available: number } }> }>(VARIANT, { r: [{ __typename: 'ProductVariant', sku }] }, identity);
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!.stock.available;
  };

  beforeAll(async () => {
    h = await startInventory({ stockReadCacheMs: TTL_MS });
    await h.putStock(
      ['k1', 'k2', 'k3', 'k4'].flatMap((productId) => [0, 1].map((v) => ({ productId, sku: `${productId}-${v}`, region: 'eu' as const, available: 10 }))),
    );
  });
  afterAll(() => h?.close());
  beforeEach(() => h.roundTrips.reset());

  it('when shoppers ask the same stock again within the cache lifetime, then the store is not asked again', async () => {
    // given
    const first = await productAvailable('k1');
    const cost = h.roundTrips.total();
    h.roundTrips.reset();

    // when
    const again = await Promise.all([productAvailable('k1'), productAvailable('k1', identities.shopper()), productAvailable('k1', identities.partner())]);

    // then
    expect(cost).toBeGreaterThan(0);
    expect(again).toEqual([first, first, first]);
    expect(h.roundTrips.total()).toBe(0);
  });

  it('when this process reserves or releases units, then the next shopper read shows it at once', async () => {
    // given
    expect(await productAvailable('k2')).toBe(20);

    // when
    expect((await reserve(h, 'cache-order-1', [{ sku: 'k2-0', quantity: 3 }])).reserved).toBe(true);
    const afterReserve = await productAvailable('k2');
    expect((await release(h, 'cache-order-1')).ok).toBe(true);
    const afterRelease = await productAvailable('k2');

    // then
    expect(afterReserve).toBe(17);
    expect(afterRelease).toBe(20);
  });

  it('when an admin of this process restocks, even a SKU new to the product, then the next shopper read shows it at once', async () => {
    // given
    expect(await productAvailable('k3')).toBe(20);

    // when
    const restocked = await h.gql<{ restock: { userErrors: unknown[] } }>(RESTOCK, { sku: 'k3-new', quantity: 5, productId: 'k3' }, identities.admin());

    // then
    expect(restocked.data!.restock.userErrors).toEqual([]);
    expect(await productAvailable('k3')).toBe(25);
    expect(await skuAvailable('k3-new')).toBe(5);
  });

  it('when another process changes stock, then shoppers may still see the figure read before, while checkout and admin reads see the new one', async () => {
    // given: a shopper read is cached, then stock moves through another process's repository
    expect(await skuAvailable('k4-0')).toBe(10);
    await h.store.stock.adjust({ sku: 'k4-0', region: 'eu', productId: 'k4', mode: 'set', quantity: 4, maxAvailable: 1_000_000 });

    // when
    const shopper = await skuAvailable('k4-0');
    const service = await skuAvailable('k4-0', identities.service());
    const admin = await skuAvailable('k4-0', identities.admin());

    // then
    expect(shopper).toBe(10);
    expect(service).toBe(4);
    expect(admin).toBe(4);
  });
});
