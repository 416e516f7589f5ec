import { RoundTripCounter } from '@shop/platform';
import { uniqueName } from '@shop/platform/testing';
import { createDynamoClient, dropInventoryTable, seedQuantity, seedStock, tableName, createInventoryStore } from '../src/public-api';
import { reserveStock } from '../src/use-cases/reserve-stock';

describe('seedStock', () => {
  const client = createDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  const tablePrefix = `${uniqueName('inv_seed')}_`;
  const roundTrips = new RoundTripCounter();
  const store = createInventoryStore({ client, tablePrefix });
  const items = Array.from({ length: 40 }, (_, p) => [0, 1, 2].map((v) => ({ productId: `sp${p}`, sku: `sp${p}-${v}` }))).flat();

  afterAll(async () => {
    await dropInventoryTable(client, tableName(tablePrefix));
    client.close();
  });

  it('when a catalog is seeded, then every SKU gets deterministic stock in every region, written in batches', async () => {
    // when
    const result = await seedStock({ client, tablePrefix, roundTrips }, items);

    // then
    expect(result.written).toBe(items.length * 3 + 40);
    expect(roundTrips.of('inventory.batchWrite.seed')).toBe(Math.ceil((items.length * 3 + 40) / 25));
    expect(roundTrips.of('inventory.batchGet.seed')).toBe(Math.ceil((items.length * 3 + 40) / 100));
    const stocks = await store.stock.stockOfSkus(items.map((item) => item.sku), { consistent: true });
    expect(stocks).toHaveLength(items.length);
    for (const stock of stocks) {
      expect(stock.available).toEqual({
        eu: seedQuantity(42, stock.sku, 'eu'),
        us: seedQuantity(42, stock.sku, 'us'),
        asia: seedQuantity(42, stock.sku, 'asia'),
      });
    }
    const amounts = stocks.flatMap((stock) => Object.values(stock.available));
    expect(amounts.some((amount) => amount === 0)).toBe(true);
    expect(amounts.some((amount) => amount > 0 && amount < 5)).toBe(true);
    expect(amounts.filter((amount) => amount >= 20).length).toBeGreaterThan(amounts.length / 2);
    expect((await store.stock.skusOfProducts(['sp7']))[0]).toEqual({ productId: 'sp7', skus: ['sp7-0', 'sp7-1', 'sp7-2'] });
  });

  it('when seeding runs again after stock moved, then it writes nothing and keeps the live stock', async () => {
    // given
    const sku = items.find((item) => seedQuantity(42, item.sku, 'eu') >= 20)!.sku;
    const before = seedQuantity(42, sku, 'eu');
    expect((await reserveStock(store, { orderId: 'seed-live', region: 'eu', lines: [{ sku, quantity: 3 }] })).reserved).toBe(true);

    // when
    const again = await seedStock({ client, tablePrefix }, items);

    // then
    expect(again.written).toBe(0);
    expect((await store.stock.stockOfSkus([sku], { consistent: true }))[0]!.available.eu).toBe(before - 3);
  });

  it('when a product gains a SKU in a later seed, then its SKU map keeps the old ones and adds the new', async () => {
    // when
    await seedStock({ client, tablePrefix }, [{ productId: 'sp7', sku: 'sp7-new' }], { regions: ['us'] });

    // then
    expect((await store.stock.skusOfProducts(['sp7']))[0]!.skus).toEqual(['sp7-0', 'sp7-1', 'sp7-2', 'sp7-new']);
    expect((await store.stock.stockOfSkus(['sp7-new'], { consistent: true }))[0]!.available).toEqual({ us: seedQuantity(42, 'sp7-new', 'us') });
  });
});
