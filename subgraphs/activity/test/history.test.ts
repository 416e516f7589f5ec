import type { Identity } from '@shop/platform';
import { callGraphQL, identities } from '@shop/platform/testing';
import {
  event,
  hoursAgo,
  RECORD_EVENTS,
  startActivity,
  type ActivityHarness,
  type RecordEventsData,
} from './support/activity-harness';

const RECENTLY_VIEWED = `query($first: Int) { recentlyViewed(first: $first) { id } }`;
const USER_RECENTLY_VIEWED = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id recentlyViewed { id } } } }`;
const RECENT_ACTIVITY = `query($shopper: String!, $first: Int) { recentActivity(shopper: $shopper, first: $first) { type productId query source at } }`;
const MERGE = `mutation($from: String!, $to: String!) { mergeShopperActivity(from: $from, to: $to) }`;

describe('shopper history', () => {
  let activity: ActivityHarness;

  beforeAll(async () => {
    activity = await startActivity();
  });

  afterAll(async () => {
    await activity?.close();
  });

  const record = async (identity: Identity, events: unknown[]) => {
    const result = await callGraphQL<{ recordEvents: RecordEventsData }>(activity.server.url, RECORD_EVENTS, { events }, { identity });
    expect(result.data?.recordEvents.rejected).toEqual([]);
  };

  const recentlyViewed = async (identity: Identity, first?: number) => {
    const result = await callGraphQL<{ recentlyViewed: Array<{ id: string }> }>(activity.server.url, RECENTLY_VIEWED, { first }, { identity });
    expect(result.errors).toBeUndefined();
    return result.data!.recentlyViewed.map((product) => product.id);
  };

  const merge = (from: string, to: string) => callGraphQL<{ mergeShopperActivity: boolean }>(activity.server.url, MERGE, { from, to });

  it('when a guest views products again and again, then recentlyViewed lists each once, latest view first', async () => {
    // given views of p1, p2, p1 again and p3, and a search and a click that are not views
    const guest = identities.guest();
    await record(guest, [
      event('view', { productId: 'hist-p1', at: hoursAgo(5) }),
      event('view', { productId: 'hist-p2', at: hoursAgo(4) }),
      event('view', { productId: 'hist-p1', at: hoursAgo(3) }),
      event('view', { productId: 'hist-p3', at: hoursAgo(2) }),
      event('click', { productId: 'hist-p9', source: 'sidebar', at: hoursAgo(1) }),
      event('search', { query: 'linen shirt' }),
    ]);

    // when the guest asks for their recently viewed products
    const all = await recentlyViewed(guest);
    const two = await recentlyViewed(guest, 2);

    // then each product appears once, at its latest view, newest first
    expect(all).toEqual(['hist-p3', 'hist-p1', 'hist-p2']);
    expect(two).toEqual(['hist-p3', 'hist-p1']);
  });

  it('when a guest signs in, then their history joins the user history in time order, once however often merged', async () => {
    // given a guest who viewed g1 and g2, and the user they sign in as, who viewed u1 in between
    const guest = identities.guest();
    const user = identities.shopper(undefined, guest.guestId);
    await record(guest, [event('view', { productId: 'merge-g1', at: hoursAgo(3) }), event('view', { productId: 'merge-g2', at: hoursAgo(1) })]);
    await record(user, [event('view', { productId: 'merge-u1', at: hoursAgo(2) })]);

    // when accounts merges the guest into the user, twice (a retried sign-in)
    const first = await merge(`guest:${guest.guestId}`, `user:${user.userId}`);
    const again = await merge(`guest:${guest.guestId}`, `user:${user.userId}`);

    // then the user's history holds all three views in time order, the guest's none, and no duplicates
    expect(first.data?.mergeShopperActivity).toBe(true);
    expect(again.data?.mergeShopperActivity).toBe(true);
    expect(await recentlyViewed(user)).toEqual(['merge-g2', 'merge-u1', 'merge-g1']);
    expect(await recentlyViewed(guest)).toEqual([]);
    const activityOfUser = await callGraphQL<{ recentActivity: unknown[] }>(activity.server.url, RECENT_ACTIVITY, {
      shopper: `user:${user.userId}`,
    });
    expect(activityOfUser.data?.recentActivity).toHaveLength(3);
  });

  it('when a merge names a user as the source or the same shopper twice, then it is BAD_USER_INPUT', async () => {
    // when the merge's ends are wrong
    const fromUser = await merge('user:u-1', 'user:u-2');
    const same = await merge('guest:g-1', 'guest:g-1');
    const malformed = await merge('guest:', 'user:u-1');

    // then each is refused with a code
    for (const result of [fromUser, same, malformed]) expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('when recommendations reads a shopper activity, then it gets every kind of event newest first', async () => {
    // given a shopper who searched, viewed and clicked
    const shopper = identities.shopper();
    await record(shopper, [
      event('search', { query: 'running shoes', at: hoursAgo(3) }),
      event('view', { productId: 'act-p1', at: hoursAgo(2) }),
      event('click', { productId: 'act-p2', source: 'similar', at: hoursAgo(1) }),
    ]);

    // when a service reads their two latest events
    const result = await callGraphQL<{ recentActivity: Array<{ type: string; productId: string | null; query: string | null; source: string | null; at: string }> }>(
      activity.server.url,
      RECENT_ACTIVITY,
      { shopper: `user:${shopper.userId}`, first: 2 },
    );

    // then they come newest first with their details
    expect(result.errors).toBeUndefined();
    expect(result.data!.recentActivity.map(({ type, productId, source }) => [type, productId, source])).toEqual([
      ['click', 'act-p2', 'similar'],
      ['view', 'act-p1', null],
    ]);
    expect(Date.parse(result.data!.recentActivity[0]!.at)).toBeGreaterThan(Date.parse(result.data!.recentActivity[1]!.at));
  });

  it('when a shopper asks for another user history through User, then it is FORBIDDEN', async () => {
    // given a user with history and another shopper
    const owner = identities.shopper();
    await record(owner, [event('view', { productId: 'private-p1' })]);

    // when the other shopper and the owner ask for the owner's recentlyViewed
    const representation = { r: [{ __typename: 'User', id: owner.userId }] };
    const stranger = await callGraphQL(activity.server.url, USER_RECENTLY_VIEWED, representation, { identity: identities.shopper() });
    const self = await callGraphQL<{ _entities: Array<{ recentlyViewed: Array<{ id: string }> }> }>(
      activity.server.url,
      USER_RECENTLY_VIEWED,
      representation,
      { identity: owner },
    );

    // then the stranger is refused and the owner sees their views
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(self.data?._entities[0]?.recentlyViewed).toEqual([{ id: 'private-p1' }]);
  });
});
