import { identities } from '@shop/platform/testing';
import type { OrderRecord } from '../src/domain/order';
import { seedConfirmedOrder } from './support/order-factory';
import { ORDERS, startOrders, type OrdersHarness } from './support/orders-harness';

interface OrdersPage {
  orders: {
    edges: Array<{ cursor: string; node: { id: string; status: string; lines: Array<{ sku: string }> } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

describe('reading orders', () => {
  let orders: OrdersHarness;
  const alice = identities.shopper('alice');
  const bob = identities.shopper('bob');
  let aliceOrders: OrderRecord[];
  let bobOrder: OrderRecord;

  beforeAll(async () => {
    orders = await startOrders('orders_read');
    const store = orders.runtime.checkout.orders;
    aliceOrders = [];
    for (let n = 0; n < 25; n += 1) aliceOrders.push(await seedConfirmedOrder(store, 'user:alice', n));
    bobOrder = await seedConfirmedOrder(store, 'user:bob', 99);
  });

  afterAll(async () => {
    await orders?.close();
  });

  beforeEach(() => orders.roundTrips.reset());

  it('when a shopper pages through 25 orders by 10, then they come newest first, each page costing one query for orders and one for lines', async () => {
    // given alice's 25 confirmed orders
    const seen: string[] = [];
    let after: string | null = null;
    const pages: OrdersPage['orders'][] = [];
    // when she reads them page by page
    do {
      orders.roundTrips.reset();
      const page: OrdersPage = await orders.data<OrdersPage>(alice, ORDERS, { first: 10, after });
      expect(orders.roundTrips.of('orders.pages')).toBe(1);
      expect(orders.roundTrips.of('orderLines.findByOrderIds')).toBe(page.orders.edges.length > 0 ? 1 : 0);
      pages.push(page.orders);
      seen.push(...page.orders.edges.map((edge) => edge.node.id));
      after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
    } while (after);
    // then every order once, newest first, with its lines
    expect(pages.map((page) => page.edges.length)).toEqual([10, 10, 5]);
    expect(seen).toEqual([...aliceOrders].reverse().map((order) => order.id));
    expect(pages[0]!.edges[0]!.node.lines).toEqual([{ sku: 'sku-24' }]);
    expect(pages[0]!.pageInfo.hasPreviousPage).toBe(false);
    expect(pages[1]!.pageInfo.hasPreviousPage).toBe(true);
    expect(pages[2]!.pageInfo.hasNextPage).toBe(false);
  });

  it('when another shopper asks for an order by id, then it is NOT_FOUND as if it did not exist, and their list holds only their own', async () => {
    // given bob's order and alice's orders
    // when bob asks for alice's order, and lists his own
    const stolen = await orders.call(bob, 'query($id: ID!) { order(id: $id) { id email } }', { id: aliceOrders[0]!.id });
    const unknown = await orders.call(bob, 'query($id: ID!) { order(id: $id) { id } }', { id: 'not-an-order-id' });
    const own = await orders.data<OrdersPage>(bob, ORDERS, {});
    // then nothing of alice's leaks
    expect(stolen.data?.order ?? null).toBeNull();
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(own.orders.edges.map((edge) => edge.node.id)).toEqual([bobOrder.id]);
  });

  it('when the gateway resolves orders by reference, then owners get theirs, others get null, in one read', async () => {
    // given representations of alice's and bob's orders
    const representations = [...aliceOrders.slice(0, 5), bobOrder].map((order) => ({ __typename: 'Order', id: order.id }));
    // when alice's request resolves them
    const result = await orders.call<{ _entities: Array<{ id: string; status: string } | null> }>(
      alice,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id status } } }',
      { r: representations },
    );
    // then she sees her five, not bob's, and it cost one query
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.slice(0, 5).map((order) => order?.id)).toEqual(aliceOrders.slice(0, 5).map((order) => order.id));
    expect(result.data!._entities[5]).toBeNull();
    expect(orders.roundTrips.of('orders.findByIds')).toBe(1);
  });

  it('when User.orders is asked, then the user themself and admins get them, another shopper is refused', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id orders(first: 3) { edges { node { id } } } } } }`;
    const representations = [{ __typename: 'User', id: 'alice' }];
    // when alice, an admin and bob ask for alice's orders
    const own = await orders.call<{ _entities: Array<{ orders: { edges: unknown[] } }> }>(alice, query, { r: representations });
    const admin = await orders.call<{ _entities: Array<{ orders: { edges: unknown[] } }> }>(identities.admin(), query, { r: representations });
    const other = await orders.call(bob, query, { r: representations });
    // then
    expect(own.data!._entities[0]!.orders.edges).toHaveLength(3);
    expect(admin.data!._entities[0]!.orders.edges).toHaveLength(3);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('when the page size or cursor is wrong, then BAD_USER_INPUT or INVALID_CURSOR', async () => {
    const tooMany = await orders.call(alice, ORDERS, { first: 101 });
    const negative = await orders.call(alice, ORDERS, { first: -1 });
    const forged = await orders.call(alice, ORDERS, { after: Buffer.from('{"l":"products","p":{"s":3}}').toString('base64url') });
    const garbage = await orders.call(alice, ORDERS, { after: '%%%' });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    expect(garbage.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  it('when a partner or an unsigned caller asks for orders, then FORBIDDEN or 401', async () => {
    const partner = await orders.call(identities.partner(), ORDERS, {});
    const unsigned = await orders.call(null, ORDERS, {});
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unsigned.status).toBe(401);
    expect(unsigned.data).toBeUndefined();
  });
});
