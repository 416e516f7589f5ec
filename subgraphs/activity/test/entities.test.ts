import { callGraphQL, identities } from '@shop/platform/testing';
import {
  event,
  RECORD_SHOPPER_EVENTS,
  startActivity,
  views,
  type ActivityHarness,
  type RecordEventsData,
} from './support/activity-harness';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Product { id viewCount }
  ... on User { id recentlyViewed(first: 3) { id } } } }`;

describe('activity entities', () => {
  let activity: ActivityHarness;

  beforeAll(async () => {
    activity = await startActivity();
    // 30 products viewed 1..30 times, and 5 users who each viewed 4 products
    const productViews = Array.from({ length: 30 }, (_, i) => views(`ent-p${i}`, i + 1)).flat();
    for (let start = 0; start < productViews.length; start += 100) {
      const result = await callGraphQL<{ recordShopperEvents: RecordEventsData }>(activity.server.url, RECORD_SHOPPER_EVENTS, {
        shopper: 'guest:g-entities',
        events: productViews.slice(start, start + 100),
      });
      expect(result.data?.recordShopperEvents.rejected).toEqual([]);
    }
    for (let user = 0; user < 5; user += 1) {
      const result = await callGraphQL<{ recordShopperEvents: RecordEventsData }>(activity.server.url, RECORD_SHOPPER_EVENTS, {
        shopper: `user:ent-u${user}`,
        events: Array.from({ length: 4 }, (_, n) =>
          event('view', { productId: `ent-u${user}-p${n}`, at: new Date(Date.now() - (4 - n) * 60_000).toISOString() }),
        ),
      });
      expect(result.data?.recordShopperEvents.rejected).toEqual([]);
    }
  });

  afterAll(async () => {
    await activity?.close();
  });

  beforeEach(() => activity.roundTrips.reset());

  it('when the gateway resolves 30 products and 5 users by reference, then it costs one read for each kind', async () => {
    // given representations of 30 products, 5 users and one product nobody viewed
    const representations = [
      ...Array.from({ length: 30 }, (_, i) => ({ __typename: 'Product', id: `ent-p${i}` })),
      ...Array.from({ length: 5 }, (_, i) => ({ __typename: 'User', id: `ent-u${i}` })),
      { __typename: 'Product', id: 'ent-never-viewed' },
    ];

    // when the gateway (a service identity here) asks for their activity fields
    const result = await callGraphQL<{ _entities: Array<Record<string, unknown>> }>(activity.server.url, ENTITIES, {
      r: representations,
    });

    // then every entity answers in order, from one view-count read and one history read
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities;
    expect(entities).toHaveLength(36);
    expect(entities[0]).toEqual({ id: 'ent-p0', viewCount: 1 });
    expect(entities[29]).toEqual({ id: 'ent-p29', viewCount: 30 });
    expect(entities[30]).toEqual({ id: 'ent-u0', recentlyViewed: [{ id: 'ent-u0-p3' }, { id: 'ent-u0-p2' }, { id: 'ent-u0-p1' }] });
    expect(entities[35]).toEqual({ id: 'ent-never-viewed', viewCount: 0 });
    expect(activity.roundTrips.of('counters.viewCounts')).toBe(1);
    expect(activity.roundTrips.of('history.read')).toBe(1);
    expect(activity.roundTrips.total()).toBe(2);
  });

  it('when a request carries no signed identity, then it gets 401 and no data', async () => {
    // when an unsigned request asks for entities
    const result = await callGraphQL(activity.server.url, ENTITIES, { r: [{ __typename: 'Product', id: 'ent-p1' }] }, { identity: null });

    // then it is refused before any read
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(activity.roundTrips.total()).toBe(0);
  });

  it('when the identity is signed with another secret, then it gets 401', async () => {
    // when a forged admin identity asks
    const result = await callGraphQL(activity.server.url, ENTITIES, { r: [] }, {
      identity: identities.admin(),
      secret: 'forged-secret-forged-secret-forged-secret',
    });

    // then it is refused
    expect(result.status).toBe(401);
  });
});
