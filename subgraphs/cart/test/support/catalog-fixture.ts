import { MongoClient, type Db } from 'mongodb';
import { createCatalogServer, createRepositories, type ProductUpsert } from '@shop/catalog';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { stopServer } from './stop-server';

/** The real catalog subgraph on port 0, on its own database, seeded through its own repository. */
export interface CatalogFixture {
  url: string;
  /** SKUs of product `i`: `<prefix>-<i>-s` and `<prefix>-<i>-m`. */
  skusOf(index: number): [string, string];
  productId(index: number): string;
  setPrice(index: number, priceMinor: number): Promise<void>;
  close(): Promise<void>;
}

export const basePrice = (index: number) => 1000 + index * 100;

export async function startCatalog(productCount: number): Promise<CatalogFixture> {
  const client = new MongoClient(process.env.MONGODB_URL!, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const db: Db = client.db(uniqueName('cart_catalog'));
  const server: RunningSubgraph = await listen(
    await createCatalogServer({ db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  const products = createRepositories(db).products;
  const productId = (index: number) => `prod-${index}`;
  const record = (index: number, priceMinor: number): ProductUpsert => ({
    id: productId(index),
    slug: `product-${index}`,
    name: `Product ${index}`,
    brand: 'Acme',
    description: `Product ${index} for cart tests`,
    currencyCode: 'INR',
    priceMinor,
    variants: [
      { sku: `${productId(index)}-s`, options: [{ name: 'Size', value: 'S' }], priceMinor },
      { sku: `${productId(index)}-m`, options: [{ name: 'Size', value: 'M' }], priceMinor },
    ],
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  await products.upsertMany(Array.from({ length: productCount }, (_, index) => record(index, basePrice(index))));
  return {
    url: server.url,
    productId,
    skusOf: (index) => [`${productId(index)}-s`, `${productId(index)}-m`],
    setPrice: (index, priceMinor) => products.upsertMany([record(index, priceMinor)]),
    async close() {
      await stopServer(server);
      await db.dropDatabase();
      await client.close();
    },
  };
}
