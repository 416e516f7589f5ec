import type { Collection, Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';
import type { CategoryRecord } from '../domain/category-tree';
import { ensureIndexes } from './mongo';

interface CategoryDocument {
  _id: string;
  slug: string;
  name: string;
  parentId: string | null;
  position: number;
}

export interface CategoryRepository {
  ensureIndexes(): Promise<void>;
  findAll(): Promise<CategoryRecord[]>;
  /** Creates or replaces categories by id. */
  saveMany(categories: readonly CategoryRecord[]): Promise<void>;
  dropAll(): Promise<void>;
}

export function createCategoryRepository(db: Db, roundTrips?: RoundTripCounter): CategoryRepository {
  const categories: Collection<CategoryDocument> = db.collection<CategoryDocument>('categories');
  return {
    async ensureIndexes() {
      roundTrips?.record('categories.createIndexes');
      await ensureIndexes(categories, [{ key: { slug: 1 }, name: 'slug_unique', unique: true }]);
    },
    async findAll() {
      roundTrips?.record('categories.findAll');
      const documents = await categories.find({}).toArray();
      // Defaults for fields an older version may not have written, so a start never fails on them.
      return documents.map(({ _id, slug, name, parentId, position }) => {
        const id = String(_id);
        const fallback = id.slice(id.lastIndexOf('.') + 1);
        return {
          id,
          slug: typeof slug === 'string' ? slug : fallback,
          name: typeof name === 'string' ? name : fallback,
          parentId: typeof parentId === 'string' ? parentId : null,
          position: Number.isFinite(position) ? position : 0,
        };
      });
    },
    async saveMany(records) {
      if (records.length === 0) return;
      roundTrips?.record('categories.saveMany');
      await categories.bulkWrite(
        records.map(({ id, ...rest }) => ({ replaceOne: { filter: { _id: id }, replacement: rest, upsert: true } })),
        { ordered: true },
      );
    },
    async dropAll() {
      roundTrips?.record('categories.drop');
      await categories.drop().catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 26) throw error;
      });
    },
  };
}
