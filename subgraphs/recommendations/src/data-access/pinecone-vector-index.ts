import { Pinecone, type Index, type RecordMetadata } from '@pinecone-database/pinecone';
import type { RoundTripCounter } from '@shop/platform';
import type {
  IndexState,
  ProductVectorMetadata,
  VectorFilter,
  VectorIndex,
  VectorMatch,
  VectorQuery,
  VectorRecord,
} from './vector-index';

type PineconeMetadata = ProductVectorMetadata & RecordMetadata;
const UPSERT_BATCH = 100;
const FETCH_BATCH = 100;
const STATE_ID = 'index-state';

export interface PineconeVectorIndexOptions {
  apiKey: string;
  indexName: string;
  /** Index host; when absent the SDK looks it up by name. */
  host?: string;
  namespace: string;
  dimension: number;
  roundTrips?: RoundTripCounter;
  /** Passed to the SDK client (custom fetch, controller URL) for tests and proxies. */
  clientOptions?: Omit<ConstructorParameters<typeof Pinecone>[0] & object, 'apiKey'>;
}

/** Pinecone metadata filter for a VectorFilter: `$in` on each given field (lists match any element). */
export function toPineconeFilter(filter: VectorFilter | undefined): Record<string, { $in: string[] }> | undefined {
  if (!filter) return undefined;
  const clauses: Record<string, { $in: string[] }> = {};
  if (filter.category) clauses.categories = { $in: filter.category };
  if (filter.brand) clauses.brand = { $in: filter.brand };
  if (filter.articleType) clauses.articleType = { $in: filter.articleType };
  return Object.keys(clauses).length > 0 ? clauses : undefined;
}

const toMetadata = (metadata: ProductVectorMetadata): PineconeMetadata => ({ ...metadata });

function fromMetadata(metadata: RecordMetadata | undefined): ProductVectorMetadata {
  const text = (key: string) => (typeof metadata?.[key] === 'string' ? (metadata[key] as string) : '');
  const categories = metadata?.categories;
  return {
    name: text('name'),
    brand: text('brand'),
    categories: Array.isArray(categories) ? categories.map(String) : [],
    articleType: text('articleType'),
    colour: text('colour'),
    textHash: text('textHash'),
  };
}

/**
 * Product vectors in a Pinecone index namespace. The indexer's feed position is kept as one
 * record of a sibling `<namespace>-state` namespace, so vectors and position live together.
 */
export class PineconeVectorIndex implements VectorIndex {
  readonly kind = 'pinecone';
  readonly dimension: number;
  private readonly index: Index<PineconeMetadata>;
  private readonly stateIndex: Index<RecordMetadata>;
  private readonly roundTrips?: RoundTripCounter;
  private readonly namespace: string;

  constructor(options: PineconeVectorIndexOptions) {
    this.namespace = options.namespace;
    const client = new Pinecone({ apiKey: options.apiKey, ...options.clientOptions });
    this.dimension = options.dimension;
    this.roundTrips = options.roundTrips;
    this.index = client.index<PineconeMetadata>({ name: options.indexName, host: options.host, namespace: options.namespace });
    this.stateIndex = client.index<RecordMetadata>({ name: options.indexName, host: options.host, namespace: `${options.namespace}-state` });
  }

  async upsert(records: readonly VectorRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += UPSERT_BATCH) {
      this.roundTrips?.record('index.upsert');
      await this.index.upsert({
        records: records.slice(start, start + UPSERT_BATCH).map((record) => ({
          id: record.id,
          values: Array.from(record.vector),
          metadata: toMetadata(record.metadata),
        })),
      });
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += FETCH_BATCH) {
      this.roundTrips?.record('index.remove');
      await this.index.deleteMany({ ids: ids.slice(start, start + FETCH_BATCH) });
    }
  }

  async fetch(ids: readonly string[]): Promise<Map<string, VectorRecord>> {
    const found = new Map<string, VectorRecord>();
    for (let start = 0; start < ids.length; start += FETCH_BATCH) {
      this.roundTrips?.record('index.fetch');
      const response = await this.index.fetch({ ids: ids.slice(start, start + FETCH_BATCH) });
      for (const [id, record] of Object.entries(response.records)) {
        found.set(id, { id, vector: Float32Array.from(record.values ?? []), metadata: fromMetadata(record.metadata) });
      }
    }
    return found;
  }

  async textHashes(ids: readonly string[]): Promise<Map<string, string>> {
    const records = await this.fetch(ids);
    return new Map([...records].map(([id, record]) => [id, record.metadata.textHash]));
  }

  /** Pinecone answers one vector per request: the queries go out together. */
  async query(queries: readonly VectorQuery[]): Promise<VectorMatch[][]> {
    return Promise.all(
      queries.map(async (query) => {
        if (query.topK === 0) return [];
        this.roundTrips?.record('index.query');
        const excluded = new Set(query.excludeIds ?? []);
        const response = await this.index.query({
          vector: Array.from(query.vector),
          // Pinecone cannot filter on ids: ask for extra rows and drop excluded ones.
          topK: Math.min(10_000, query.topK + excluded.size),
          filter: toPineconeFilter(query.filter),
          includeValues: true,
          includeMetadata: true,
        });
        return response.matches
          .filter((match) => !excluded.has(match.id))
          .slice(0, query.topK)
          .map((match) => ({
            id: match.id,
            score: match.score ?? 0,
            vector: Float32Array.from(match.values ?? []),
            metadata: fromMetadata(match.metadata),
          }));
      }),
    );
  }

  async count(): Promise<number> {
    this.roundTrips?.record('index.count');
    const stats = await this.index.describeIndexStats();
    const namespaces = stats.namespaces ?? {};
    return namespaces[this.namespace]?.recordCount ?? 0;
  }

  async readState(): Promise<IndexState> {
    const response = await this.stateIndex.fetch({ ids: [STATE_ID] });
    const metadata = response.records[STATE_ID]?.metadata;
    return {
      embedderId: typeof metadata?.embedderId === 'string' ? metadata.embedderId : null,
      cursor: typeof metadata?.cursor === 'string' && metadata.cursor !== '' ? metadata.cursor : null,
    };
  }

  async writeState(state: IndexState): Promise<void> {
    const values = new Array<number>(this.dimension).fill(0);
    values[0] = 1; // a cosine index refuses all-zero vectors
    await this.stateIndex.upsert({
      records: [{ id: STATE_ID, values, metadata: { embedderId: state.embedderId ?? '', cursor: state.cursor ?? '' } }],
    });
  }

  async clear(): Promise<void> {
    await this.index.deleteAll().catch((error: unknown) => {
      // Deleting a namespace that does not exist yet answers 404: nothing to clear.
      if (!String(error).includes('404')) throw error;
    });
    await this.writeState({ embedderId: null, cursor: null });
  }

  async close(): Promise<void> {}
}
