import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoundTripCounter } from '@shop/platform';
import { LOCAL_INDEX_FILE, LocalVectorIndex } from '../src/data-access/local-vector-index';
import type { ProductVectorMetadata, VectorRecord } from '../src/data-access/vector-index';
import { dot } from '../src/domain/vectors';
import { clusteredVectors } from '../src/evaluation/clustered-vectors';

const DIM = 8;

function unit(values: number[]): Float32Array {
  const vector = Float32Array.from({ length: DIM }, (_, i) => values[i] ?? 0);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

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

  describe('approximate (IVF) above ivfMinRows', () => {
    // 8,000 products of a clustered 96-dimension space (topics and product families, like real embeddings)
    const dimension = 96;
    const mixture = clusteredVectors({ dimension, topics: 60, familiesPerTopic: 12, seed: 5 });
    const rows = Array.from({ length: 8_000 }, (_, n) => ({
      id: `p${n}`,
      vector: mixture.vector(n),
      metadata: meta({ name: `p${n}`, textHash: `h${n}`, brand: `b${n % 5}`, categories: [`t${mixture.topicOf(n)}`] }),
    }));
    const recall = (truth: Array<Array<{ id: string }>>, found: Array<Array<{ id: string }>>) => {
      let hits = 0;
      truth.forEach((matches, q) => {
        const got = new Set(found[q]!.map((match) => match.id));
        hits += matches.filter((match) => got.has(match.id)).length;
      });
      return hits / truth.reduce((sum, matches) => sum + matches.length, 0);
    };
    const neighboursOf = (n: number) => ({ vector: rows[n]!.vector, topK: 10, excludeIds: [rows[n]!.id] });
    let exact: LocalVectorIndex;
    let ann: LocalVectorIndex;
    let ivfDir: string;

    // Built once (partitioning takes seconds on a busy machine); the last test changes `ann`.
    beforeAll(async () => {
      ivfDir = mkdtempSync(join(tmpdir(), 'recs-ivf-'));
      exact = LocalVectorIndex.open({ dir: join(ivfDir, 'exact'), dimension, ivfMinRows: Infinity });
      ann = LocalVectorIndex.open({ dir: join(ivfDir, 'ann'), dimension, ivfMinRows: 2_000 });
      await exact.upsert(rows);
      await ann.upsert(rows);
      await exact.optimize();
      await ann.optimize();
    }, 60_000);

    afterAll(() => rmSync(ivfDir, { recursive: true, force: true }));

    it('when unfiltered neighbours are asked, then recall@10 against exact search is at least 0.95 while scanning a fraction of the lists', async () => {
      // when
      const queries = Array.from({ length: 200 }, (_, i) => neighboursOf((i * 37) % rows.length));
      const truth = await exact.query(queries);
      const found = await ann.query(queries);
      // then
      expect(exact.approximate).toBe(false);
      expect(ann.approximate).toBe(true);
      expect(ann.nprobe).toBeLessThan(ann.nlist / 4);
      expect(recall(truth, found)).toBeGreaterThanOrEqual(0.95);
      found.forEach((matches, q) => expect(matches.map((match) => match.id)).not.toContain(queries[q]!.excludeIds[0]));
      // scores are exact cosines (re-ranked with the float vectors), best first
      const [first] = found;
      const vectors = await ann.fetch(first!.map((match) => match.id));
      first!.forEach((match) => expect(match.score).toBeCloseTo(dot(queries[0]!.vector, vectors.get(match.id)!.vector), 5));
      expect([...first!.map((match) => match.score)].sort((a, b) => b - a)).toEqual(first!.map((match) => match.score));
    });

    it('when a query is filtered, then only matches come back, as many as asked while enough exist', async () => {
      // when products of one topic are asked near a product of another topic
      const topic = `t${mixture.topicOf(1)}`;
      const [matches] = await ann.query([{ ...neighboursOf(0), topK: 12, filter: { category: [topic] } }]);
      const [truth] = await exact.query([{ ...neighboursOf(0), topK: 12, filter: { category: [topic] } }]);
      // then
      expect(matches).toHaveLength(12);
      expect(matches!.every((match) => match.metadata.categories.includes(topic))).toBe(true);
      expect(recall([truth!], [matches!])).toBeGreaterThanOrEqual(0.75);
    });

    it('when products are added, changed and removed after partitioning, then queries follow without a rebuild, also after a restart', async () => {
      // given a new product next to p1, p2 moved next to p3, and p4 and the last row removed
      const nearP1 = rows[1]!.vector.map((value, d) => value + (d === 0 ? 0.01 : 0));
      await ann.upsert([
        { id: 'new', vector: nearP1.map((value) => value / Math.hypot(...nearP1)), metadata: meta({ name: 'new', textHash: 'new' }) },
        { ...rows[2]!, vector: rows[3]!.vector },
      ]);
      await ann.remove(['p4', 'p7999']);
      const queries = [
        { vector: rows[1]!.vector, topK: 2 },
        { vector: rows[3]!.vector, topK: 2 },
        { vector: rows[4]!.vector, topK: 1 },
        { vector: rows[7999]!.vector, topK: 1 },
        { vector: rows[7998]!.vector, topK: 1 },
        ...Array.from({ length: 50 }, (_, i) => neighboursOf(i * 101 + 11)),
      ];
      // when
      const answers = await ann.query(queries);
      await ann.close();
      const reopened = LocalVectorIndex.open({ dir: join(ivfDir, 'ann'), dimension, ivfMinRows: 2_000 });
      // then
      const [nearOne, nearThree, nearFour, nearLast, movedRow] = answers;
      expect(nearOne!.map((match) => match.id).sort()).toEqual(['new', 'p1']);
      expect(nearThree!.map((match) => match.id).sort()).toEqual(['p2', 'p3']);
      expect(nearFour![0]!.id).not.toBe('p4');
      expect(nearLast![0]!.id).not.toBe('p7999');
      // p7998 was moved into a hole (rows stay contiguous) and is still found
      expect(movedRow![0]!.id).toBe('p7998');
      // the partition was saved with the vectors: approximate at once, no optimize(), same answers
      expect(reopened.approximate).toBe(true);
      expect(reopened.nlist).toBe(ann.nlist);
      expect(await reopened.count()).toBe(7_999);
      const again = await reopened.query(queries);
      // (as sets: p2 and p3 now tie, and ties may come in either order)
      const idSets = (lists: Array<Array<{ id: string }>>) => lists.map((matches) => matches.map((match) => match.id).sort());
      expect(idSets(again)).toEqual(idSets(answers));
    });
  });

  it('when the file is not an index file, then opening fails with a clear message', () => {
    writeFileSync(join(dir, LOCAL_INDEX_FILE), 'garbage that is not an index');
    expect(() => LocalVectorIndex.open({ dir, dimension: DIM })).toThrow(/not a vector index file/);
  });
});
