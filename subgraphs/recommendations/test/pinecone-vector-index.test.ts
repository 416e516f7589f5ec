import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PineconeVectorIndex, toPineconeFilter } from '../src/data-access/pinecone-vector-index';
import type { ProductVectorMetadata } from '../src/data-access/vector-index';

/**
 * Pinecone itself is not reachable from here, so the adapter runs the real SDK against a
 * loopback HTTP endpoint that records what the SDK sends (the SDK boundary) and answers in
 * Pinecone's data-plane format.
 */
interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown> | null;
}

const metadata: ProductVectorMetadata = { name: 'Blue Tee', brand: 'Acme', categories: ['apparel', 'tshirts'], articleType: 'Tshirts', colour: 'Blue', textHash: 'h1' };
const answers: Record<string, unknown> = {
  '/query': {
    namespace: 'products',
    matches: [
      { id: 'excluded', score: 0.99, values: [1, 0, 0, 0], metadata },
      { id: 'p2', score: 0.8, values: [0.8, 0.6, 0, 0], metadata: { ...metadata, name: 'Red Tee' } },
    ],
  },
  '/vectors/fetch': { namespace: 'products', vectors: { p1: { id: 'p1', values: [1, 0, 0, 0], metadata } } },
  '/describe_index_stats': { dimension: 4, totalVectorCount: 7, namespaces: { products: { vectorCount: 5 }, 'products-state': { vectorCount: 1 } } },
  '/vectors/upsert': { upsertedCount: 1 },
};

describe('Pinecone vector index adapter', () => {
  let server: Server;
  let recorded: Recorded[] = [];
  let index: PineconeVectorIndex;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const path = request.url!.split('?')[0]!;
        recorded.push({ method: request.method!, path: request.url!, body: text ? (JSON.parse(text) as Record<string, unknown>) : null });
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(answers[path] ?? {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    index = new PineconeVectorIndex({ apiKey: 'test-key', indexName: 'shop-products', host, namespace: 'products', dimension: 4 });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    recorded = [];
  });

  it('when 150 products are upserted, then they go in batches of 100 with values and metadata in the namespace', async () => {
    // when
    await index.upsert(Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, vector: Float32Array.from([1, 0, 0, 0]), metadata })));
    // then
    expect(recorded.map((request) => request.path)).toEqual(['/vectors/upsert', '/vectors/upsert']);
    const first = recorded[0]!.body as { vectors: Array<Record<string, unknown>>; namespace: string };
    expect(first.namespace).toBe('products');
    expect(first.vectors).toHaveLength(100);
    expect(first.vectors[0]).toEqual({ id: 'p0', values: [1, 0, 0, 0], metadata });
  });

  it('when queried with a filter and excluded ids, then it asks for extra rows with $in filters and drops the excluded', async () => {
    // when
    const [matches] = await index.query([
      { vector: Float32Array.from([1, 0, 0, 0]), topK: 2, excludeIds: ['excluded'], filter: { category: ['tshirts'], brand: ['Acme', 'Puma'] } },
    ]);
    // then
    expect(recorded[0]!.path).toBe('/query');
    expect(recorded[0]!.body).toEqual({
      namespace: 'products',
      vector: [1, 0, 0, 0],
      topK: 3,
      filter: { categories: { $in: ['tshirts'] }, brand: { $in: ['Acme', 'Puma'] } },
      includeValues: true,
      includeMetadata: true,
    });
    expect(matches!.map((match) => [match.id, match.score, match.metadata.name])).toEqual([['p2', 0.8, 'Red Tee']]);
    expect(Array.from(matches![0]!.vector)).toEqual([0.800000011920929, 0.6000000238418579, 0, 0]);
  });

  it('when vectors are fetched, counted and removed, then ids, namespace and record counts are read the SDK way', async () => {
    const fetched = await index.fetch(['p1', 'unknown']);
    const count = await index.count();
    await index.remove(['p1']);
    expect(recorded[0]!.path).toBe('/vectors/fetch?ids=p1&ids=unknown&namespace=products');
    expect(fetched.get('p1')!.metadata).toEqual(metadata);
    expect(fetched.has('unknown')).toBe(false);
    expect(count).toBe(5);
    expect(recorded[2]).toEqual({ method: 'POST', path: '/vectors/delete', body: { ids: ['p1'], namespace: 'products' } });
  });

  it('when the feed position is written, then it is one record of the sibling state namespace', async () => {
    await index.writeState({ embedderId: 'local:all-minilm-l6-v2', cursor: 'abc' });
    expect(recorded[0]!.body).toEqual({
      namespace: 'products-state',
      vectors: [{ id: 'index-state', values: [1, 0, 0, 0], metadata: { embedderId: 'local:all-minilm-l6-v2', cursor: 'abc' } }],
    });
  });

  it('when a filter is empty, then no Pinecone filter is sent', () => {
    expect(toPineconeFilter(undefined)).toBeUndefined();
    expect(toPineconeFilter({})).toBeUndefined();
    expect(toPineconeFilter({ articleType: ['Tshirts'] })).toEqual({ articleType: { $in: ['Tshirts'] } });
  });
});
