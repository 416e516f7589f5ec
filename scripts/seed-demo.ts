import { connectMongo, generateCatalog, importFashionCatalog, isCatalogEmpty, seedCatalog } from '@shop/catalog';
import { createDynamoClient, seedStock } from '@shop/inventory';

export interface SeedOptions {
  size?: number;
  source?: 'generated' | 'fashion';
  fashionPath?: string;
  replace?: boolean;
}

const CATALOG_DB = () => process.env.CATALOG_DB ?? 'catalog';

/** Loads a catalog into the catalog store and regional stock for each of its SKUs into inventory. */
export async function seedDemo(options: SeedOptions, log: (line: string) => void): Promise<number> {
  const { client, db } = await connectMongo(process.env.MONGODB_URL!, CATALOG_DB());
  try {
    const products =
      options.source === 'fashion'
        ? await importFashionCatalog(options.fashionPath ?? '../shared/data/fashion-catalog-5k.jsonl')
        : generateCatalog({ size: options.size ?? 2000, seed: 42 });
    log(`Seeding ${products.length} products into the catalog…`);
    const skus = await seedCatalog(db, products, { replace: options.replace ?? false });
    log(`Seeding regional stock for ${skus.length} SKUs into inventory…`);
    const dynamo = createDynamoClient(process.env.DYNAMODB_ENDPOINT!);
    try {
      await seedStock({ client: dynamo }, skus, { seed: 42 });
    } finally {
      dynamo.close();
    }
    return products.length;
  } finally {
    await client.close();
  }
}

/** Seeds the demo catalog only when the catalog is empty, so a second start is fast. */
export async function seedDemoIfEmpty(log: (line: string) => void): Promise<void> {
  const { client, db } = await connectMongo(process.env.MONGODB_URL!, CATALOG_DB());
  let empty: boolean;
  try {
    // Not a count: FerretDB 1.24 answers counts by decoding every product (minutes at 100,000).
    empty = await isCatalogEmpty(db);
  } finally {
    await client.close();
  }
  if (!empty) {
    log(`Catalog already seeded (database ${CATALOG_DB()}).`);
    return;
  }
  await seedDemo({}, log);
}
