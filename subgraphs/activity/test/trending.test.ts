import { createLogger, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities } from '@shop/platform/testing';
import { bucketOf, bucketsInWindow, shardOf } from '../src/domain/buckets';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { TtlCache } from '../src/domain/ttl-cache';
import { createRepositories } from '../src/server';
import { pruneExpiredBuckets } from '../src/use-cases/trending';
import { startCatalogStub, type CatalogStub } from './support/catalog-stub';
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

const TRENDING = `query($first: Int, $category: String) { trending(first: $first, category: $category) { id } }`;

describe('trending products', () => {
  let catalog: CatalogStub;
  let activity: ActivityHarness;

  beforeAll(async () => {
    catalog = await startCatalogStub((category) =>
      Array.from({ length: 10 }, (_, i) => (category ? `${category}-new-${i + 1}` : `new-${i + 1}`)),
    );
    activity = await startActivity({ catalogUrl: catalog.url });
  });

  afterAll(async () => {
    await activity?.close();
    await catalog?.close();
  });

  beforeEach(() => activity.roundTrips.reset());

  const trending = async (variables: { first?: number; category?: string }, server: RunningSubgraph = activity.server) => {
    const result = await callGraphQL<{ trending: Array<{ id: string }> }>(server.url, TRENDING, variables, {
      identity: identities.guest(),
    });
    expect(result.errors).toBeUndefined();
    return result.data!.trending.map((product) => product.id);
  };

  const record = async (events: unknown[]) => {
    const result = await callGraphQL<{ recordEvents: RecordEventsData }>(activity.server.url, RECORD_EVENTS, { events }, {
      identity: identities.guest(),
    });
    expect(result.data?.recordEvents.rejected).toEqual([]);
  };

  const recordPurchases = async (events: unknown[]) => {
    const result = await callGraphQL<{ recordShopperEvents: RecordEventsData }>(activity.server.url, RECORD_SHOPPER_EVENTS, {
      shopper: 'user:u-trending-buyer',
      events,
    });
    expect(result.data?.recordShopperEvents.rejected).toEqual([]);
  };

  // These two run first, while the keyspace holds no activity at all.
  describe('before anything happened', () => {
    it('when nothing has happened yet, then trending answers with the catalog newest products', async () => {
      // when the home page asks for trending on an empty keyspace
      const ids = await trending({ first: 3 });

      // then the catalog's newest products fill it, asked for with activity's service identity
      expect(ids).toEqual(['new-1', 'new-2', 'new-3']);
      expect(catalog.requests).toHaveLength(1);
      expect(catalog.requests[0]!.identity).toMatchObject({ role: 'service', service: 'activity' });
      expect(catalog.requests[0]!.query).toContain('sort: NEWEST');
    });

    it('when the catalog cannot be reached either, then the configured fallback products answer', async () => {
      // given a server whose catalog is down and which has seeded fallbacks
      const server = await activity.startServer({ settings: { fallbackProductIds: ['seed-1', 'seed-2'] } });

      // when trending is asked for
      const ids = await trending({ first: 5 }, server);

      // then the page still gets products
      expect(ids).toEqual(['seed-1', 'seed-2']);
    });
  });

  it('when products draw different kinds of interest, then purchases weigh most, then carts, views and clicks', async () => {
    // given, in one category: 2 purchases of A, 6 views of B, 1 add-to-cart of C, 4 clicks on D
    const categoryIds = ['cat-order'];
    await record([
      ...views('order-b', 6, { categoryIds }),
      event('add_to_cart', { productId: 'order-c', categoryIds }),
      ...Array.from({ length: 4 }, () => event('click', { productId: 'order-d', source: 'similar', categoryIds })),
      event('view', { productId: 'order-a', categoryIds }),
    ]);
    await recordPurchases([event('purchase', { productId: 'order-a', quantity: 2 })]);
    activity.roundTrips.reset();

    // when trending of that category is asked for
    const ids = await trending({ first: 4, category: 'cat-order' });

    // then A (1 view + 2 purchases) leads, then B, C and D, read in one request
    expect(ids).toEqual(['order-a', 'order-b', 'order-c', 'order-d']);
    expect(activity.roundTrips.of('counters.readBuckets')).toBe(1);
  });

  it('when interest is older, then it weighs less: fresh views beat more views from days ago', async () => {
    // given 8 views of OLD 66 hours ago, 4 views of MID 30 hours ago and 3 views of NEW now
    const categoryIds = ['cat-decay'];
    await record([
      ...views('decay-old', 8, { categoryIds, at: hoursAgo(66) }),
      ...views('decay-mid', 4, { categoryIds, at: hoursAgo(30) }),
      ...views('decay-new', 3, { categoryIds }),
    ]);

    // when trending of that category is asked for
    const ids = await trending({ first: 3, category: 'cat-decay' });

    // then the newest interest leads despite having the fewest views
    expect(ids).toEqual(['decay-new', 'decay-mid', 'decay-old']);
  });

  it('when a category is asked for, then only products seen in it count, and purchases count under the categories last seen', async () => {
    // given shoes and shirts viewed with their categories, and a purchase of a shoe sent without any
    await record([
      ...views('shoe-1', 5, { categoryIds: ['shoes', 'footwear'] }),
      ...views('shoe-2', 1, { categoryIds: ['shoes', 'footwear'] }),
      ...views('shirt-1', 9, { categoryIds: ['shirts', 'apparel'] }),
    ]);
    await recordPurchases([event('purchase', { productId: 'shoe-2' })]);

    // when trending of shoes (and of their parent category) is asked for
    const shoes = await trending({ first: 2, category: 'shoes' });
    const footwear = await trending({ first: 2, category: 'footwear' });

    // then shirts are left out and the bought shoe leads (1 view + 1 purchase beats 5 views)
    expect(shoes).toEqual(['shoe-2', 'shoe-1']);
    expect(footwear).toEqual(['shoe-2', 'shoe-1']);
  });

  it('when too little happened recently, then best sellers fill up before the newest products', async () => {
    // given purchases two days ago (outside a 12-hour window) and one view now, in one category
    const server = await activity.startServer({ catalogUrl: catalog.url, settings: { trendingWindowHours: 12 } });
    const categoryIds = ['cat-best'];
    await record([
      event('view', { productId: 'best-1', categoryIds, at: hoursAgo(48) }),
      event('view', { productId: 'best-2', categoryIds, at: hoursAgo(48) }),
      event('view', { productId: 'fresh-1', categoryIds }),
    ]);
    await recordPurchases([
      event('purchase', { productId: 'best-1', quantity: 3, at: hoursAgo(48) }),
      event('purchase', { productId: 'best-2', quantity: 1, at: hoursAgo(48) }),
    ]);

    // when trending of that category asks for five products
    const ids = await trending({ first: 5, category: 'cat-best' }, server);

    // then: what trends now, the best sellers by units, then the category's newest from the catalog
    expect(ids).toEqual(['fresh-1', 'best-1', 'best-2', 'cat-best-new-1', 'cat-best-new-2']);
  });

  it('when trending is asked for with bad arguments, then it answers BAD_USER_INPUT', async () => {
    // when first is over the limit or the category is not an id
    const tooMany = await callGraphQL(activity.server.url, TRENDING, { first: 500 }, { identity: identities.guest() });
    const injected = await callGraphQL(activity.server.url, TRENDING, { category: '" } } { __schema' }, { identity: identities.guest() });

    // then both are refused with a code
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(injected.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('when trending buckets age out, then pruning deletes them and keeps the current ones', async () => {
    // given counters in a bucket ten days old and in the current one
    const repositories = createRepositories(activity.client, activity.keyspace);
    const now = new Date();
    const oldBucket = bucketOf(new Date(now.getTime() - 10 * 24 * 3_600_000));
    const row = (bucket: number) => ({ bucket, shard: shardOf('pruned-1'), slice: 'cat-prune', productId: 'pruned-1', views: 1, clicks: 0, carts: 0, purchases: 0 });
    await repositories.counters.increment([row(oldBucket), row(bucketOf(now))], []);
    const deps = {
      repositories,
      catalog: { newestProductIds: async () => [] },
      settings: DEFAULT_SETTINGS,
      trendingCache: new TtlCache<string[]>(0),
      logger: createLogger('activity', 'silent'),
      now: () => now,
    };

    // when expired buckets are pruned
    const pruned = await pruneExpiredBuckets(deps, 24 * 5);

    // then the old bucket is gone and the current one remains
    expect(pruned).toContain(oldBucket);
    expect(pruned).not.toContain(bucketsInWindow(now, DEFAULT_SETTINGS.trendingWindowHours).at(-1));
    expect(await repositories.counters.readBuckets([oldBucket], 'cat-prune')).toEqual([]);
    expect(await repositories.counters.readBuckets([bucketOf(now)], 'cat-prune')).toHaveLength(1);
  });
});
