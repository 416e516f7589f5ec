import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoundTripCounter } from '@shop/platform';
import { LOCAL_INDEX_FILE, LocalVectorIndex } from '../src/data-access/local-vector-index';
import type { ProductVectorMetadata, VectorRecord } from '../src/data-access/vector-index';

const DIM = 8;

function unit(values: number[]): Float32Array {
  const vector = Float32Array.from({ length: DIM }, (_, i) => values[i] ?? 0);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const normalize = (values: number[]) => {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (value) => value / norm);
};

const meta = (overrides: Partial<ProductVectorMetadata> = {}): ProductVectorMetadata => ({
  name: 'Product',
  brand: 'Acme',
  categories: ['apparel', 'tshirts'],
  articleType: 'Tshirts',
  colour: 'Blue',
  textHash: 'h',
  ...overrides,
});

const record = (id: string, values: number[], overrides: Partial<ProductVectorMetadata> = {}): VectorRecord => ({
  id,
  vector: unit(values),
  metadata: meta({ name: id, textHash: `hash-${id}`, ...overrides }),
});

describe('local vector index', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recs-index-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('when products are upserted, then a query returns the nearest first with cosine scores, never an excluded id', async () => {
    // given
    const index = LocalVectorIndex.open({ dir, dimension: DIM });
    await index.upsert([record('a', [1, 0]), record('b', [1, 0.2]), record('c', [0, 1]), record('d', [1, 0.05])]);
    // when
    const [matches] = await index.query([{ vector: unit([1, 0]), topK: 2, excludeIds: ['a'] }]);
    // then
    expect(matches!.map((match) => match.id)).toEqual(['d', 'b']);
    expect(matches![0]!.score).toBeCloseTo(0.9988, 3);
    expect(matches![0]!.metadata.name).toBe('d');
  });

  it('when a filter names a category, brand or article type, then only matching products come back', async () => {
    const index = LocalVectorIndex.open({ dir, dimension: DIM });
    await index.upsert([
      record('shirt', [1, 0], { categories: ['apparel', 'tshirts'], brand: 'Nike', articleType: 'Tshirts' }),
      record('shoe', [1, 0.1], { categories: ['footwear', 'shoes'], brand: 'Nike', articleType: 'Casual Shoes' }),
      record('tee', [1, 0.3], { categories: ['apparel', 'tshirts'], brand: 'Puma', articleType: 'Tshirts' }),
    ]);
    const [byCategory, byBrand, byType, byBoth] = await index.query([
      { vector: unit([1, 0]), topK: 10, filter: { category: ['apparel'] } },
      { vector: unit([1, 0]), topK: 10, filter: { brand: ['Nike'] } },
      { vector: unit([1, 0]), topK: 10, filter: { articleType: ['Casual Shoes'] } },
      { vector: unit([1, 0]), topK: 10, filter: { brand: ['Puma', 'Nike'], category: ['tshirts'] } },
    ]);
    expect(byCategory!.map((m) => m.id)).toEqual(['shirt', 'tee']);
    expect(byBrand!.map((m) => m.id)).toEqual(['shirt', 'shoe']);
    expect(byType!.map((m) => m.id)).toEqual(['shoe']);
    expect(byBoth!.map((m) => m.id)).toEqual(['shirt', 'tee']);
  });

  it('when many queries are asked together, then they cost one pass and each gets its own answer', async () => {
    const roundTrips = new RoundTripCounter();
    const index = LocalVectorIndex.open({ dir, dimension: DIM, roundTrips });
    await index.upsert(Array.from({ length: 50 }, (_, i) => record(`p${i}`, [Math.cos(i / 10), Math.sin(i / 10)])));
    roundTrips.reset();
    const answers = await index.query(Array.from({ length: 20 }, (_, i) => ({ vector: unit([Math.cos(i / 10), Math.sin(i / 10)]), topK: 1 })));
    expect(roundTrips.of('index.query')).toBe(1);
    expect(answers.map((matches) => matches[0]!.id)).toEqual(Array.from({ length: 20 }, (_, i) => `p${i}`));
  });

  it('when a product is re-upserted or removed, then queries, fetch and counts follow', async () => {
    const index = LocalVectorIndex.open({ dir, dimension: DIM });
    await index.upsert([record('a', [1, 0]), record('b', [0, 1]), record('c', [0, 0, 1])]);
    await index.upsert([record('a', [0, 0, 1], { textHash: 'new' })]);
    await index.remove(['b', 'unknown']);
    const [near] = await index.query([{ vector: unit([0, 0, 1]), topK: 3 }]);
    expect(near!.map((m) => m.id).sort()).toEqual(['a', 'c']);
    expect(await index.count()).toBe(2);
    expect((await index.fetch(['a', 'b'])).size).toBe(1);
    expect(await index.textHashes(['a', 'c', 'b'])).toEqual(new Map([['a', 'new'], ['c', 'hash-c']]));
  });

  it('when the index is closed and opened again, then vectors, metadata and the feed position are back', async () => {
    // given
    const first = LocalVectorIndex.open({ dir, dimension: DIM });
    await first.upsert(Array.from({ length: 1500 }, (_, i) => record(`p${i}`, [i % 7, i % 11, (i % 13) + 1], { brand: `b${i % 3}` })));
    await first.remove(['p3']);
    await first.writeState({ embedderId: 'local:test', cursor: 'cursor-42' });
    await first.close();
    // when
    const reopened = LocalVectorIndex.open({ dir, dimension: DIM });
    // then
    expect(await reopened.count()).toBe(1499);
    expect(await reopened.readState()).toEqual({ embedderId: 'local:test', cursor: 'cursor-42' });
    const fetched = (await reopened.fetch(['p10']))!.get('p10')!;
    expect(Array.from(fetched.vector)).toEqual(Array.from(unit([10 % 7, 10 % 11, 11])));
    expect(fetched.metadata.brand).toBe('b1');
    const [matches] = await reopened.query([{ vector: unit([3, 3, 4]), topK: 1 }]);
    expect(matches![0]!.id).not.toBe('p3');
  });

  it('when the file was written for another dimension, then the index starts empty (a new model re-indexes)', async () => {
    const old = LocalVectorIndex.open({ dir, dimension: DIM });
    await old.upsert([record('a', [1])]);
    await old.close();
    const index = LocalVectorIndex.open({ dir, dimension: 16 });
    expect(await index.count()).toBe(0);
  });

  it('when the index is large enough to partition (IVF), then unfiltered queries find nearly what exact search finds and never removed rows', async () => {
    // given 3000 products in 60 clusters of a 32-dimensional space, partitioned above 1000 rows
    const dimension = 32;
    const random = seeded(11);
    const centres = Array.from({ length: 60 }, () => Array.from({ length: dimension }, () => random() - 0.5));
    const vectorNear = (centre: number[]) => normalize(centre.map((value) => value + (random() - 0.5) * 0.3));
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, vector: vectorNear(centres[i % 60]!), metadata: meta({ name: `p${i}`, textHash: `h${i}` }) }));
    const exact = LocalVectorIndex.open({ dir: join(dir, 'exact'), dimension });
    const partitioned = LocalVectorIndex.open({ dir: join(dir, 'ivf'), dimension, ivfMinRows: 1000 });
    await exact.upsert(rows);
    await partitioned.upsert(rows);
    await exact.optimize();
    await partitioned.optimize();
    await exact.remove(['p7', 'p2999']);
    await partitioned.remove(['p7', 'p2999']);
    expect(exact.approximate).toBe(false);
    expect(partitioned.approximate).toBe(true);
    // when
    const queries = Array.from({ length: 100 }, (_, i) => ({ vector: vectorNear(centres[(i * 7) % 60]!), topK: 10 }));
    const truth = await exact.query(queries);
    const found = await partitioned.query(queries);
    // then
    let hits = 0;
    truth.forEach((matches, q) => {
      const got = new Set(found[q]!.map((match) => match.id));
      hits += matches.filter((match) => got.has(match.id)).length;
    });
    expect(hits / (truth.length * 10)).toBeGreaterThanOrEqual(0.95);
    expect(found.flat().some((match) => match.id === 'p7' || match.id === 'p2999')).toBe(false);
    // p2998 was moved into the hole p7 left (rows stay contiguous) and is still found there
    const [moved] = await partitioned.query([{ vector: rows[2998]!.vector, topK: 1 }]);
    expect(moved![0]!.id).toBe('p2998');
  });

  it('when the file is not an index file, then opening fails with a clear message', () => {
    writeFileSync(join(dir, LOCAL_INDEX_FILE), 'garbage that is not an index');
    expect(() => LocalVectorIndex.open({ dir, dimension: DIM })).toThrow(/not a vector index file/);
  });
});
