import { identities } from '@shop/platform/testing';
import type { Region } from '@shop/platform';
import { startInventory, type Harness } from './support/harness';

const PRODUCTS = 100;
const VARIANTS = 3;
const sku = (product: number, variant: number) => `p${product}-${variant}`;
const euUnits = (product: number, variant: number) => (product + variant) % 7;
const euTotal = (product: number) => Array.from({ length: VARIANTS }, (_, v) => euUnits(product, v)).reduce((a, b) => a + b, 0);

interface Level {
  region: string;
  available: number;
  inStock: boolean;
  lowStock: boolean;
  regions: Array<{ region: string; available: number }>;
}

const STOCK = `query($ids: [ID!]!, $region: String) { stock(productIds: $ids, region: $region) {
  productId product { id } stock { region available inStock lowStock regions { region available } }
  variants { sku variant { sku } stock { available } } } }`;

describe('stock reads', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ lowStockThreshold: 3 });
    // No asia items: a region without an item holds 0, and fewer fixture writes keep the suite quick.
    const items: Array<{ productId: string; sku: string; region: Region; available: number }> = [];
    for (let p = 0; p < PRODUCTS; p++) {
      for (let v = 0; v < VARIANTS; v++) {
        items.push({ productId: `p${p}`, sku: sku(p, v), region: 'eu', available: euUnits(p, v) });
        items.push({ productId: `p${p}`, sku: sku(p, v), region: 'us', available: 10 });
      }
    }
    await h.putStock(items);
  });
  afterAll(() => h?.close());
  beforeEach(() => h.roundTrips.reset());

  it('when a listing first asks stock of 100 products with every region, then it costs one read of their maps and one per 100 stock keys', async () => {
    // given
    const ids = Array.from({ length: PRODUCTS }, (_, p) => `p${p}`);

    // when
    const result = await h.gql<{ stock: Array<{ productId: string; product: { id: string }; stock: Level; variants: Array<{ sku: string; variant: { sku: string }; stock: { available: number } }> }> }>(
      STOCK,
      { ids, region: 'eu' },
      identities.guest(),
    );

    // then
    expect(result.errors).toBeUndefined();
    const stock = result.data!.stock;
    expect(stock.map((entry) => entry.productId)).toEqual(ids);
    expect(stock[5]).toEqual({
      productId: 'p5',
      product: { id: 'p5' },
      stock: {
        region: 'eu',
        available: euTotal(5),
        inStock: true,
        lowStock: false,
        regions: [
          { region: 'eu', available: euTotal(5) },
          { region: 'us', available: 30 },
          { region: 'asia', available: 0 },
        ],
      },
      variants: [0, 1, 2].map((v) => ({ sku: sku(5, v), variant: { sku: sku(5, v) }, stock: { available: euUnits(5, v) } })),
    });
    expect(stock[0]!.stock).toMatchObject({ available: 3, inStock: true, lowStock: true });
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 1 + Math.ceil((PRODUCTS * VARIANTS * 3) / 100) });
  });

  it('when the gateway resolves 100 variants by reference without the breakdown, then their stock in that region costs one read', async () => {
    // given
    const representations = Array.from({ length: 100 }, (_, p) => ({ __typename: 'ProductVariant', sku: sku(p, 1) }));

    // when
    const result = await h.gql<{ _entities: Array<{ sku: string; stock: Level }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { sku stock(region: "eu") { available inStock lowStock } } } }`,
      { r: representations },
    );

    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(100);
    expect(result.data!._entities[6]).toEqual({ sku: 'p6-1', stock: { available: 0, inStock: false, lowStock: false } });
    expect(result.data!._entities[1]).toEqual({ sku: 'p1-1', stock: { available: 2, inStock: true, lowStock: true } });
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 1 });
  });

  it('when the gateway resolves 30 products by reference, then their maps and their stock in that region cost one read per 100 keys', async () => {
    // given
    const representations = [
      ...Array.from({ length: 30 }, (_, p) => ({ __typename: 'Product', id: `p${p}` })),
      { __typename: 'Product', id: 'not-stocked' },
    ];

    // when
    const result = await h.gql<{ _entities: Array<{ id: string; stock: Level }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id stock(region: "us") { region available inStock } } } }`,
      { r: representations },
    );

    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[7]).toEqual({ id: 'p7', stock: { region: 'us', available: 30, inStock: true } });
    expect(result.data!._entities[30]).toEqual({ id: 'not-stocked', stock: { region: 'us', available: 0, inStock: false } });
    // 31 map keys and 30 × 3 stock keys: two reads, whether the SKU lists were known (sent together) or not (maps first).
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 2 });
  });

  it('when no region is asked, then the shopper’s region is used, else eu', async () => {
    // given
    const inUs = { ...identities.shopper(), region: 'us' };

    // when
    const [fromIdentity, byDefault] = await Promise.all([
      h.gql<{ stock: Array<{ stock: Level }> }>(STOCK, { ids: ['p2'] }, inUs),
      h.gql<{ stock: Array<{ stock: Level }> }>(STOCK, { ids: ['p2'] }, identities.shopper()),
    ]);

    // then
    expect(fromIdentity.data!.stock[0]!.stock).toMatchObject({ region: 'us', available: 30 });
    expect(byDefault.data!.stock[0]!.stock).toMatchObject({ region: 'eu', available: euTotal(2) });
  });

  it('when a product inventory does not keep is asked, then it reads as out of stock with no variants', async () => {
    // when
    const result = await h.gql<{ stock: Array<{ stock: Level; variants: unknown[] }> }>(STOCK, { ids: ['ghost'], region: 'asia' });

    // then
    expect(result.data!.stock[0]).toMatchObject({ stock: { available: 0, inStock: false, lowStock: false }, variants: [] });
  });

  it('when more than 100 product ids, an unknown region or a malformed id is asked, then BAD_USER_INPUT and no read', async () => {
    // when
    const tooMany = await h.gql(STOCK, { ids: Array.from({ length: 101 }, (_, p) => `p${p}`) });
    const badRegion = await h.gql(STOCK, { ids: ['p1'], region: 'mars' });
    const badId = await h.gql(STOCK, { ids: ['x'.repeat(300)] });
    const badEntityRegion = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { stock(region: "moon") { available } } } }`,
      { r: [{ __typename: 'ProductVariant', sku: 'p1-1' }] },
    );

    // then
    for (const result of [tooMany, badRegion, badId, badEntityRegion]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(h.roundTrips.total()).toBe(0);
  });

  it('when a partner without the stock:read scope asks, then FORBIDDEN; with it, the stock', async () => {
    // when
    const without = await h.gql(STOCK, { ids: ['p1'] }, identities.partner('partner-9', ['catalog:read']));
    const withScope = await h.gql<{ stock: unknown[] }>(STOCK, { ids: ['p1'] }, identities.partner());

    // then
    expect(without.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(withScope.data!.stock).toHaveLength(1);
  });

  it('when a request carries no signed identity, then it gets 401 and no data', async () => {
    // when
    const result = await h.gql(STOCK, { ids: ['p1'] }, null);

    // then
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
  });
});
