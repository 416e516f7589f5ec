import { identities } from '@shop/platform/testing';
import { COMMIT, RELEASE, RESERVATION, RESERVE, reserve, startInventory, type Harness } from './support/harness';

describe('reserve input and access', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory();
    await h.putStock([{ productId: 'bi', sku: 'bi-1', region: 'eu', available: 5 }]);
  });
  afterAll(() => h?.close());

  const unchanged = async (orderId: string) => {
    expect(await h.available('bi-1')).toBe(5);
    expect(await h.store.reservations.get(orderId)).toBeNull();
  };

  it.each([
    ['a zero quantity', [{ sku: 'bi-1', quantity: 0 }], 'eu', 'INVALID_QUANTITY', ['lines', '0', 'quantity']],
    ['a negative quantity', [{ sku: 'bi-1', quantity: -2 }], 'eu', 'INVALID_QUANTITY', ['lines', '0', 'quantity']],
    ['a huge quantity', [{ sku: 'bi-1', quantity: 10_001 }], 'eu', 'INVALID_QUANTITY', ['lines', '0', 'quantity']],
    ['no lines', [], 'eu', 'NO_LINES', ['lines']],
    ['an unknown region', [{ sku: 'bi-1', quantity: 1 }], 'mars', 'UNKNOWN_REGION', ['region']],
    ['a malformed sku', [{ sku: '', quantity: 1 }], 'eu', 'INVALID_SKU', ['lines', '0', 'sku']],
  ])('when a reserve has %s, then it is refused with %s and nothing changes', async (_name, lines, region, code, field) => {
    // when
    const result = await reserve(h, 'bad-input', lines, region);

    // then
    expect(result.reserved).toBe(false);
    expect(result.userErrors).toEqual([expect.objectContaining({ code, field })]);
    await unchanged('bad-input');
  });

  it('when a reserve names an unknown SKU among known ones, then UNKNOWN_SKU and no line moves', async () => {
    // when
    const result = await reserve(h, 'unknown-sku', [{ sku: 'bi-1', quantity: 1 }, { sku: 'no-such-sku', quantity: 1 }]);

    // then
    expect(result.reserved).toBe(false);
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'UNKNOWN_SKU', field: ['lines', '1', 'sku'] })]);
    await unchanged('unknown-sku');
  });

  it('when a quantity is fractional or beyond a 32-bit Int, then GraphQL refuses it with BAD_USER_INPUT', async () => {
    // when
    const fractional = await h.gql(RESERVE, { orderId: 'frac', lines: [{ sku: 'bi-1', quantity: 0.5 }], region: 'eu' });
    const beyondInt = await h.gql(RESERVE, { orderId: 'frac', lines: [{ sku: 'bi-1', quantity: 2 ** 32 }], region: 'eu' });

    // then
    expect(fractional.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(beyondInt.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await unchanged('frac');
  });

  it('when an order id is malformed, then reserve, release and commit refuse it with INVALID_ORDER_ID', async () => {
    // given
    const orderId = 'has spaces and "quotes"';

    // when
    const reserved = await reserve(h, orderId, [{ sku: 'bi-1', quantity: 1 }]);
    const released = await h.gql<{ release: { userErrors: Array<{ code: string }> } }>(RELEASE, { orderId });
    const committed = await h.gql<{ commit: { userErrors: Array<{ code: string }> } }>(COMMIT, { orderId });

    // then
    expect(reserved.userErrors[0]!.code).toBe('INVALID_ORDER_ID');
    expect(released.data!.release.userErrors[0]!.code).toBe('INVALID_ORDER_ID');
    expect(committed.data!.commit.userErrors[0]!.code).toBe('INVALID_ORDER_ID');
    expect(await h.available('bi-1')).toBe(5);
  });

  it('when anyone but a service calls reserve, release, commit or reservation, then FORBIDDEN and nothing changes', async () => {
    // given
    const callers = [identities.guest(), identities.shopper(), identities.admin(), identities.partner()];
    const operations: Array<[string, Record<string, unknown>]> = [
      [RESERVE, { orderId: 'intruder', lines: [{ sku: 'bi-1', quantity: 1 }], region: 'eu' }],
      [RELEASE, { orderId: 'intruder' }],
      [COMMIT, { orderId: 'intruder' }],
      [RESERVATION, { orderId: 'intruder' }],
    ];

    // when
    const results = await Promise.all(callers.flatMap((identity) => operations.map(([query, variables]) => h.gql(query, variables, identity))));

    // then
    for (const result of results) expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await unchanged('intruder');
  });
});
