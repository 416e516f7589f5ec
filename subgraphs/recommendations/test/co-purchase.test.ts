import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoPurchaseStore } from '../src/data-access/co-purchase-store';
import { basketsOf, CoPurchaseCounts } from '../src/domain/co-purchase';
import type { ShopperEvent } from '../src/domain/profile';
import { rankForShopper } from '../src/domain/rank';

const now = new Date();
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const event = (type: string, productId: string, at: Date): ShopperEvent => ({ type, productId, sku: null, quantity: 1, at });

describe('co-purchases', () => {
  it('when a history has two orders and cart sessions, then each order is a basket and only ended cart sessions count, at half weight', () => {
    // given orders at two times, one ended cart session and one still going
    const history = [
      event('purchase', 'a', minutesAgo(600)),
      event('purchase', 'b', minutesAgo(600)),
      event('purchase', 'c', minutesAgo(300)),
      event('purchase', 'd', minutesAgo(300)),
      event('add_to_cart', 'e', minutesAgo(200)),
      event('add_to_cart', 'f', minutesAgo(190)),
      event('view', 'x', minutesAgo(180)),
      event('add_to_cart', 'g', minutesAgo(10)),
      event('add_to_cart', 'h', minutesAgo(5)),
    ];
    // when
    const baskets = basketsOf(history, now);
    // then
    expect(baskets.map((basket) => [basket.items.sort(), basket.weight])).toEqual([
      [['a', 'b'], 1],
      [['c', 'd'], 1],
      [['e', 'f'], 0.5],
    ]);
    // the same basket read from another history (a guest's, moved to the user on sign-in) has the same key
    expect(basketsOf([...history].reverse(), now).map((basket) => basket.key)).toEqual(expect.arrayContaining(baskets.map((basket) => basket.key)));
  });

  it('when baskets are counted, then related products are ranked by the cosine of co-occurrence, never the product itself', () => {
    // given
    const counts = new CoPurchaseCounts();
    counts.add(['tea', 'cups']);
    counts.add(['tea', 'cups', 'spoon']);
    counts.add(['tea', 'bag']);
    counts.add(['bag', 'wallet']);
    // when
    const related = counts.related('tea', 5);
    // then: cups with tea in 2 of tea's 3 baskets and all of its own 2
    expect(related.map((product) => product.id)).toEqual(['cups', 'spoon', 'bag']);
    expect(related[0]!.score).toBeCloseTo(2 / Math.sqrt(3 * 2), 6);
    expect(counts.related('unknown', 5)).toEqual([]);
  });

  it('when the same histories are read again and the store is reopened, then no basket is counted twice and the counts are back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recs-copurchase-'));
    try {
      // given
      const baskets = basketsOf([event('purchase', 'a', minutesAgo(90)), event('purchase', 'b', minutesAgo(90))], now);
      const store = CoPurchaseStore.open({ dir, saveIntervalMs: Infinity });
      // when
      const first = store.learn(baskets);
      const again = store.learn(baskets);
      store.close();
      const reopened = CoPurchaseStore.open({ dir });
      // then
      expect([first, again]).toEqual([1, 0]);
      expect(reopened.learn(baskets)).toBe(0);
      expect(reopened.related(['a'], 5).get('a')).toEqual([{ id: 'b', score: 1 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a shopper viewed a product others bought with another, then that other ranks with the reason bought-with; bought products only while rebuys are on', () => {
    // given
    const input = {
      interests: [{ productId: 'tea', weight: 1 }],
      neighbours: new Map([['tea', [{ id: 'coffee', score: 0.6 }]]]),
      coPurchased: new Map([['tea', [{ id: 'cups', score: 0.8 }, { id: 'kettle', score: 0.5 }]]]),
      popular: [],
      purchased: new Set(['kettle']),
      exclude: new Set<string>(),
    };
    // when
    const ranked = rankForShopper(input, { coPurchaseWeight: 1, rebuyWeight: 8 });
    const withoutRebuys = rankForShopper(input, { coPurchaseWeight: 1, rebuyWeight: 0 });
    const withoutCoPurchase = rankForShopper(input, { coPurchaseWeight: 0 });
    // then
    expect(ranked.find((item) => item.id === 'cups')).toMatchObject({ reason: { kind: 'bought_with', productId: 'tea' } });
    expect(ranked.map((item) => item.id)).toContain('kettle');
    expect(withoutRebuys.map((item) => item.id)).not.toContain('kettle');
    expect(withoutCoPurchase.map((item) => item.id)).toEqual(['coffee']);
  });
});
