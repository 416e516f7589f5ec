import { createInventoryStore } from '../src/public-api';
import { reserveStock } from '../src/use-cases/reserve-stock';
import { releaseStock } from '../src/use-cases/release-stock';
import { release, reserve, startInventory, type Harness } from './support/harness';

const skus = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

describe('reservations beyond one transaction', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory();
  });
  afterAll(() => h?.close());

  const stockUp = (list: string[], available: number) =>
    h.putStock(list.map((sku) => ({ productId: `prod-${sku.split('-')[0]}`, sku, region: 'eu' as const, available })));

  const availableOf = async (list: string[]) => {
    const stocks = new Map((await h.store.stock.stockOfSkus(list, { consistent: true })).map((stock) => [stock.sku, stock.available.eu]));
    return list.map((sku) => stocks.get(sku));
  };

  it('when 99 lines are reserved, then they go in one transaction with the reservation record', async () => {
    // given
    const list = skus('n99', 99);
    await stockUp(list, 3);
    h.roundTrips.reset();

    // when
    const result = await reserve(h, 'lines-99', list.map((sku) => ({ sku, quantity: 2 })));

    // then
    expect(result).toEqual({ reserved: true, shortages: [], userErrors: [] });
    expect(h.roundTrips.snapshot()).toEqual({ 'inventory.transactWrite.reserve': 1 });
    expect(new Set(await availableOf(list))).toEqual(new Set([1]));
  });

  it('when 100 lines are reserved, then all are held (in chunks) and a release gives all back', async () => {
    // given
    const list = skus('n100', 100);
    await stockUp(list, 3);

    // when
    const result = await reserve(h, 'lines-100', list.map((sku) => ({ sku, quantity: 2 })));
    const held = await availableOf(list);
    const replay = await reserve(h, 'lines-100', list.map((sku) => ({ sku, quantity: 2 })));
    const released = await release(h, 'lines-100');

    // then
    expect(result.reserved).toBe(true);
    expect(held).toHaveLength(100);
    expect(new Set(held)).toEqual(new Set([1]));
    expect(replay.reserved).toBe(true);
    expect(released.ok).toBe(true);
    expect(new Set(await availableOf(list))).toEqual(new Set([3]));
    expect(await h.store.reservations.get('lines-100')).toMatchObject({ status: 'RELEASED', applied: [] });
  });

  it('when the last of 100 lines is short, then the lines already taken are given back and nothing stays held', async () => {
    // given
    const list = skus('s100', 100);
    await stockUp(list.slice(0, 99), 3);
    await stockUp(list.slice(99), 1);

    // when
    const result = await reserve(h, 'short-100', list.map((sku) => ({ sku, quantity: 2 })));

    // then
    expect(result.reserved).toBe(false);
    expect(result.shortages).toEqual([{ sku: 's100-99', requested: 2, available: 1 }]);
    expect(await availableOf(list)).toEqual([...Array<number>(99).fill(3), 1]);
    expect(await h.store.reservations.get('short-100')).toBeNull();
  });

  it('when a store allows only 10 items per transaction, then 25 lines are held all or nothing across 3 chunks', async () => {
    // given
    const small = createInventoryStore({ client: h.client, tablePrefix: h.tablePrefix, maxTransactionItems: 10 });
    const list = skus('c25', 25);
    await stockUp(list, 2);
    await stockUp(['c25short-0'], 0);

    // when
    const short = await reserveStock(small, { orderId: 'chunks-short', region: 'eu', lines: [...list, 'c25short-0'].map((sku) => ({ sku, quantity: 1 })) });
    const afterShort = await availableOf(list);
    const ok = await reserveStock(small, { orderId: 'chunks-ok', region: 'eu', lines: list.map((sku) => ({ sku, quantity: 2 })) });
    const afterOk = await availableOf(list);
    const record = await small.reservations.get('chunks-ok');
    const released = await releaseStock(small, 'chunks-ok');

    // then
    expect(short.reserved).toBe(false);
    expect(short.shortages).toEqual([{ sku: 'c25short-0', requested: 1, available: 0 }]);
    expect(new Set(afterShort)).toEqual(new Set([2]));
    expect(ok.reserved).toBe(true);
    expect(new Set(afterOk)).toEqual(new Set([0]));
    expect(record).toMatchObject({ status: 'RESERVED', chunkSize: 9, applied: [0, 1, 2] });
    expect(released.ok).toBe(true);
    expect(new Set(await availableOf(list))).toEqual(new Set([2]));
  });

  it('when more than 100 lines are sent, then TOO_MANY_LINES is answered and nothing is read or written', async () => {
    // given
    const list = skus('n101', 101);
    h.roundTrips.reset();

    // when
    const result = await reserve(h, 'lines-101', list.map((sku) => ({ sku, quantity: 1 })));

    // then
    expect(result.reserved).toBe(false);
    expect(result.userErrors.map((error) => error.code)).toEqual(['TOO_MANY_LINES']);
    expect(h.roundTrips.total()).toBe(0);
  });
});
