import { commit, release, reserve, RESERVATION, startInventory, type Harness } from './support/harness';

describe('reserve, release and commit', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ lowStockThreshold: 3 });
  });
  afterAll(() => h?.close());

  it('when 200 checkouts race for the last 5 units, then exactly 5 are granted and stock never goes below 0', async () => {
    // given
    await h.putStock([{ productId: 'race', sku: 'race-1', region: 'eu', available: 5 }]);
    const observed: number[] = [];
    let racing = true;
    const watcher = (async () => {
      while (racing) observed.push((await h.available('race-1'))!);
    })();

    // when
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => reserve(h, `race-order-${i}`, [{ sku: 'race-1', quantity: 1 }])),
    );
    racing = false;
    await watcher;

    // then
    const granted = results.filter((result) => result.reserved);
    expect(granted).toHaveLength(5);
    for (const refused of results.filter((result) => !result.reserved)) {
      expect(refused.shortages).toEqual([{ sku: 'race-1', requested: 1, available: 0 }]);
      expect(refused.userErrors.map((error) => error.code)).toEqual(['OUT_OF_STOCK']);
    }
    expect(await h.available('race-1')).toBe(0);
    expect(observed.length).toBeGreaterThan(0);
    expect(Math.min(...observed)).toBeGreaterThanOrEqual(0);
  });

  it('when a reservation is replayed, then it answers reserved again and moves no stock', async () => {
    // given
    await h.putStock([
      { productId: 'rp', sku: 'rp-1', region: 'eu', available: 10 },
      { productId: 'rp', sku: 'rp-2', region: 'eu', available: 10 },
    ]);
    const lines = [{ sku: 'rp-1', quantity: 2 }, { sku: 'rp-2', quantity: 3 }];
    expect((await reserve(h, 'replay-1', lines)).reserved).toBe(true);

    // when
    const replays = await Promise.all([reserve(h, 'replay-1', lines), reserve(h, 'replay-1', [...lines].reverse())]);

    // then
    expect(replays.map((replay) => replay.reserved)).toEqual([true, true]);
    expect(await h.available('rp-1')).toBe(8);
    expect(await h.available('rp-2')).toBe(7);
  });

  it('when the same order id comes with other lines, then it is refused with RESERVATION_MISMATCH and nothing moves', async () => {
    // given
    await h.putStock([{ productId: 'mm', sku: 'mm-1', region: 'eu', available: 10 }]);
    await reserve(h, 'mismatch-1', [{ sku: 'mm-1', quantity: 1 }]);

    // when
    const result = await reserve(h, 'mismatch-1', [{ sku: 'mm-1', quantity: 4 }]);

    // then
    expect(result.reserved).toBe(false);
    expect(result.userErrors[0]).toMatchObject({ code: 'RESERVATION_MISMATCH', field: ['orderId'] });
    expect(await h.available('mm-1')).toBe(9);
  });

  it('when one line of a multi-line reservation is short, then no line moves and the short SKU is reported', async () => {
    // given
    await h.putStock([
      { productId: 'ml', sku: 'ml-1', region: 'eu', available: 10 },
      { productId: 'ml', sku: 'ml-2', region: 'eu', available: 1 },
      { productId: 'ml', sku: 'ml-3', region: 'eu', available: 10 },
    ]);

    // when
    const result = await reserve(h, 'multi-short', [
      { sku: 'ml-1', quantity: 2 },
      { sku: 'ml-2', quantity: 2 },
      { sku: 'ml-3', quantity: 2 },
    ]);

    // then
    expect(result.reserved).toBe(false);
    expect(result.shortages).toEqual([{ sku: 'ml-2', requested: 2, available: 1 }]);
    expect(result.userErrors).toEqual([expect.objectContaining({ code: 'OUT_OF_STOCK', field: ['lines', '1', 'quantity'] })]);
    expect([await h.available('ml-1'), await h.available('ml-2'), await h.available('ml-3')]).toEqual([10, 1, 10]);
    expect(await h.store.reservations.get('multi-short')).toBeNull();
  });

  it('when stock is short in the region asked, then stock in other regions does not help', async () => {
    // given
    await h.putStock([
      { productId: 'rg', sku: 'rg-1', region: 'eu', available: 0 },
      { productId: 'rg', sku: 'rg-1', region: 'us', available: 50 },
    ]);

    // when
    const inEu = await reserve(h, 'region-eu', [{ sku: 'rg-1', quantity: 1 }], 'eu');
    const inUs = await reserve(h, 'region-us', [{ sku: 'rg-1', quantity: 1 }], 'us');

    // then
    expect(inEu.reserved).toBe(false);
    expect(inUs.reserved).toBe(true);
    expect(await h.available('rg-1', 'us')).toBe(49);
  });

  it('when a reservation is released twice, then the units come back once', async () => {
    // given
    await h.putStock([{ productId: 'rl', sku: 'rl-1', region: 'eu', available: 5 }]);
    await reserve(h, 'release-1', [{ sku: 'rl-1', quantity: 3 }]);

    // when
    const first = await release(h, 'release-1');
    const again = await Promise.all([release(h, 'release-1'), release(h, 'release-1')]);

    // then
    expect(first).toEqual({ ok: true, userErrors: [] });
    expect(again.map((result) => result.ok)).toEqual([true, true]);
    expect(await h.available('rl-1')).toBe(5);
  });

  it('when a reserve comes again after its release, then it is refused and holds nothing', async () => {
    // given
    await h.putStock([{ productId: 'ar', sku: 'ar-1', region: 'eu', available: 5 }]);
    await reserve(h, 'after-release', [{ sku: 'ar-1', quantity: 2 }]);
    await release(h, 'after-release');

    // when
    const result = await reserve(h, 'after-release', [{ sku: 'ar-1', quantity: 2 }]);

    // then
    expect(result.reserved).toBe(false);
    expect(result.userErrors[0]!.code).toBe('RESERVATION_RELEASED');
    expect(await h.available('ar-1')).toBe(5);
  });

  it('when a release arrives before its reserve (a timed-out checkout), then the late reserve holds nothing', async () => {
    // given
    await h.putStock([{ productId: 'lt', sku: 'lt-1', region: 'eu', available: 5 }]);
    expect((await release(h, 'late-order')).ok).toBe(true);

    // when
    const result = await reserve(h, 'late-order', [{ sku: 'lt-1', quantity: 1 }]);

    // then
    expect(result.reserved).toBe(false);
    expect(result.userErrors[0]!.code).toBe('RESERVATION_RELEASED');
    expect(await h.available('lt-1')).toBe(5);
    const marker = await h.gql<{ reservation: unknown }>(RESERVATION, { orderId: 'late-order' });
    expect(marker.data!.reservation).toMatchObject({ status: 'RELEASED', region: null, lines: [] });
  });

  it('when a reservation is committed twice, then both answer ok and the units stay sold', async () => {
    // given
    await h.putStock([{ productId: 'cm', sku: 'cm-1', region: 'eu', available: 5 }]);
    await reserve(h, 'commit-1', [{ sku: 'cm-1', quantity: 2 }]);

    // when
    const results = [await commit(h, 'commit-1'), await commit(h, 'commit-1')];
    const releaseAfter = await release(h, 'commit-1');

    // then
    expect(results).toEqual([{ ok: true, userErrors: [] }, { ok: true, userErrors: [] }]);
    expect(releaseAfter.ok).toBe(false);
    expect(releaseAfter.userErrors[0]!.code).toBe('RESERVATION_COMMITTED');
    expect(await h.available('cm-1')).toBe(3);
    const reservation = await h.gql<{ reservation: { status: string; lines: unknown[] } }>(RESERVATION, { orderId: 'commit-1' });
    expect(reservation.data!.reservation).toMatchObject({ status: 'COMMITTED', lines: [{ sku: 'cm-1', quantity: 2 }] });
  });

  it('when an unknown or released order is committed, then it is refused with a code', async () => {
    // given
    await h.putStock([{ productId: 'cr', sku: 'cr-1', region: 'eu', available: 5 }]);
    await reserve(h, 'commit-released', [{ sku: 'cr-1', quantity: 1 }]);
    await release(h, 'commit-released');

    // when
    const unknown = await commit(h, 'never-reserved');
    const released = await commit(h, 'commit-released');

    // then
    expect(unknown.userErrors[0]!.code).toBe('RESERVATION_NOT_FOUND');
    expect(released.userErrors[0]!.code).toBe('RESERVATION_RELEASED');
    expect(await h.available('cr-1')).toBe(5);
  });

  it('when a SKU appears on two lines, then its quantities are held together', async () => {
    // given
    await h.putStock([{ productId: 'dup', sku: 'dup-1', region: 'eu', available: 4 }]);

    // when
    const tooMany = await reserve(h, 'dup-short', [{ sku: 'dup-1', quantity: 3 }, { sku: 'dup-1', quantity: 2 }]);
    const fits = await reserve(h, 'dup-ok', [{ sku: 'dup-1', quantity: 1 }, { sku: 'dup-1', quantity: 3 }]);

    // then
    expect(tooMany.shortages).toEqual([{ sku: 'dup-1', requested: 5, available: 4 }]);
    expect(fits.reserved).toBe(true);
    expect(await h.available('dup-1')).toBe(0);
  });
});
