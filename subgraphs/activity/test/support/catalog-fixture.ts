import { connectMongo, createCatalogServer, seedCatalog, type SeedProduct } from '@shop/catalog';
import { createLogger, listen } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';

/** The real catalog subgraph on port 0, on a database of its own, seeded with a few products. */
export interface CatalogFixture {
  url: string;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** A product of the given category path, added `day` days after the first (higher: newer). */
export function catalogProduct(id: string, categoryPath: [string, string, string], day: number): SeedProduct {
  return {
    id,
    slug: id,
    name: `Product ${id}`,
    brand: 'Acme',
    description: `${id} for activity tests`,
    currencyCode: 'EUR',
    categoryPath,
    images: [],
    attributes: [],
    variants: [{ sku: `${id}-sku`.toUpperCase(), options: [], priceMinor: 1000, compareAtPriceMinor: null }],
    createdAt: new Date(Date.UTC(2024, 0, 1) + day * DAY_MS),
  };
}

export async function startCatalog(products: SeedProduct[]): Promise<CatalogFixture> {
  const { client, db } = await connectMongo(process.env.MONGODB_URL!, uniqueName('activity_catalog'));
  await seedCatalog(db, products, { replace: true });
  const server = await listen(
    await createCatalogServer({ db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  return {
    url: server.url,
    async close() {
      await server.close();
      await db.dropDatabase();
      await client.close();
    },
  };
}
