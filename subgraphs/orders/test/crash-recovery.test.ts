import { TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { DEAD_URL } from '../../../gateway/test/support/gateway-harness';
import { startShopGateway, type ShopGateway } from './support/gateway-shop';
import { checkoutInput, PLACE_ORDER, type PayloadView } from './support/orders-harness';
import { eventually, ordersProcess, type OrdersProcess } from './support/orders-process';
import { testSchema, type TestSchema } from './support/postgres';
import { startBackends, type ShopBackends } from './support/shop-harness';

type Placed = { placeOrder: PayloadView };

/** Saga states after which nothing is left to do (the order may be FAILED while still 'compensating'). */
const SETTLED = ['done', 'failed', 'cancelled'];

interface OrderRow {
  id: string;
  status: string;
  saga_state: string;
  failure_code: string | null;
  payment_status: string | null;
}

describe('killing the orders service between reservation and confirmation', () => {
  let backends: ShopBackends;
  let pg: TestSchema;
  let orders: OrdersProcess;
  let gateway: ShopGateway;

  beforeAll(async () => {
    backends = await startBackends('orders_kill', 1);
    pg = testSchema('orders_kill');
    orders = await ordersProcess({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: '0',
      IDENTITY_SECRET: TEST_IDENTITY_SECRET,
      POSTGRES_URL: process.env.POSTGRES_URL,
      ORDERS_SCHEMA: pg.schema,
      CATALOG_URL: backends.urls.catalog,
      INVENTORY_URL: backends.urls.inventory,
      CART_URL: backends.urls.cart,
      ACTIVITY_URL: DEAD_URL,
      SAGA_LEASE_MS: '1000',
    });
    gateway = await startShopGateway({ catalog: backends.urls.catalog, cart: backends.urls.cart, orders: orders.url });
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await orders?.stop();
    await backends?.close();
    await pg?.drop();
  });

  const orderRow = async (key: string): Promise<OrderRow | undefined> =>
    (await pg.pool.query<OrderRow>('SELECT id, status, saga_state, failure_code, payment_status FROM orders WHERE idempotency_key = $1', [key])).rows[0];

  it('when the process dies while the payment is in flight, then after the restart the order is FAILED, the units are back, the cart is kept, and a retry replays that outcome', async () => {
    // given an orders process whose payments take 10 minutes to answer, and no reconciler run after its boot one
    const [product] = backends.products;
    await backends.setStock(product!, 10);
    await orders.start({ PAYMENT_TEST_LATENCY_MS: '600000', RECONCILE_INTERVAL_MS: '3600000' });
    const browser = gateway.browser();
    await browser.addToCart(product!.sku, 2);
    const input = checkoutInput('kill-key-0001', { email: 'crash@example.com' });
    // and a checkout held at the payment step, its 2 units reserved in inventory
    const inFlight = browser.send<Placed>(PLACE_ORDER, { input });
    const held = await eventually('the checkout to reach the payment step', async () => {
      const row = await orderRow('kill-key-0001').catch(() => undefined);
      return row?.saga_state === 'charging' ? row : undefined;
    });
    await eventually('the reservation to be held', async () => ((await backends.reservationStatus(held.id)) === 'RESERVED' ? true : undefined));
    expect(await backends.available(product!.sku)).toBe(8);

    // when the process is killed, and started again (reconciling at boot and every 200 ms)
    await orders.kill();
    const interrupted = await inFlight;
    await orders.start({ RECONCILE_INTERVAL_MS: '200' });
    const settled = await eventually('the saga to be settled', async () => {
      const row = await orderRow('kill-key-0001');
      return row && SETTLED.includes(row.saga_state) ? row : undefined;
    });

    // then the browser got an error and no order in flight, and the restart settled the order: FAILED, nothing kept
    expect(interrupted.data?.placeOrder ?? null).toBeNull();
    expect(interrupted.errors?.length).toBeGreaterThan(0);
    expect(settled).toEqual({ id: held.id, status: 'FAILED', saga_state: 'failed', failure_code: 'INTERRUPTED', payment_status: null });
    expect(await backends.reservationStatus(held.id)).toBe('RELEASED');
    expect(await backends.available(product!.sku)).toBe(10);
    expect(await browser.cartLines()).toEqual([{ sku: product!.sku, quantity: 2 }]);
    // and a retry with the same key gets that outcome, not a second run
    const retry = await browser.send<Placed>(PLACE_ORDER, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.placeOrder.order).toMatchObject({ id: held.id, status: 'FAILED', failureCode: 'INTERRUPTED' });
    expect(retry.data!.placeOrder.userErrors.map((error) => error.code)).toEqual(['INTERRUPTED']);
    expect(Number((await pg.pool.query('SELECT count(*) FROM orders').then((result) => result.rows[0].count)))).toBe(1);
    // and a new attempt goes through on the restarted service
    const again = await browser.send<Placed>(PLACE_ORDER, { input: checkoutInput('kill-key-0002', { email: 'crash@example.com' }) });
    expect(again.data!.placeOrder.order!.status).toBe('CONFIRMED');
    expect(await backends.available(product!.sku)).toBe(8);
    expect(await browser.cartLines()).toEqual([]);
  }, 180_000);
});
