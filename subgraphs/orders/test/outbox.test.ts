import type { Client } from 'cassandra-driver';
import { connectCassandra, createActivityServer, dropKeyspace } from '@shop/activity';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { checkoutInput, PLACE_ORDER, UNREACHABLE, type PayloadView } from './support/orders-harness';
import { startShop, type ShopHarness } from './support/shop-harness';

interface ShopperActivity {
  type: string;
  productId: string | null;
  sku: string | null;
  quantity: number;
}

describe('delivering purchase events to activity through the outbox', () => {
  let shop: ShopHarness;
  let cassandra: Client;
  let activity: RunningSubgraph;
  const keyspace = uniqueName('orders_activity');

  beforeAll(async () => {
    // The real activity subgraph, on a keyspace of its own; checkout itself is pointed at nothing.
    shop = await startShop('orders_ob', { productCount: 2, urls: { activity: UNREACHABLE } });
    cassandra = await connectCassandra({
      contactPoints: process.env.CASSANDRA_CONTACT_POINTS!,
      localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER!,
    });
    activity = await listen(
      await createActivityServer({
        client: cassandra,
        keyspace: { keyspace, replication: 'simple', replicationFactor: 1, datacenters: '', localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER! },
        logger: createLogger('activity', 'silent'),
        identitySecret: TEST_IDENTITY_SECRET,
        catalogUrl: UNREACHABLE,
        settings: { trendingCacheSeconds: 0, pruneIntervalMinutes: 0 },
      }),
      0,
    );
  });

  afterAll(async () => {
    await shop?.close();
    await activity?.close();
    if (cassandra) {
      await dropKeyspace(cassandra, keyspace);
      await cassandra.shutdown();
    }
  });

  const outbox = async (orderId: string) =>
    (await shop.orders.pg.pool.query('SELECT attempts, delivered_at, last_error FROM outbox WHERE order_id = $1', [orderId])).rows[0];
  const history = async (shopper: string) => {
    const result = await callGraphQL<{ recentActivity: ShopperActivity[] }>(
      activity.url,
      'query($shopper: String!) { recentActivity(shopper: $shopper) { type productId sku quantity } }',
      { shopper },
      { identity: identities.service('orders-tests') },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.recentActivity;
  };

  it('when activity is down at checkout, then the order is still confirmed and its purchase events arrive once activity is back, exactly once', async () => {
    // given a shopper's cart and activity unreachable
    const [p0, p1] = shop.products;
    const shopper = identities.shopper('outbox-buyer');
    await shop.setStock(p0!, 10);
    await shop.setStock(p1!, 10);
    await shop.addToCart(shopper, p0!.sku, 2);
    await shop.addToCart(shopper, p1!.sku, 1);
    const placed = await shop.orders.call<{ placeOrder: PayloadView }>(shopper, PLACE_ORDER, { input: checkoutInput('outbox-key-0001') });
    const order = placed.data!.placeOrder.order!;
    expect(order.status).toBe('CONFIRMED');

    // when the dispatcher runs while activity is down
    const down = await shop.orders.runtime.deliverOutbox();
    // then the event waits, with the attempt counted
    expect(down).toEqual({ delivered: 0, failed: 1 });
    expect(await outbox(order.id)).toMatchObject({ attempts: 1, delivered_at: null, last_error: expect.stringContaining('unreachable') });

    // when it runs again with activity reachable
    const back = await shop.orders.runtimeWith({ urls: { activity: activity.url } }).deliverOutbox();
    const again = await shop.orders.runtimeWith({ urls: { activity: activity.url } }).deliverOutbox();
    // then activity recorded both purchases, once
    expect(back).toEqual({ delivered: 1, failed: 0 });
    expect(again).toEqual({ delivered: 0, failed: 0 });
    expect((await outbox(order.id)).delivered_at).not.toBeNull();
    const purchases = (await history('user:outbox-buyer')).filter((event) => event.type === 'purchase');
    expect(purchases.map((event) => [event.sku, event.productId, event.quantity]).sort()).toEqual(
      [
        [p0!.sku, p0!.id, 2],
        [p1!.sku, p1!.id, 1],
      ].sort(),
    );
  });
});
