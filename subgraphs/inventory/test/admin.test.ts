import { identities } from '@shop/platform/testing';
import { startInventory, type Harness } from './support/harness';

const RESTOCK = `mutation($sku: ID!, $region: String!, $quantity: Int!, $productId: ID) {
  restock(sku: $sku, region: $region, quantity: $quantity, productId: $productId) {
    variantStock { sku stock { region available } } userErrors { field message code } } }`;
const SET_STOCK = `mutation($sku: ID!, $region: String!, $quantity: Int!, $productId: ID) {
  setStock(sku: $sku, region: $region, quantity: $quantity, productId: $productId) {
    variantStock { sku stock { region available } } userErrors { field message code } } }`;

interface AdjustPayload {
  variantStock: { sku: string; stock: { region: string; available: number } } | null;
  userErrors: Array<{ field: string[] | null; code: string }>;
}

describe('admin stock changes', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory();
    await h.putStock([
      { productId: 'ad', sku: 'ad-1', region: 'eu', available: 5 },
      { productId: 'ad', sku: 'ad-1', region: 'us', available: 1 },
    ]);
  });
  afterAll(() => h?.close());

  const restock = async (variables: Record<string, unknown>, identity = identities.admin()) =>
    (await h.gql<{ restock: AdjustPayload }>(RESTOCK, variables, identity)).data!.restock;
  const setStock = async (variables: Record<string, unknown>, identity = identities.admin()) =>
    (await h.gql<{ setStock: AdjustPayload }>(SET_STOCK, variables, identity)).data!.setStock;

  it('when an admin restocks and sets stock, then available changes in that region only', async () => {
    // when
    const added = await restock({ sku: 'ad-1', region: 'eu', quantity: 7 });
    const set = await setStock({ sku: 'ad-1', region: 'us', quantity: 40 });
    const zeroed = await setStock({ sku: 'ad-1', region: 'asia', quantity: 0 });

    // then
    expect(added).toEqual({ variantStock: { sku: 'ad-1', stock: { region: 'eu', available: 12 } }, userErrors: [] });
    expect(set.variantStock!.stock).toEqual({ region: 'us', available: 40 });
    expect(zeroed.variantStock!.stock).toEqual({ region: 'asia', available: 0 });
    expect(await h.available('ad-1', 'eu')).toBe(12);
  });

  it('when a service identity restocks, then it is allowed', async () => {
    // when
    const result = await restock({ sku: 'ad-1', region: 'asia', quantity: 1 }, identities.service('stack'));

    // then
    expect(result.userErrors).toEqual([]);
    expect(await h.available('ad-1', 'asia')).toBeGreaterThanOrEqual(1);
  });

  it('when a guest, shopper or partner tries to change stock, then FORBIDDEN and nothing changes', async () => {
    // given
    const before = await h.available('ad-1', 'eu');

    // when
    const attempts = await Promise.all(
      [identities.guest(), identities.shopper(), identities.partner()].flatMap((identity) => [
        h.gql(RESTOCK, { sku: 'ad-1', region: 'eu', quantity: 100 }, identity),
        h.gql(SET_STOCK, { sku: 'ad-1', region: 'eu', quantity: 100 }, identity),
      ]),
    );

    // then
    for (const attempt of attempts) expect(attempt.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await h.available('ad-1', 'eu')).toBe(before);
  });

  it('when a new SKU is restocked with its product id, then the product’s stock includes it', async () => {
    // when
    const unknown = await restock({ sku: 'ad-new', region: 'eu', quantity: 3 });
    const added = await restock({ sku: 'ad-new', region: 'eu', quantity: 3, productId: 'ad' });
    const mismatch = await restock({ sku: 'ad-new', region: 'eu', quantity: 3, productId: 'other' });
    const stock = await h.gql<{ stock: Array<{ variants: Array<{ sku: string }> }> }>(
      `{ stock(productIds: ["ad"], region: "eu") { variants { sku } } }`,
    );

    // then
    expect(unknown).toEqual({ variantStock: null, userErrors: [expect.objectContaining({ code: 'UNKNOWN_SKU', field: ['sku'] })] });
    expect(added.variantStock!.stock.available).toBe(3);
    expect(mismatch.userErrors[0]!.code).toBe('SKU_PRODUCT_MISMATCH');
    expect(stock.data!.stock[0]!.variants.map((variant) => variant.sku)).toEqual(['ad-1', 'ad-new']);
    expect(await h.available('ad-new')).toBe(3);
  });

  it.each([
    ['zero restock', RESTOCK, { quantity: 0 }, 'INVALID_QUANTITY', 'quantity'],
    ['negative restock', RESTOCK, { quantity: -4 }, 'INVALID_QUANTITY', 'quantity'],
    ['huge restock', RESTOCK, { quantity: 1_000_001 }, 'INVALID_QUANTITY', 'quantity'],
    ['negative setStock', SET_STOCK, { quantity: -1 }, 'INVALID_QUANTITY', 'quantity'],
    ['unknown region', RESTOCK, { region: 'mars' }, 'UNKNOWN_REGION', 'region'],
    ['malformed sku', RESTOCK, { sku: 'bad sku with spaces' }, 'INVALID_SKU', 'sku'],
    ['unknown sku', SET_STOCK, { sku: 'never-seen' }, 'UNKNOWN_SKU', 'sku'],
  ])('when an admin sends a %s, then %s is answered and nothing changes', async (_name, mutation, change, code, field) => {
    // given
    const before = await h.store.stock.stockOfSkus(['ad-1', 'never-seen'], { consistent: true });

    // when
    const result = await h.gql<Record<string, AdjustPayload>>(mutation, { sku: 'ad-1', region: 'eu', quantity: 1, ...change }, identities.admin());

    // then
    const payload = Object.values(result.data!)[0]!;
    expect(payload.variantStock).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ code, field: [field] })]);
    expect(await h.store.stock.stockOfSkus(['ad-1', 'never-seen'], { consistent: true })).toEqual(before);
  });

  it('when a fractional or out-of-Int quantity is sent, then GraphQL refuses it with BAD_USER_INPUT', async () => {
    // when
    const fractional = await h.gql(RESTOCK, { sku: 'ad-1', region: 'eu', quantity: 1.5 }, identities.admin());
    const beyondInt = await h.gql(RESTOCK, { sku: 'ad-1', region: 'eu', quantity: 2 ** 31 }, identities.admin());

    // then
    expect(fractional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(beyondInt.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('when a restock would pass the per-region ceiling, then the store refuses it and nothing changes', async () => {
    // given
    const before = (await h.available('ad-1', 'us'))!;

    // when
    const outcome = await h.store.stock.adjust({ sku: 'ad-1', region: 'us', productId: 'ad', mode: 'add', quantity: 10, maxAvailable: before + 5 });

    // then
    expect(outcome).toBe('limit');
    expect(await h.available('ad-1', 'us')).toBe(before);
  });
});
