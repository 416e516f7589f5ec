import { identities } from '@shop/platform/testing';
import type { Region } from '@shop/platform';
import { reserve, startInventory, type Harness } from './support/harness';

// Stock pages read only what they show: the product maps and the stock of the region asked,
// together in one batch once this process knows the products' SKU lists. Read cache off here.
const PRODUCTS = 40;
const VARIANTS = 3;
const UNITS: Record<Region, (p: number, v: number) => number> = { eu: (p, v) => (p + v) % 5, us: () => 10, asia: () => 20 };
const euTotal = (p: number) => Array.from({ length: VARIANTS }, (_, v) => UNITS.eu(p, v)).reduce((a, b) => a + b, 0);
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `c${from + i}`);
const asProducts = (productIds: string[]) => productIds.map((id) => ({ __typename: 'Product', id }));

const CARDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id stock(region: "eu") { region available inStock lowStock } } } }`;
const BREAKDOWN = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id stock(region: "eu") { ...Level } } } }
  fragment Level on StockLevel { available regions { region available } }`;

interface Card {
  id: string;
  stock: { region: string; available: number; inStock: boolean; lowStock: boolean };
}

describe('what a stock read costs', () => {
  let h: Harness;
  const cards = async (productIds: string[]) => {
    const result = await h.gql<{ _entities: Card[] }>(CARDS, { r: asProducts(productIds) }, identities.guest());
    expect(result.errors).toBeUndefined();
    return result.data!._entities;
  };

  beforeAll(async () => {
    h = await startInventory({ stockReadCacheMs: 0 });
    const regions: Region[] = ['eu', 'us', 'asia'];
    await h.putStock(
      ids(0, PRODUCTS).flatMap((productId, p) =>
        Array.from({ length: VARIANTS }, (_, v) => regions.map((region) => ({ productId, sku: `${productId}-${v}`, region, available: UNITS[region](p, v) }))).flat(),
      ),
    );
  });
  afterAll(() => h?.close());
  beforeEach(() => h.roundTrips.reset());

  it('when a listing asks the stock of 24 products in one region, then the first request costs 2 BatchGetItem calls and every later one 1', async () => {
    // given
    const listing = ids(0, 24);

    // when
    const first = await cards(listing);
    const firstCost = h.roundTrips.of('inventory.batchGet.read');
    h.roundTrips.reset();
    const second = await cards(listing);

    // then: first the 24 maps, then 72 stock keys; once the SKU lists are known, all 96 keys in one call
    expect(firstCost).toBe(2);
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 1 });
    expect(second).toEqual(first);
    expect(second[7]).toEqual({ id: 'c7', stock: { region: 'eu', available: euTotal(7), inStock: true, lowStock: false } });
  });

  it('when stock(productIds) of 24 known products is asked in one region with their variants, then it costs 1 BatchGetItem call', async () => {
    // given: this process has read these products before
    const productIds = ids(0, 24);
    await cards(productIds);
    h.roundTrips.reset();

    // when
    const result = await h.gql<{ stock: Array<{ productId: string; stock: { available: number }; variants: Array<{ sku: string; stock: { inStock: boolean } }> }> }>(
      `query($ids: [ID!]!) { stock(productIds: $ids, region: "us") { productId stock { available } variants { sku stock { inStock } } } }`,
      { ids: productIds },
      identities.partner(),
    );

    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!.stock[3]).toEqual({
      productId: 'c3',
      stock: { available: 30 },
      variants: [0, 1, 2].map((v) => ({ sku: `c3-${v}`, stock: { inStock: true } })),
    });
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 1 });
  });

  it('when the breakdown per region is asked through a fragment, then every region is read and reported; without it, only the region asked', async () => {
    // given: 30 products whose SKU lists this process knows
    const listing = ids(0, 30);
    await cards(listing);
    h.roundTrips.reset();

    // when
    await cards(listing);
    const regionOnly = h.roundTrips.of('inventory.batchGet.read');
    h.roundTrips.reset();
    const result = await h.gql<{ _entities: Array<{ id: string; stock: { available: number; regions: Array<{ region: string; available: number }> } }> }>(
      BREAKDOWN,
      { r: asProducts(listing) },
      identities.guest(),
    );

    // then: 30 maps + 90 stock keys = 2 calls; 30 maps + 270 stock keys = 3 calls
    expect(regionOnly).toBe(2);
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 3 });
    expect(result.data!._entities[5]).toEqual({
      id: 'c5',
      stock: { available: euTotal(5), regions: [{ region: 'eu', available: euTotal(5) }, { region: 'us', available: 30 }, { region: 'asia', available: 60 }] },
    });
  });

  it('when another process adds a SKU to a product this process has read, then the next read counts it', async () => {
    // given
    const [before] = await cards(['c31']);
    await h.putStock([{ productId: 'c31', sku: 'c31-new', region: 'eu', available: 7 }]);
    h.roundTrips.reset();

    // when
    const [after] = await cards(['c31']);

    // then: the map read with the known SKUs' stock shows the new SKU, whose stock is read next
    expect(after!.stock.available).toBe(before!.stock.available + 7);
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.batchGet.read': 2 });
  });

  it('when a representation names a product inventory does not know or an over-long id, then it reads as out of stock', async () => {
    // when
    const [ghost, longId] = await cards(['ghost-product', 'x'.repeat(600)]);

    // then
    expect(ghost!.stock).toEqual({ region: 'eu', available: 0, inStock: false, lowStock: false });
    expect(longId!.stock).toEqual({ region: 'eu', available: 0, inStock: false, lowStock: false });
  });

  it('when units are reserved, then the next shopper read shows them taken', async () => {
    // given
    const [before] = await cards(['c33']);

    // when
    expect((await reserve(h, 'read-costs-order-1', [{ sku: 'c33-0', quantity: 2 }])).reserved).toBe(true);
    const [after] = await cards(['c33']);

    // then
    expect(after!.stock.available).toBe(before!.stock.available - 2);
  });
});
