import type { Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';
import { createCategoryRepository, type CategoryRepository } from '../data-access/category-repository';
import { createChangeLogRepository, type ChangeLogRepository } from '../data-access/change-log-repository';
import { createProductRepository, type ProductRepository } from '../data-access/product-repository';
import { createSnapshotRepository, type SnapshotRepository } from '../data-access/snapshot-repository';
import { cheapestVariant, type ProductRecord, type VariantRecord } from '../domain/product';

/** A product to write directly (fixtures, scripts): the skeleton's shape, newer fields optional. */
export type ProductUpsert = Pick<
  ProductRecord,
  'id' | 'slug' | 'name' | 'brand' | 'description' | 'currencyCode' | 'priceMinor' | 'createdAt' | 'updatedAt'
> &
  Partial<Pick<ProductRecord, 'compareAtPriceMinor' | 'images' | 'attributes' | 'categoryId' | 'categoryIds'>> & {
    variants: Array<Omit<VariantRecord, 'compareAtPriceMinor'> & { compareAtPriceMinor?: number | null }>;
  };

export interface CatalogRepositories {
  products: ProductRepository & {
    /**
     * Writes products as given (no validation) and appends them to the change log, so listings and
     * the change feed see them. For fixtures and scripts; the API goes through upsertProduct.
     */
    upsertMany(products: readonly ProductUpsert[]): Promise<void>;
  };
  categories: CategoryRepository;
  changeLog: ChangeLogRepository;
  snapshot: SnapshotRepository;
}

export function createRepositories(db: Db, roundTrips?: RoundTripCounter): CatalogRepositories {
  const products = createProductRepository(db, roundTrips);
  const changeLog = createChangeLogRepository(db, roundTrips);
  return {
    products: Object.assign(products, {
      async upsertMany(records: readonly ProductUpsert[]) {
        await products.saveMany(records.map(completeRecord));
        await changeLog.record(records.map((record) => record.id));
      },
    }),
    categories: createCategoryRepository(db, roundTrips),
    changeLog,
    snapshot: createSnapshotRepository(db, roundTrips),
  };
}

/** Creates the indexes if absent (idempotent; run at start). */
export async function ensureIndexes(repositories: CatalogRepositories): Promise<void> {
  await Promise.all([repositories.products.ensureIndexes(), repositories.categories.ensureIndexes()]);
}

function completeRecord(upsert: ProductUpsert): ProductRecord {
  const variants = upsert.variants.map((variant) => ({ ...variant, compareAtPriceMinor: variant.compareAtPriceMinor ?? null }));
  const categoryIds = upsert.categoryIds ?? (upsert.categoryId ? [upsert.categoryId] : []);
  return {
    ...upsert,
    variants,
    priceMinor: variants.length > 0 ? cheapestVariant(variants).priceMinor : upsert.priceMinor,
    compareAtPriceMinor: upsert.compareAtPriceMinor ?? null,
    images: upsert.images ?? [],
    attributes: upsert.attributes ?? [],
    categoryId: upsert.categoryId ?? categoryIds[categoryIds.length - 1] ?? '',
    categoryIds,
  };
}
