import { Lru } from '../src/caching/lru';
import { ReadCache } from '../src/caching/read-cache';

describe('Lru', () => {
  it('when more keys than it holds are set, then the least recently used goes first', () => {
    // given
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');

    // when
    lru.set('c', 3);

    // then
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});

describe('ReadCache', () => {
  let now = 1_000;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('when a value was read, then it is served until ttl after its read began, and not after', () => {
    // given
    const cache = new ReadCache<number>({ ttlMs: 1_000, maxEntries: 10, now: clock });
    const ticket = cache.begin();
    now += 300; // the read took 300 ms
    cache.keep(ticket, [['k', 5]]);

    // when
    now = 1_999;
    const justBefore = cache.get('k');
    now = 2_000;
    const atTtl = cache.get('k');

    // then
    expect(justBefore).toEqual({ value: 5 });
    expect(atTtl).toBeUndefined();
  });

  it('when this process writes a key while a read of it is in flight, then the read does not put its older answer back', () => {
    // given
    const cache = new ReadCache<number>({ ttlMs: 1_000, maxEntries: 10, now: clock });
    const before = cache.begin();

    // when
    cache.invalidate(['k']);
    cache.keep(before, [['k', 5], ['other', 6]]);
    const after = cache.begin();
    const missAfterWrite = cache.get('k');
    cache.keep(after, [['k', 4]]);

    // then
    expect(missAfterWrite).toBeUndefined();
    expect(cache.get('k')).toEqual({ value: 4 });
    expect(cache.get('other')).toEqual({ value: 6 });
  });

  it('when a cached key is written by this process, then it is forgotten at once', () => {
    // given
    const cache = new ReadCache<number | null>({ ttlMs: 1_000, maxEntries: 10, now: clock });
    cache.keep(cache.begin(), [['k', 5], ['absent', null]]);

    // when
    cache.invalidate(['k']);

    // then
    expect(cache.get('k')).toBeUndefined();
    expect(cache.get('absent')).toEqual({ value: null });
  });

  it('when more writes happened than it remembers, then reads begun before the forgotten ones keep nothing', () => {
    // given
    const cache = new ReadCache<number>({ ttlMs: 1_000, maxEntries: 2, now: clock });
    const old = cache.begin();
    cache.invalidate(['a']);
    cache.invalidate(['b']);
    cache.invalidate(['c']); // 'a' is forgotten

    // when
    cache.keep(old, [['a', 1]]);
    const keptFromOld = cache.get('a');
    const fresh = cache.begin();
    cache.keep(fresh, [['a', 2]]);

    // then
    expect(keptFromOld).toBeUndefined();
    expect(cache.get('a')).toEqual({ value: 2 });
  });
});
