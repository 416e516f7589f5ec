import { randomUUID } from 'node:crypto';
import { BUCKET_HOURS, bucketOf, bucketsInWindow, expiredBuckets, monthsBetween, shardOf, SHARDS } from '../src/domain/buckets';
import { counterIncrements } from '../src/domain/counters';
import { validateEvents, type ActivityEvent } from '../src/domain/events';
import { distinctViewedProducts, historyTtlSeconds, type HistoryEntry } from '../src/domain/history';
import { fillUp, rankBestSellers, rankTrending } from '../src/domain/trending';

const NOW = new Date('2025-03-10T12:00:00Z');
const policy = { now: NOW, maxEventAgeMs: 168 * 3_600_000, allowPurchase: false };

const view = (productId: string, at: Date = NOW): ActivityEvent => ({
  id: randomUUID(),
  type: 'view',
  productId,
  sku: null,
  source: null,
  query: null,
  categoryIds: [],
  quantity: 1,
  at,
});

describe('activity domain', () => {
  it('when timestamps come with or without a zone, then only zoned ISO 8601 ones are accepted', () => {
    // given the same instant written several ways
    const at = (value: string) => ({ id: randomUUID(), type: 'view', productId: 'p1', at: value });

    // when they are validated
    const { events, rejected } = validateEvents(
      [at('2025-03-10T11:00:00Z'), at('2025-03-10T16:30:00+05:30'), at('2025-03-10T11:00:00'), at('1741604400')],
      policy,
    );

    // then the zoned ones are kept at the same instant and the others rejected
    expect(events.map((event) => event.at.toISOString())).toEqual(['2025-03-10T11:00:00.000Z', '2025-03-10T11:00:00.000Z']);
    expect(rejected.map((rejection) => [rejection.index, rejection.code])).toEqual([
      [2, 'INVALID_TIMESTAMP'],
      [3, 'INVALID_TIMESTAMP'],
    ]);
  });

  it('when a timestamp is a few minutes ahead (clock skew), then it is accepted; an hour ahead is not', () => {
    // when events slightly and clearly in the future are validated
    const { events, rejected } = validateEvents(
      [
        { id: randomUUID(), type: 'view', productId: 'p1', at: '2025-03-10T12:03:00Z' },
        { id: randomUUID(), type: 'view', productId: 'p1', at: '2025-03-10T13:00:00Z' },
      ],
      policy,
    );

    // then only the skewed one passes
    expect(events).toHaveLength(1);
    expect(rejected[0]?.code).toBe('TIMESTAMP_IN_FUTURE');
  });

  it('when history spans a year boundary, then the month partitions are listed newest first', () => {
    // when the months between November and February are listed
    const months = monthsBetween(new Date('2024-11-20T00:00:00Z'), new Date('2025-02-03T00:00:00Z'));

    // then all four are there, newest first
    expect(months).toEqual([202502, 202501, 202412, 202411]);
  });

  it('when buckets are computed, then they are 6-hour aligned, the window covers it and expired ones lie beyond it', () => {
    // when the buckets of a 72-hour window and the expired ones are computed
    const window = bucketsInWindow(NOW, 72);
    const expired = expiredBuckets(NOW, { windowHours: 72, maxEventAgeHours: 168, lookbackHours: 48 });

    // then they are aligned, contiguous, and expired buckets end before the oldest accepted event
    expect(window[0]).toBe(bucketOf(NOW));
    expect(window).toHaveLength(72 / BUCKET_HOURS + 1);
    expect(window.every((bucket) => bucket % BUCKET_HOURS === 0)).toBe(true);
    expect(expired).toHaveLength(48 / BUCKET_HOURS);
    const oldestAccepted = (NOW.getTime() - 168 * 3_600_000) / 3_600_000;
    expect(Math.max(...expired) + BUCKET_HOURS).toBeLessThan(oldestAccepted);
  });

  it('when product ids are sharded, then they spread over every shard and always to the same one', () => {
    // when 200 ids are sharded twice
    const shards = Array.from({ length: 200 }, (_, i) => shardOf(`p-${i}`));

    // then all shards are used and the mapping is stable
    expect(new Set(shards).size).toBe(SHARDS);
    expect(Array.from({ length: 200 }, (_, i) => shardOf(`p-${i}`))).toEqual(shards);
  });

  it('when a batch holds many events of one product, then they sum into one increment per counter row', () => {
    // given 50 views of p1 and a purchase of 3 units of p2 in a category
    const purchase: ActivityEvent = { ...view('p2'), type: 'purchase', quantity: 3 };
    const counted = [...Array.from({ length: 50 }, () => ({ event: view('p1'), categoryIds: [] })), { event: purchase, categoryIds: ['shoes'] }];

    // when the increments are computed
    const { buckets, totals } = counterIncrements(counted);

    // then p1 has one row (all categories) and p2 two (all and shoes)
    expect(buckets).toHaveLength(3);
    expect(totals.find((row) => row.productId === 'p1')).toMatchObject({ slice: '*', views: 50, purchases: 0 });
    expect(totals.filter((row) => row.productId === 'p2').map((row) => [row.slice, row.purchases])).toEqual([
      ['*', 3],
      ['shoes', 3],
    ]);
  });

  it('when interest decays, then equal counts rank the newer bucket first and half-life halves the weight', () => {
    // given 10 views a day old and 6 views now, with a 24-hour half-life
    const day = 24 / BUCKET_HOURS;
    const rows = [
      { bucket: bucketOf(NOW) - day * BUCKET_HOURS, productId: 'old', views: 10, clicks: 0, carts: 0, purchases: 0 },
      { bucket: bucketOf(NOW), productId: 'new', views: 6, clicks: 0, carts: 0, purchases: 0 },
    ];

    // when they are ranked
    const ranked = rankTrending(rows, NOW, 24);

    // then 6 fresh views beat 10 that count half
    expect(ranked).toEqual(['new', 'old']);
  });

  it('when fallbacks overlap, then fillUp keeps the first occurrence and stops at first', () => {
    // when three lists fill five places
    const ids = fillUp(5, [['a', 'b'], ['b', 'c'], ['d', 'e', 'f']]);

    // then duplicates are skipped in order
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rankBestSellers([
      { productId: 'x', views: 100, clicks: 0, carts: 0, purchases: 0 },
      { productId: 'y', views: 1, clicks: 0, carts: 0, purchases: 2 },
      { productId: 'z', views: 9, clicks: 0, carts: 0, purchases: 2 },
    ])).toEqual(['z', 'y']);
  });

  it('when history rows are read, then distinct viewed products come newest first and ttl follows the event time', () => {
    // given views of a, b, a again (newest) and a click on c
    const entry = (productId: string, minutesAgo: number, type: HistoryEntry['type'] = 'view'): HistoryEntry => ({
      shopper: 'guest:g', eventId: randomUUID(), type, productId, sku: null, source: null, query: null, quantity: 1,
      at: new Date(NOW.getTime() - minutesAgo * 60_000),
    });

    // when the distinct viewed products are taken
    const ids = distinctViewedProducts([entry('a', 30), entry('b', 20), entry('a', 10), entry('c', 5, 'click')], 10);

    // then a leads, b follows, the click is not a view; a day-old event keeps 89 days of life
    expect(ids).toEqual(['a', 'b']);
    expect(historyTtlSeconds(new Date(NOW.getTime() - 86_400_000), NOW, 90)).toBe(89 * 86_400);
  });
});
