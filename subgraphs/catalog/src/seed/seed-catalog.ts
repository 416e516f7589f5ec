import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { CategoryPlanner } from '../domain/category-plan';
import { cheapestVariant, type ProductRecord } from '../domain/product';
import { serializeState } from '../domain/product-json';
import { createRepositories, ensureIndexes } from '../services/repositories';
import type { SeedProduct, SeededVariant } from './seed-product';

export interface SeedCatalogOptions {
  /** Remove every product and category first. */
  replace?: boolean;
  /** Products per bulk insert. */
  batchSize?: number;
}

/**
 * Loads products into the catalog store in batches (streams: 100,000 products never sit in memory
 * at once) and returns every variant's SKU, so the caller can hand them to inventory. Idempotent:
 * products whose id is already stored are left as they are; categories are created along the
 * way. Running catalog processes reload once the seed is done; with `replace`, the seed also
 * stores a snapshot of the read model so that they (and later starts) load it quickly.
 */
export async function seedCatalog(
  db: Db,
  products: Iterable<SeedProduct> | AsyncIterable<SeedProduct>,
  options: SeedCatalogOptions = {},
): Promise<SeededVariant[]> {
  const repositories = createRepositories(db);
  // Replacing: drop the collections and index after loading (bulk loads go faster without indexes).
  if (options.replace) await Promise.all([repositories.products.dropAll(), repositories.categories.dropAll()]);
  else await ensureIndexes(repositories);
  const planner = new CategoryPlanner(options.replace ? [] : await repositories.categories.findAll());
  const epoch = randomUUID();
  const snapshot = options.replace ? await repositories.snapshot.begin(epoch) : null;
  const batchSize = options.batchSize ?? 1000;
  const now = new Date();
  const seeded: SeededVariant[] = [];
  let batch: ProductRecord[] = [];
  let savedCategories = 0;
  let changed = Boolean(options.replace);

  const flush = async () => {
    const created = planner.created();
    if (created.length > savedCategories) {
      await repositories.categories.saveMany(created.slice(savedCategories));
      savedCategories = created.length;
      changed = true;
    }
    if ((await repositories.products.insertNew(batch)) > 0) changed = true;
    await snapshot?.add(batch.map(serializeState));
    batch = [];
  };

  for await (const product of products) {
    const record = toRecord(product, planner, now);
    batch.push(record);
    for (const variant of record.variants) seeded.push({ productId: record.id, sku: variant.sku });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (options.replace) await ensureIndexes(repositories);
  if (changed) {
    const logged = await repositories.changeLog.restart(epoch);
    await snapshot?.finish(logged.version);
  }
  return seeded;
}

/**
 * Whether the catalog holds no product yet. Use this rather than `countDocuments` or
 * `estimatedDocumentCount`, which FerretDB 1.24 answers by decoding every product.
 */
export async function isCatalogEmpty(db: Db): Promise<boolean> {
  return !(await createRepositories(db).products.any());
}

function toRecord(product: SeedProduct, planner: CategoryPlanner, now: Date): ProductRecord {
  const categoryIds = planner.place(product.categoryPath);
  const cheapest = cheapestVariant(product.variants);
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    brand: product.brand,
    description: product.description,
    currencyCode: product.currencyCode,
    priceMinor: cheapest.priceMinor,
    compareAtPriceMinor: cheapest.compareAtPriceMinor,
    images: product.images,
    attributes: product.attributes,
    categoryId: categoryIds[categoryIds.length - 1]!,
    categoryIds,
    variants: product.variants,
    createdAt: product.createdAt,
    updatedAt: now,
  };
}
