import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMongo, generateCatalog, importFashionCatalog, seedCatalog, type SeedProduct } from '@shop/catalog';
import { createDynamoClient, seedStock } from '@shop/inventory';
import { REPO_ROOT } from '@shop/stack';

export const FASHION_CATALOG = join(REPO_ROOT, '..', 'shared', 'data', 'fashion-catalog-5k.jsonl');

/** Leaf categories the browser tests shop in, and how many products of each to load. */
const CATEGORIES = [
  'Apparel > Topwear > Tshirts',
  'Apparel > Topwear > Shirts',
  'Footwear > Shoes > Casual Shoes',
  'Accessories > Watches > Watches',
  'Accessories > Bags > Handbags',
];
// Enough for more than one page in a top-level category; few enough to seed stock quickly.
const PER_CATEGORY = 24;
const PER_TOP_LEVEL = 60;

export interface SeedSummary {
  products: number;
  skus: number;
  source: 'fashion' | 'generated';
}

/** The real fashion catalog's first products of a few categories (only sized ones for apparel and shoes). */
function fashionSubset(): string {
  const picked = new Map<string, string[]>(CATEGORIES.map((category) => [category, []]));
  for (const line of readFileSync(FASHION_CATALOG, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { category_path: string; variants?: unknown[] | null };
    const bucket = picked.get(row.category_path);
    const sized = (row.variants?.length ?? 0) > 1 || row.category_path.startsWith('Accessories');
    if (bucket && sized && bucket.length < PER_CATEGORY) bucket.push(line);
  }
  return [...picked.values()].flat().join('\n');
}

/**
 * Without the shared data: generated products of the first two top-level categories (the nav lists
 * categories by name), PER_TOP_LEVEL each, so the first category has more than one listing page.
 */
function generatedSubset() {
  const byTopLevel = new Map<string, SeedProduct[]>();
  for (const product of generateCatalog({ size: 1_000, seed: 42 })) {
    const top = product.categoryPath[0] ?? '';
    const bucket = byTopLevel.get(top) ?? [];
    if (bucket.length < PER_TOP_LEVEL) bucket.push(product);
    byTopLevel.set(top, bucket);
  }
  const firstTwo = [...byTopLevel.keys()].sort((a, b) => a.localeCompare(b)).slice(0, 2);
  return firstTwo.flatMap((top) => byTopLevel.get(top) ?? []);
}

/** Loads the e2e catalog into this run's catalog database and regional stock into its inventory table. */
export async function seedShop(env: NodeJS.ProcessEnv): Promise<SeedSummary> {
  const source = existsSync(FASHION_CATALOG) ? 'fashion' : 'generated';
  let products;
  if (source === 'fashion') {
    const dir = mkdtempSync(join(tmpdir(), 'shop-e2e-seed-'));
    try {
      const file = join(dir, 'catalog.jsonl');
      writeFileSync(file, fashionSubset());
      products = await importFashionCatalog(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    products = generatedSubset();
  }
  const { client, db } = await connectMongo(env.MONGODB_URL!, env.CATALOG_DB!);
  try {
    const skus = await seedCatalog(db, products, { replace: true });
    await seedStock({ client: createDynamoClient(env.DYNAMODB_ENDPOINT!), tablePrefix: env.INVENTORY_TABLE_PREFIX }, skus, { seed: 7 });
    return { products: products.length, skus: skus.length, source };
  } finally {
    await client.close();
  }
}
