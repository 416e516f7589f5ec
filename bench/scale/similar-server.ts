/**
 * The recommendations subgraph over a local vector index of the generated catalog of SIZE
 * products, listening on PORT, for the scale scenario (started by it as a separate process).
 *
 * The vectors are synthetic (a unit vector per leaf category plus per-product noise, 384
 * dimensions like the local model): `similar` costs one fetch and one pass over the index, and
 * that cost depends on the number and length of the vectors, not on what they mean. Embedding
 * 100,000 products with the local model would take far longer than the whole bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCatalog } from '@shop/catalog';
import { commonEnv, createLogger, listen, loadConfig } from '@shop/platform';
import { createRecommendationsServer, LocalVectorIndex } from '@shop/recommendations';
import { z } from 'zod';
import { mulberry32 } from '../../subgraphs/recommendations/src/domain/random';

const DIMENSION = 384;
const config = loadConfig(
  'bench-similar',
  z.object({ ...commonEnv, SIZE: z.coerce.number().int().min(1).max(1_000_000), PORT: z.coerce.number().int().min(0) }),
);


function unit(values: Float32Array): Float32Array {
  let norm = 0;
  for (const value of values) norm += value * value;
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < values.length; i++) values[i]! *= scale;
  return values;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-similar-'));
  const index = LocalVectorIndex.open({ dir, dimension: DIMENSION, saveIntervalMs: Number.POSITIVE_INFINITY });
  const next = mulberry32(42);
  const centroids = new Map<string, Float32Array>();
  const centroid = (key: string) => {
    let vector = centroids.get(key);
    if (!vector) centroids.set(key, (vector = unit(Float32Array.from({ length: DIMENSION }, () => next() - 0.5))));
    return vector;
  };
  let batch: Parameters<LocalVectorIndex['upsert']>[0][number][] = [];
  for (const product of generateCatalog({ size: config.SIZE, seed: 42 })) {
    const centre = centroid(product.categoryPath.join('/'));
    const vector = unit(Float32Array.from(centre, (value) => value + (next() - 0.5) * 0.08));
    const colour = product.attributes.find((attribute) => attribute.name.toLowerCase() === 'colour')?.value ?? '';
    batch.push({
      id: product.id,
      vector,
      metadata: {
        name: product.name,
        brand: product.brand,
        categories: product.categoryPath.map(slug),
        articleType: product.categoryPath[product.categoryPath.length - 1] ?? '',
        colour,
        textHash: product.id,
      },
    });
    if (batch.length === 5_000) {
      await index.upsert(batch);
      batch = [];
    }
  }
  await index.upsert(batch);
  await index.optimize();
  const logger = createLogger('bench-similar', 'warn');
  const app = await createRecommendationsServer({
    index,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    catalogUrl: 'http://127.0.0.1:9/graphql',
    activityUrl: 'http://127.0.0.1:9/graphql',
  });
  const running = await listen(app, config.PORT, '127.0.0.1');
  const stop = async () => {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
