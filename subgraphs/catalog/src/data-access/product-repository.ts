import type { Collection, Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';
import type { ProductRecord, ProductTombstone } from '../domain/product';
import { ensureIndexes } from './mongo';
import { duplicateKeyOf, toDocument, toState, tombstoneDocument, type ProductDocument } from './product-documents';

export type { ProductRecord } from '../domain/product';

/** Concurrent single-document reads when the sync loads a few changed products. */
const POINT_READ_CONCURRENCY = 8;

/**
 * Products in the MongoDB API. Reads are few on purpose: the whole catalog once when a process
 * starts (or reseeds), then single documents by id for changes made by other processes. Every
 * query a shopper makes is answered by the in-memory read model (see README).
 */
export interface ProductRepository {
  ensureIndexes(): Promise<void>;
  /** Stored states of a few products, one single-document read each. */
  findStates(ids: readonly string[]): Promise<Array<ProductRecord | ProductTombstone>>;
  /** Stored states of the whole catalog, in one scan. */
  findAllStates(): Promise<Array<ProductRecord | ProductTombstone>>;
  /** Creates or replaces a product; throws a duplicate-key error when the slug is taken. */
  save(record: ProductRecord): Promise<void>;
  /** Creates or replaces products in one bulk request. */
  saveMany(records: readonly ProductRecord[]): Promise<void>;
  saveTombstone(id: string, createdAt: Date, deletedAt: Date): Promise<void>;
  /** Whether any product (or tombstone) is stored; cheap on FerretDB (a find without filter pushes its limit down). */
  any(): Promise<boolean>;
  /** Seeding: inserts products in bulk, leaving those whose id exists alone; returns how many were new. */
  insertNew(records: readonly ProductRecord[]): Promise<number>;
  /** Seeding with replace: removes every product (and the indexes; ensure them again after). */
  dropAll(): Promise<void>;
}

export function createProductRepository(db: Db, roundTrips?: RoundTripCounter): ProductRepository {
  const products: Collection<ProductDocument> = db.collection<ProductDocument>('products');
  const record = (operation: string) => roundTrips?.record(operation);
  return {
    async ensureIndexes() {
      record('products.createIndexes');
      // Only what the store itself must answer: slug uniqueness, and "everything under Footwear"
      // as one multikey query for tools and reports. Reads are served by the read model, and each
      // index makes every FerretDB insert slower.
      await ensureIndexes(products, [
        { key: { slug: 1 }, name: 'slug_unique', unique: true },
        { key: { categoryIds: 1, priceMinor: 1, _id: 1 }, name: 'category_price' },
      ]);
    },
    async findStates(ids) {
      const states: Array<ProductRecord | ProductTombstone> = [];
      const queue = [...new Set(ids)];
      const worker = async () => {
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          record('products.findById');
          // Exactly {_id}: the one filter FerretDB 1.24 hands to its backend instead of decoding every document.
          const document = await products.findOne({ _id: id });
          if (document) states.push(toState(document));
        }
      };
      await Promise.all(Array.from({ length: Math.min(POINT_READ_CONCURRENCY, queue.length) }, worker));
      return states;
    },
    async findAllStates() {
      record('products.findAll');
      const documents = await products.find({}, { batchSize: 2000 }).toArray();
      return documents.map(toState);
    },
    async save(product) {
      record('products.replace');
      const { _id, ...replacement } = toDocument(product);
      await products.replaceOne({ _id }, replacement, { upsert: true });
    },
    async saveMany(records) {
      if (records.length === 0) return;
      record('products.saveMany');
      await products.bulkWrite(
        records.map(toDocument).map(({ _id, ...replacement }) => ({ replaceOne: { filter: { _id }, replacement, upsert: true } })),
        { ordered: true },
      );
    },
    async saveTombstone(id, createdAt, deletedAt) {
      record('products.replace');
      const { _id, ...replacement } = tombstoneDocument(id, createdAt, deletedAt);
      await products.replaceOne({ _id }, replacement, { upsert: true });
    },
    async any() {
      record('products.findAny');
      return (await products.findOne({}, { projection: { _id: 1 } })) !== null;
    },
    async insertNew(records) {
      if (records.length === 0) return 0;
      record('products.insertMany');
      try {
        const result = await products.insertMany(records.map(toDocument), { ordered: false });
        return result.insertedCount;
      } catch (error) {
        // Unordered: the others went in; products already there (same id) are left as they are.
        const writeErrors = (error as { writeErrors?: Array<{ code?: number }> | { code?: number } }).writeErrors;
        const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        const insertedCount = (error as { result?: { insertedCount?: number } }).result?.insertedCount;
        const onlyDuplicates = list.length > 0 && list.every((writeError) => duplicateKeyOf(writeError) !== null);
        if (!onlyDuplicates || insertedCount === undefined) throw error;
        return insertedCount;
      }
    },
    async dropAll() {
      record('products.drop');
      await products.drop().catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 26) throw error;
      });
    },
  };
}
