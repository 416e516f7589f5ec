import { connectMongo, generateCatalog, seedCatalog } from '@shop/catalog';

/** Database of the generated catalog of `size` products; apart from the demo catalog. */
export const scaleDatabase = (size: number) => `bench_scale_${size}`;

/**
 * Seeds the generated catalog of `size` products (seed 42, as the demo) into its own database,
 * once: a later run finds it complete and reuses it. Catalog only: the scale scenario measures
 * the catalog's listing and the recommendations index, which grow with the catalog.
 */
export async function ensureScaleCatalog(mongoUrl: string, size: number, log: (line: string) => void): Promise<void> {
  const { client, db } = await connectMongo(mongoUrl, scaleDatabase(size));
  try {
    const count = await db.collection('products').countDocuments();
    if (count === size) return;
    const started = Date.now();
    log(`seeding ${size.toLocaleString('en')} generated products into ${scaleDatabase(size)} (once; later runs reuse it)…`);
    await seedCatalog(db, generateCatalog({ size, seed: 42 }), { replace: true });
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await client.close();
  }
}

/** Drops the scale database, e.g. when the catalog of today no longer starts on data seeded by an older one. */
export async function dropScaleCatalog(mongoUrl: string, size: number): Promise<void> {
  const { client, db } = await connectMongo(mongoUrl, scaleDatabase(size));
  try {
    await db.dropDatabase();
  } finally {
    await client.close();
  }
}
