import { createLogger, RoundTripCounter, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities } from '@shop/platform/testing';
import { bucketOf, bucketsInWindow, shardOf } from '../src/domain/buckets';
import { DEFAULT_SETTINGS } from '../src/domain/settings';
import { createRepositories } from '../src/server';
import { TrendingBoard } from '../src/domain/trending-board';
import type { ActivityDeps } from '../src/use-cases/deps';
import { loadTrendingSources, MAX_TRENDING, pruneExpiredBuckets } from '../src/use-cases/trending';
import { catalogProduct, startCatalog, type CatalogFixture } from './support/catalog-fixture';
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
  let catalog: CatalogFixture;
  let activity: ActivityHarness;

  beforeAll(async () => {
    // The real catalog: three shoes and three tees, added one day apart (tee-3 is the newest).
    const shoes: [string, string, string] = ['Footwear', 'Shoes', 'Casual Shoes'];
    const tees: [string, string, string] = ['Apparel', 'Topwear', 'Tshirts'];
    catalog = await startCatalog([
      catalogProduct('shoe-1', shoes, 1),
      catalogProduct('tee-1', tees, 2),
      catalogProduct('shoe-2', shoes, 3),
      catalogProduct('tee-2', tees, 4),
      catalogProduct('shoe-3', shoes, 5),
      catalogProduct('tee-3', tees, 6),
    ]);
    activity = await startActivity({ catalogUrl: catalog.url });
  });

  afterAll(async () => {
    await activity?.close();
    await catalog?.close();
  });

  beforeEach(() => activity.roundTrips.reset());

  /** What the use cases need, on the test keyspace, without a server. */
  const deps = (now: () => Date = () => new Date()): ActivityDeps => ({
    repositories: createRepositories(activity.client, activity.keyspace),
    catalog: { newestProductIds: async () => [] },
    settings: DEFAULT_SETTINGS,
    trendingBoard: null,
    logger: createLogger('activity', 'silent'),
    now,
  });

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

      // then the catalog's newest products fill it, in one call (the catalog answers only a signed service identity)
      expect(ids).toEqual(['tee-3', 'shoe-3', 'tee-2']);
      expect(activity.roundTrips.of('catalog.newestProducts')).toBe(1);
    });

    it('when a category has no activity yet, then the catalog newest products of that category answer', async () => {
      // when trending of the footwear category (the catalog's id of it) is asked for
      const ids = await trending({ first: 5, category: 'footwear' });

      // then only shoes, newest first
      expect(ids).toEqual(['shoe-3', 'shoe-2', 'shoe-1']);
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

  it('when too little happened recently, then best sellers fill up before the newest products, and the configured fallbacks come last', async () => {
    // given purchases two days ago (outside a 12-hour window) and one view now, in the apparel > topwear category
    const server = await activity.startServer({
      catalogUrl: catalog.url,
      settings: { trendingWindowHours: 12, fallbackProductIds: ['seed-1', 'tee-2'] },
    });
    const categoryIds = ['apparel.topwear.tshirts', 'apparel.topwear', 'apparel'];
    await record([
      event('view', { productId: 'best-1', categoryIds, at: hoursAgo(48) }),
      event('view', { productId: 'best-2', categoryIds, at: hoursAgo(48) }),
      event('view', { productId: 'fresh-1', categoryIds }),
    ]);
    await recordPurchases([
      event('purchase', { productId: 'best-1', quantity: 3, at: hoursAgo(48) }),
      event('purchase', { productId: 'best-2', quantity: 1, at: hoursAgo(48) }),
    ]);

    // when trending of topwear asks for six products, and then trending of everything for more than there are
    const topwear = await trending({ first: 6, category: 'apparel.topwear' }, server);
    const everything = await trending({ first: 50 }, server);

    // then: what trends now, the best sellers by units, then the catalog's newest topwear
    expect(topwear).toEqual(['fresh-1', 'best-1', 'best-2', 'tee-3', 'tee-2', 'tee-1']);
    // and without a category: recent interest, then the catalog's newest, then the configured ones not shown yet
    expect(everything.indexOf('fresh-1')).toBeLessThan(everything.indexOf('tee-3'));
    expect(everything.indexOf('tee-3')).toBeLessThan(everything.indexOf('tee-1'));
    expect(everything.at(-1)).toBe('seed-1');
    expect(everything.filter((id) => id === 'tee-2')).toHaveLength(1);
  });

  it('when trending is kept in memory, then requests read nothing from Cassandra, and a refresh brings new interest in', async () => {
    // given a server keeping trending in memory (refreshed hourly, so only the test refreshes it)
    const counter = new RoundTripCounter();
    const server = await activity.startServer({ catalogUrl: catalog.url, settings: { trendingCacheSeconds: 3600 }, roundTrips: counter });
    const categoryIds = ['cat-board'];
    await record(views('board-1', 2, { categoryIds }));
    expect(await trending({ first: 3, category: 'cat-board' }, server)).toEqual(['board-1']);
    await trending({ first: 3 }, server); // waits for the all-categories list the server loads at start
    counter.reset();

    // when the home page asks again and again
    for (let i = 0; i < 5; i++) {
      expect(await trending({ first: 3, category: 'cat-board' }, server)).toEqual(['board-1']);
      expect(await trending({ first: 3 }, server)).toHaveLength(3);
    }

    // then nothing was read
    expect(counter.total()).toBe(0);

    // and given a board as the server builds it, when more interest arrives and the board is refreshed (as its timer does), then it shows
    const board = new TrendingBoard(
      (category, previous) => loadTrendingSources(deps(), category, MAX_TRENDING, previous),
      { refreshMs: 3_600_000, idleMs: 3_600_000, maxCategories: 10 },
    );
    expect((await board.sources('cat-board')).ranked).toEqual(['board-1']);
    await record(views('board-2', 5, { categoryIds }));
    expect((await board.sources('cat-board')).ranked).toEqual(['board-1']);
    await board.refreshAll();
    expect((await board.sources('cat-board')).ranked).toEqual(['board-2', 'board-1']);
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

    // when expired buckets are pruned
    const pruned = await pruneExpiredBuckets(deps(() => now), 24 * 5);

    // then the old bucket is gone and the current one remains
    expect(pruned).toContain(oldBucket);
    expect(pruned).not.toContain(bucketsInWindow(now, DEFAULT_SETTINGS.trendingWindowHours).at(-1));
    expect(await repositories.counters.readBuckets([oldBucket], 'cat-prune')).toEqual([]);
    expect(await repositories.counters.readBuckets([bucketOf(now)], 'cat-prune')).toHaveLength(1);
  });
});
