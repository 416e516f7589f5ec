/** What the index keeps beside each product vector, for filters, de-duplication and variety. */
export interface ProductVectorMetadata {
  name: string;
  brand: string;
  /** Category ids and slugs from the root to the leaf, so a filter on a parent matches its children. */
  categories: string[];
  /** The leaf category name (fashion "article type", e.g. Tshirts). */
  articleType: string;
  colour: string;
  /** Hash of the embedded text and the embedder id: unchanged text is not embedded again. */
  textHash: string;
}

export interface VectorRecord {
  id: string;
  vector: Float32Array;
  metadata: ProductVectorMetadata;
}

/** Every given field must match; a list means any of its values. */
export interface VectorFilter {
  category?: string[];
  brand?: string[];
  articleType?: string[];
}

export interface VectorQuery {
  vector: Float32Array;
  topK: number;
  filter?: VectorFilter;
  /** Ids never returned (the product itself, what the shopper bought). */
  excludeIds?: readonly string[];
}

export interface VectorMatch extends VectorRecord {
  /** Cosine similarity (vectors are unit length). */
  score: number;
}

/** Where the indexer resumes the catalog's change feed, kept with the vectors. */
export interface IndexState {
  embedderId: string | null;
  cursor: string | null;
}

/**
 * A store of product vectors with metadata filters. `query` takes many query vectors so that a
 * request needing neighbours of several products costs one pass (one round trip).
 */
export interface VectorIndex {
  readonly kind: 'local' | 'pinecone';
  readonly dimension: number;
  upsert(records: readonly VectorRecord[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  fetch(ids: readonly string[]): Promise<Map<string, VectorRecord>>;
  query(queries: readonly VectorQuery[]): Promise<VectorMatch[][]>;
  /** Text hashes of the given ids, to skip re-embedding unchanged products. */
  textHashes(ids: readonly string[]): Promise<Map<string, string>>;
  count(): Promise<number>;
  readState(): Promise<IndexState>;
  /** Records the feed position; the local index persists vectors and state together. */
  writeState(state: IndexState): Promise<void>;
  /** Reorganizes after bulk changes (the local index builds its IVF partition); optional. */
  optimize?(): Promise<void>;
  /** Drops every vector (the embedder changed). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export function matchesFilter(metadata: ProductVectorMetadata, filter: VectorFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.brand && !filter.brand.includes(metadata.brand)) return false;
  if (filter.articleType && !filter.articleType.includes(metadata.articleType)) return false;
  if (filter.category && !filter.category.some((category) => metadata.categories.includes(category))) return false;
  return true;
}
