import { callGraphQL, identities } from '@shop/platform/testing';
import { createRepositories } from '../src/server';
import {
  event,
  hoursAgo,
  RECORD_EVENTS,
  RECORD_SHOPPER_EVENTS,
  startActivity,
  views,
  type ActivityHarness,
  type RecordEventsData,
} from './support/activity-harness';

const VIEW_COUNTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id viewCount } } }`;
const RECENT_ACTIVITY = `query($shopper: String!, $first: Int) { recentActivity(shopper: $shopper, first: $first) { type productId sku query source quantity at } }`;

describe('recording activity events', () => {
  let activity: ActivityHarness;

  beforeAll(async () => {
    activity = await startActivity();
  });

  afterAll(async () => {
    await activity?.close();
  });

  beforeEach(() => activity.roundTrips.reset());

  const record = (events: unknown[], identity = identities.guest()) =>
    callGraphQL<{ recordEvents: RecordEventsData }>(activity.server.url, RECORD_EVENTS, { events }, { identity });

  const viewCounts = async (ids: string[]) => {
    const result = await callGraphQL<{ _entities: Array<{ id: string; viewCount: number }> }>(activity.server.url, VIEW_COUNTS, {
      r: ids.map((id) => ({ __typename: 'Product', id })),
    });
    expect(result.errors).toBeUndefined();
    return Object.fromEntries(result.data!._entities.map((entity) => [entity.id, entity.viewCount]));
  };

  const recentActivity = async (shopper: string, first = 500) => {
    const result = await callGraphQL<{ recentActivity: Array<{ type: string; productId: string | null; query: string | null }> }>(
      activity.server.url,
      RECENT_ACTIVITY,
      { shopper, first },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.recentActivity;
  };

  it('when a guest sends a batch of 100 events, then all are kept with few writes to the store', async () => {
    // given 100 views spread over 10 products, from one guest
    const guest = identities.guest();
    const batch = Array.from({ length: 10 }, (_, product) => views(`batch-p${product}`, 10)).flat();

    // when the batch is recorded
    const result = await record(batch, guest);

    // then every event is accepted, counted and in the guest's history
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordEvents).toEqual({ accepted: 100, duplicates: 0, rejected: [], userErrors: [] });
    // and the writes were batched: one conditional claim of all 100 ids, one history batch per
    // 25 rows of the guest's partition, one counter batch per counter partition (4 shards × 2 tables)
    expect(activity.roundTrips.of('history.append')).toBe(4);
    expect(activity.roundTrips.of('counters.increment')).toBeLessThanOrEqual(8);
    expect(activity.roundTrips.of('eventIds.claim')).toBe(1);
    expect(await viewCounts(['batch-p0', 'batch-p9'])).toEqual({ 'batch-p0': 10, 'batch-p9': 10 });
    expect(await recentActivity(`guest:${guest.guestId}`)).toHaveLength(100);
  });

  it('when the same batch is sent twice, then the retry reports duplicates and nothing counts twice', async () => {
    // given a batch that was recorded once
    const guest = identities.guest();
    const batch = [...views('retry-p1', 3), event('click', { productId: 'retry-p1', source: 'sidebar' }), event('search', { query: 'boots' })];
    const first = await record(batch, guest);
    expect(first.data!.recordEvents).toMatchObject({ accepted: 5, duplicates: 0 });

    // when the client retries the very same batch
    const retry = await record(batch, guest);

    // then it is accepted as already recorded, and counts and history are unchanged
    expect(retry.data!.recordEvents).toMatchObject({ accepted: 5, duplicates: 5, rejected: [] });
    expect(await viewCounts(['retry-p1'])).toEqual({ 'retry-p1': 3 });
    expect(await recentActivity(`guest:${guest.guestId}`)).toHaveLength(5);
  });

  it('when a retried batch also carries new events, then only the new ones count', async () => {
    // given a batch of two views that was recorded
    const guest = identities.guest();
    const sent = views('partial-p1', 2);
    await record(sent, guest);
    activity.roundTrips.reset();

    // when it is retried with a third view added
    const retry = await record([...sent, event('view', { productId: 'partial-p1' })], guest);

    // then the two known ones are duplicates, the new one counts, in two claim rounds
    expect(retry.data!.recordEvents).toMatchObject({ accepted: 3, duplicates: 2 });
    expect(activity.roundTrips.of('eventIds.claim')).toBe(2);
    expect(await viewCounts(['partial-p1'])).toEqual({ 'partial-p1': 3 });
  });

  it('when the first attempt died after claiming its events, then the retry writes the missing history but never counts twice', async () => {
    // given event ids claimed by an attempt that crashed before writing anything else
    const guest = identities.guest();
    const shopper = `guest:${guest.guestId}`;
    const batch = views('crashed-p1', 2, { at: hoursAgo(1) });
    await createRepositories(activity.client, activity.keyspace).events.claimEventIds(
      batch.map((view) => ({ eventId: view.id, shopper, at: new Date(view.at!) })),
      3600,
    );

    // when the client retries the batch
    const retry = await record(batch, guest);

    // then the history is repaired and the counters stay untouched (at most once)
    expect(retry.data!.recordEvents).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(await recentActivity(shopper)).toHaveLength(2);
    expect(await viewCounts(['crashed-p1'])).toEqual({ 'crashed-p1': 0 });
  });

  it('when a batch repeats an event id, then the event counts once', async () => {
    // given a batch holding the same view twice
    const view = event('view', { productId: 'repeat-p1' });

    // when it is recorded
    const result = await record([view, view, event('view', { productId: 'repeat-p1' })]);

    // then both copies are accepted, one reported as duplicate, and two views are counted
    expect(result.data!.recordEvents).toMatchObject({ accepted: 3, duplicates: 1 });
    expect(await viewCounts(['repeat-p1'])).toEqual({ 'repeat-p1': 2 });
  });

  it('when events of a batch are bad, then each is rejected with its code and the good ones are kept', async () => {
    // given one good event among bad ones of every kind
    const guest = identities.guest();
    const good = event('view', { productId: 'bad-batch-good' });
    const batch = [
      event('teleport'),
      event('view', { id: 'not-a-uuid' }),
      event('view', { at: new Date(Date.now() + 3_600_000).toISOString() }),
      event('view', { at: hoursAgo(24 * 30) }),
      event('view', { at: 'yesterday' }),
      event('search', { query: 'x'.repeat(100 * 1024) }),
      event('view', { productId: 'p'.repeat(100 * 1024) }),
      event('view', { productId: null }),
      event('click', { source: null }),
      event('add_to_cart', { quantity: 0 }),
      event('view', { categoryIds: ['a', 'b', 'c', 'd', 'e', 'f'] }),
      event('purchase', { productId: 'bad-batch-good' }),
      good,
    ];

    // when the batch is recorded
    const result = await record(batch, guest);

    // then only the good event is kept and every other one says why, with the field at fault
    expect(result.errors).toBeUndefined();
    const payload = result.data!.recordEvents;
    expect(payload.accepted).toBe(1);
    expect(payload.rejected.map(({ index, code, field }) => [index, code, field])).toEqual([
      [0, 'UNKNOWN_TYPE', 'type'],
      [1, 'INVALID_ID', 'id'],
      [2, 'TIMESTAMP_IN_FUTURE', 'at'],
      [3, 'TIMESTAMP_TOO_OLD', 'at'],
      [4, 'INVALID_TIMESTAMP', 'at'],
      [5, 'TOO_LONG', 'query'],
      [6, 'INVALID_FIELD', 'productId'],
      [7, 'MISSING_FIELD', 'productId'],
      [8, 'MISSING_FIELD', 'source'],
      [9, 'INVALID_FIELD', 'quantity'],
      [10, 'TOO_LONG', 'categoryIds'],
      [11, 'FORBIDDEN', 'type'],
    ]);
    expect(payload.rejected[1]!.eventId).toBe('not-a-uuid');
    expect(payload.userErrors[5]).toMatchObject({ field: ['events', '5', 'query'], code: 'TOO_LONG' });
    expect(await recentActivity(`guest:${guest.guestId}`)).toEqual([expect.objectContaining({ type: 'view', productId: 'bad-batch-good' })]);
  });

  it('when a call carries more than 100 events, then the first 100 are kept and the rest rejected for resending', async () => {
    // given 102 views
    const batch = views('oversized-p1', 102);

    // when they are sent in one call
    const result = await record(batch);

    // then 100 are counted and the last two are rejected with LIMIT_EXCEEDED
    expect(result.data!.recordEvents.accepted).toBe(100);
    expect(result.data!.recordEvents.rejected.map(({ index, code }) => [index, code])).toEqual([
      [100, 'LIMIT_EXCEEDED'],
      [101, 'LIMIT_EXCEEDED'],
    ]);
    expect(await viewCounts(['oversized-p1'])).toEqual({ 'oversized-p1': 100 });
  });

  it('when every event of a batch is bad, then nothing is written', async () => {
    // given only bad events
    const batch = [event('teleport'), event('view', { id: '42' })];

    // when they are recorded
    const result = await record(batch);

    // then both are rejected and the store was not touched
    expect(result.data!.recordEvents).toMatchObject({ accepted: 0, duplicates: 0 });
    expect(result.data!.recordEvents.rejected).toHaveLength(2);
    expect(activity.roundTrips.total()).toBe(0);
  });

  it('when the orders service records a purchase for a shopper, then it lands in that shopper history', async () => {
    // given a signed-in shopper's purchase sent by the orders outbox
    const shopper = 'user:u-buyer-1';
    const purchase = event('purchase', { productId: 'bought-p1', sku: 'bought-p1-m', quantity: 2 });

    // when a service records it
    const result = await callGraphQL<{ recordShopperEvents: RecordEventsData }>(activity.server.url, RECORD_SHOPPER_EVENTS, {
      shopper,
      events: [purchase],
    }, { identity: identities.service('orders') });

    // then it is accepted and shows in the shopper's activity
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordShopperEvents).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await recentActivity(shopper)).toEqual([
      { type: 'purchase', productId: 'bought-p1', sku: 'bought-p1-m', query: null, source: null, quantity: 2, at: expect.any(String) },
    ]);
  });

  it('when anyone but a service calls an internal operation, then it is refused with FORBIDDEN and nothing changes', async () => {
    // given a shopper and the internal operations
    const shopper = identities.shopper('u-sneaky');
    const calls = [
      callGraphQL(activity.server.url, RECORD_SHOPPER_EVENTS, { shopper: 'user:u-victim', events: [event('purchase')] }, { identity: shopper }),
      callGraphQL(activity.server.url, RECENT_ACTIVITY, { shopper: 'user:u-victim' }, { identity: shopper }),
      callGraphQL(activity.server.url, 'mutation { mergeShopperActivity(from: "guest:g-1", to: "user:u-sneaky") }', {}, {
        identity: identities.guest('g-1'),
      }),
    ];

    // when they are called
    const results = await Promise.all(calls);

    // then each is FORBIDDEN and the store was not touched
    for (const result of results) expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(activity.roundTrips.total()).toBe(0);
  });

  it('when a partner (no shopper) records events, or a service names a malformed shopper, then the call is refused', async () => {
    // when a partner records events and a service uses a bad shopper key
    const partner = await record([event('view')], identities.partner());
    const malformed = await callGraphQL(activity.server.url, RECORD_SHOPPER_EVENTS, { shopper: 'admin:1', events: [event('view')] });

    // then the partner is FORBIDDEN and the key is BAD_USER_INPUT
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(activity.roundTrips.total()).toBe(0);
  });
});
