import type { ProductVectorMetadata } from '../src/data-access/vector-index';
import { diversify, familyOf, type Candidate } from '../src/domain/diversify';
import { productText, textHash, type IndexableProduct } from '../src/domain/product-text';
import { buildProfile, type ShopperEvent } from '../src/domain/profile';
import { rankForShopper } from '../src/domain/rank';

const NOW = new Date('2025-03-10T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

function unit(values: number[]): Float32Array {
  const vector = Float32Array.from({ length: 8 }, (_, i) => values[i] ?? 0);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

const candidate = (id: string, score: number, values: number[], metadata: Partial<ProductVectorMetadata> = {}): Candidate => ({
  id,
  score,
  vector: unit(values),
  metadata: { name: id, brand: id, categories: [], articleType: 'Tshirts', colour: '', textHash: `h-${id}`, ...metadata },
});

const axis = (i: number) => Array.from({ length: 8 }, (_, d) => (d === i ? 1 : 0));

const event = (type: string, productId: string, at: Date, quantity = 1): ShopperEvent => ({ type, productId, sku: null, quantity, at });

describe('recommendations domain', () => {
  it('when a product is indexed, then its text leads with name, category, brand and attributes, and the hash follows text and model', () => {
    // given
    const product: IndexableProduct = {
      id: 'p1',
      name: 'Nike Men Blue Jersey',
      brand: 'Nike',
      description: 'Blue   cotton\njersey',
      categoryPath: ['Apparel', 'Topwear', 'Tshirts'],
      categoryKeys: ['c1', 'apparel'],
      attributes: [{ name: 'Fabric', value: 'Cotton' }, { name: 'Fit', value: '' }],
    };
    // when
    const text = productText(product);
    // then
    expect(text).toBe('Nike Men Blue Jersey. Apparel > Topwear > Tshirts. Brand: Nike. Fabric: Cotton. Blue cotton jersey');
    expect(textHash(text, 'model-a')).toBe(textHash(text, 'model-a'));
    expect(textHash(text, 'model-a')).not.toBe(textHash(text, 'model-b'));
    expect(textHash(`${text}!`, 'model-a')).not.toBe(textHash(text, 'model-a'));
  });

  it('when neighbours include the product itself and near-duplicates, then similar keeps neither', () => {
    // given
    const anchor = candidate('self', 1, [1, 0]);
    const pool = [
      candidate('self', 1, [1, 0]),
      candidate('twin', 0.99, [1, 0.01]), // cosine > 0.98 with the anchor
      candidate('renamed', 0.9, [1, 0.5], { name: 'self' }), // same name as the anchor
      candidate('a', 0.9, [1, 0.45]),
      candidate('a-copy', 0.9, [1, 0.45], { textHash: 'h-a' }), // same text as a
      candidate('b', 0.8, [1, -0.6]),
    ];
    // when
    const chosen = diversify(pool, 5, [anchor]);
    // then
    expect(chosen.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('when the nearest are colours of one shirt, then at most one of them is shown while other products remain', () => {
    const colours = ['Red', 'Green', 'Black', 'White'].map((colour, i) =>
      candidate(`polo-${colour}`, 0.95 - i * 0.01, axis(i), { name: `Acme Men ${colour} Polo`, brand: 'Acme', colour }),
    );
    const others = ['Puma', 'Nike', 'Adidas'].map((brand, i) => candidate(`tee-${brand}`, 0.8 - i * 0.01, axis(4 + i), { brand }));
    const anchor = candidate('polo-Blue', 1, axis(7), { name: 'Acme Men Blue Polo', brand: 'Acme', colour: 'Blue' });
    const chosen = diversify([...colours, ...others], 4, [anchor]);
    expect(chosen).toHaveLength(4);
    expect(chosen.filter((c) => c.id.startsWith('polo-'))).toHaveLength(1);
    expect(familyOf(colours[0]!.metadata)).toBe(familyOf(colours[1]!.metadata));
  });

  it('when too few varied candidates remain, then the caps give way rather than returning fewer', () => {
    const colours = ['Red', 'Green', 'Black'].map((colour, i) =>
      candidate(`polo-${colour}`, 0.9, [1, i], { name: `Acme ${colour} Polo`, brand: 'Acme', colour }),
    );
    expect(diversify(colours, 3)).toHaveLength(3);
  });

  it('when a shopper viewed, carted and bought products, then interest weighs the event type and fades with age', () => {
    // given
    const events = [
      event('view', 'viewed-today', NOW),
      event('view', 'viewed-long-ago', daysAgo(28)),
      event('add_to_cart', 'carted', daysAgo(1)),
      event('purchase', 'bought', daysAgo(2)),
      event('add_to_cart', 'bought', daysAgo(3)),
      event('search', 'ignored', NOW),
    ];
    // when
    const profile = buildProfile(events, NOW, { halfLifeDays: 14 });
    // then
    const weight = new Map(profile.interests.map((interest) => [interest.productId, interest.weight]));
    expect(weight.get('viewed-today')).toBeCloseTo(1);
    expect(weight.get('viewed-long-ago')).toBeCloseTo(0.25);
    expect(weight.get('carted')!).toBeGreaterThan(2.8);
    expect(weight.has('ignored')).toBe(false);
    expect([...profile.purchased]).toEqual(['bought']);
    expect([...profile.carted]).toEqual(['carted']); // carted before it was bought: no longer in the cart
  });

  it('when ranking for a shopper, then neighbours of strong interests come first with their reason, and excluded ones never', () => {
    const ranked = rankForShopper(
      {
        interests: [
          { productId: 'shirt', weight: 3 },
          { productId: 'mug', weight: 1 },
        ],
        neighbours: new Map([
          ['shirt', [{ id: 'shirt-2', score: 0.9 }, { id: 'in-cart', score: 0.95 }]],
          ['mug', [{ id: 'mug-2', score: 0.9 }]],
        ]),
        popular: ['hit', 'shirt-2'],
        purchased: new Set(),
        exclude: new Set(['in-cart']),
      },
      { popularityWeight: 0.01, rebuyWeight: 0 },
    );
    expect(ranked.map((item) => item.id)).toEqual(['shirt-2', 'mug-2', 'hit']);
    expect(ranked[0]!.reason).toEqual({ kind: 'similar', productId: 'shirt' });
    expect(ranked[2]!.reason).toEqual({ kind: 'trending' });
  });

  it('when a shopper has no history, then the ranking is the popular list; bought products come back only with a rebuy weight', () => {
    const cold = rankForShopper({ interests: [], neighbours: new Map(), popular: ['a', 'b', 'c'], purchased: new Set(), exclude: new Set() });
    expect(cold.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    const input = {
      interests: [{ productId: 'bought', weight: 4 }],
      neighbours: new Map(),
      popular: ['bought', 'other'],
      purchased: new Set(['bought']),
      exclude: new Set<string>(),
    };
    expect(rankForShopper(input, { rebuyWeight: 0 }).map((item) => item.id)).toEqual(['other']);
    expect(rankForShopper(input, { rebuyWeight: 1 })[0]).toMatchObject({ id: 'bought', reason: { kind: 'bought_before', productId: 'bought' } });
  });
});
