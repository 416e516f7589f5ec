import { createLogger, listen } from '@shop/platform';
import { TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { createInventoryServer, createInventoryStore, sweepExpiredReservations } from '../src/public-api';
import { commit, RESERVATION, reserve, startInventory, type Harness } from './support/harness';

const MINUTE = 60_000;

describe('sweeper of expired reservations', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startInventory({ reservationTtlSeconds: 60 });
  });
  afterAll(() => h?.close());

  it('when a reservation expires unpaid, then the sweeper gives its units back and a late commit is refused', async () => {
    // given
    await h.putStock([{ productId: 'ex', sku: 'ex-1', region: 'eu', available: 4 }]);
    await reserve(h, 'expiring-1', [{ sku: 'ex-1', quantity: 3 }]);

    // when
    const early = await sweepExpiredReservations(h.store, Date.now());
    const afterEarly = await h.available('ex-1');
    const late = await sweepExpiredReservations(h.store, Date.now() + 2 * MINUTE);
    const lateCommit = await commit(h, 'expiring-1');

    // then
    expect(afterEarly).toBe(1);
    expect(early.released).toBe(0);
    expect(late.released).toBeGreaterThanOrEqual(1);
    expect(await h.available('ex-1')).toBe(4);
    expect(lateCommit.userErrors[0]!.code).toBe('RESERVATION_RELEASED');
    const reservation = await h.gql<{ reservation: { status: string; releaseReason: string } }>(RESERVATION, { orderId: 'expiring-1' });
    expect(reservation.data!.reservation).toMatchObject({ status: 'RELEASED', releaseReason: 'EXPIRED' });
  });

  it('when a committed reservation passes its expiry, then the sweeper leaves its units sold', async () => {
    // given
    await h.putStock([{ productId: 'cx', sku: 'cx-1', region: 'eu', available: 4 }]);
    await reserve(h, 'committed-1', [{ sku: 'cx-1', quantity: 2 }]);
    await commit(h, 'committed-1');

    // when
    await sweepExpiredReservations(h.store, Date.now() + 2 * MINUTE);

    // then
    expect(await h.available('cx-1')).toBe(2);
    expect((await h.store.reservations.get('committed-1'))!.status).toBe('COMMITTED');
  });

  it('when a chunked reserve crashed after its first chunk, then the sweeper gives that chunk back', async () => {
    // given: the first chunk of a 3-line reservation taken, then the process died
    const small = createInventoryStore({ client: h.client, tablePrefix: h.tablePrefix, maxTransactionItems: 3, reservationTtlSeconds: 60 });
    await h.putStock(['cr-0', 'cr-1', 'cr-2'].map((sku) => ({ productId: 'cr', sku, region: 'eu' as const, available: 5 })));
    const lines = ['cr-0', 'cr-1', 'cr-2'].map((sku) => ({ sku, quantity: 1 }));
    await small.reservations.createPending({ orderId: 'crashed-1', region: 'eu', lines, status: 'PENDING', chunkSize: 2, expiresAt: Date.now() + MINUTE });
    expect((await small.reservations.applyChunk('crashed-1', 'eu', 0, lines.slice(0, 2))).ok).toBe(true);
    expect([await h.available('cr-0'), await h.available('cr-1'), await h.available('cr-2')]).toEqual([4, 4, 5]);

    // when
    await sweepExpiredReservations(small, Date.now() + 2 * MINUTE);

    // then
    expect([await h.available('cr-0'), await h.available('cr-1'), await h.available('cr-2')]).toEqual([5, 5, 5]);
    expect(await small.reservations.get('crashed-1')).toMatchObject({ status: 'RELEASED', releaseReason: 'EXPIRED', applied: [] });
  });

  it('when the service runs its sweeper on an interval, then an expired reservation is released without a call', async () => {
    // given: a server whose reservations live 1 second and whose sweeper runs every 200 ms
    const fast = await startInventory({ reservationTtlSeconds: 1 });
    const sweeping = await listen(
      await createInventoryServer({
        client: fast.client,
        tablePrefix: fast.tablePrefix,
        reservationTtlSeconds: 1,
        sweepIntervalMs: 200,
        logger: createLogger('inventory', 'silent'),
        identitySecret: TEST_IDENTITY_SECRET,
      }),
      0,
    );
    try {
      await fast.putStock([{ productId: 'iv', sku: 'iv-1', region: 'eu', available: 2 }]);
      await reserve(fast, 'interval-1', [{ sku: 'iv-1', quantity: 2 }]);

      // when
      let status = (await fast.store.reservations.get('interval-1'))!.status;
      for (let i = 0; i < 100 && status !== 'RELEASED'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await fast.store.reservations.get('interval-1'))!.status;
      }

      // then
      expect(status).toBe('RELEASED');
      expect(await fast.available('iv-1')).toBe(2);
    } finally {
      await sweeping.close();
      await fast.close();
    }
  });
});
