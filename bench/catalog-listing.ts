/**
 * Listing-page latency of the catalog subgraph at 2,000 and 100,000 products.
 *
 *   npx tsx bench/catalog-listing.ts [--sizes 2000,100000] [--iterations 300] [--store-reference]
 *
 * For each size: seeds a database of its own with the generated demo catalog, starts the catalog
 * subgraph in this process (port 0), and times the listing query a shop page sends (24 products,
 * a category, a sort, total and facets; every fifth request follows a cursor to a deeper page)
 * over HTTP, twice: "browse" rotates over 10 categories and 4 orders (a category's matches and
 * facets are computed once and reused for its other pages and orders until the catalog changes),
 * "uncached" adds a different (harmless) price floor to every request, so each one computes its
 * matches and facets from scratch. Prints p50/p95/p99 per size and phase, and the ratio between
 * sizes. The databases are dropped.
 * Needs the local stack (MONGODB_URL, default mongodb://127.0.0.1:27018/). Not part of the tests.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { connectMongo, createCatalogServer, generateCatalog, seedCatalog } from '@shop/catalog';
import { createLogger, IDENTITY_HEADER, listen, serviceIdentity, signIdentity } from '@shop/platform';
import { uniqueName } from '@shop/platform/testing';

const SECRET = 'bench-identity-secret-0123456789abcdef';
// A full GC before reading the heap, so that it shows what the read model keeps alive.
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;
const QUERY = `query Listing($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
  products(filter: $filter, sort: $sort, first: $first, after: $after) {
    edges { cursor node { id slug name brand price { amount currencyCode } compareAtPrice { amount } images { url alt } } }
    pageInfo { hasNextPage endCursor }
    totalCount
    facets {
      brands { value count selected }
      categories { category { id slug name } count }
      attributes { name values { value count selected } }
      priceBands { min { amount currencyCode } max { amount } count }
    }
  }
}`;
const CATEGORIES = ['footwear', 'shoes', 'casual-shoes', 'apparel', 'tshirts', 'jeans', 'electronics', 'headphones', 'home', 'books'];
const SORTS = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC'];

interface Result {
  size: number;
  seedSeconds: number;
  loadSeconds: number;
  heapMb: number;
  phases: Record<'browse' | 'uncached', number[]>;
  storeReferenceMs: number | null;
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function benchSize(size: number, iterations: number, storeReference: boolean): Promise<Result> {
  const { client, db } = await connectMongo(process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/', uniqueName(`bench_catalog_${size}`));
  try {
    let started = performance.now();
    await seedCatalog(db, generateCatalog({ size, seed: 42 }), { replace: true });
    const seedSeconds = (performance.now() - started) / 1000;
    console.log(`  ${size}: seeded in ${seedSeconds.toFixed(1)} s`);

    started = performance.now();
    // As the service runs by default (CATALOG_MAX_STALENESS_MS=250).
    const app = await createCatalogServer({ db, logger: createLogger('catalog', 'silent'), identitySecret: SECRET, maxStalenessMs: 250 });
    const loadSeconds = (performance.now() - started) / 1000;
    collectGarbage();
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
    console.log(`  ${size}: listing index loaded in ${loadSeconds.toFixed(1)} s (heap ${heapMb} MB)`);
    const running = await listen(app, 0);

    const call = async (variables: Record<string, unknown>) => {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(serviceIdentity('bench'), SECRET) },
        body: JSON.stringify({ query: QUERY, variables }),
      });
      const body = (await response.json()) as { data?: { products: { pageInfo: { endCursor: string | null } } }; errors?: unknown };
      if (body.errors || !body.data) throw new Error(`listing failed: ${JSON.stringify(body.errors)}`);
      return body.data.products.pageInfo.endCursor;
    };

    const phase = async (uncached: boolean) => {
      const samples: number[] = [];
      const deadline = performance.now() + 120_000;
      for (let i = 0; i < iterations + 20 && performance.now() < deadline; i++) {
        const filter: Record<string, unknown> = { category: CATEGORIES[i % CATEGORIES.length] };
        // Every price is above 1.00, so the floor changes no answer, only the cache key.
        if (uncached) filter.minPrice = `0.${String(i).padStart(4, '0')}`;
        const variables: Record<string, unknown> = { filter, sort: SORTS[i % SORTS.length], first: 24 };
        if (i % 5 === 4) variables.after = await call(variables);
        const begin = performance.now();
        await call(variables);
        if (i >= 20) samples.push(performance.now() - begin);
      }
      return samples.sort((a, b) => a - b);
    };
    const phases = { browse: await phase(false), uncached: await phase(true) };
    await running.close();

    let storeReferenceMs: number | null = null;
    if (storeReference) {
      // For comparison: the same page asked of the store itself (an indexed query on MongoDB).
      const begin = performance.now();
      const products = db.collection('products');
      await Promise.all([
        products.find({ categoryIds: 'footwear' }).sort({ priceMinor: 1, _id: 1 }).limit(25).toArray(),
        products.countDocuments({ categoryIds: 'footwear' }),
      ]);
      storeReferenceMs = performance.now() - begin;
    }
    return { size, seedSeconds, loadSeconds, heapMb, phases, storeReferenceMs };
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

async function main() {
  const sizes = option('sizes', '2000,100000').split(',').map(Number);
  const iterations = Math.min(5000, Number(option('iterations', '300')));
  const storeReference = process.argv.includes('--store-reference');
  console.log(`catalog listing benchmark: sizes ${sizes.join(', ')}, ${iterations} timed requests each (after 20 warm-up)`);
  const results: Result[] = [];
  for (const size of sizes) results.push(await benchSize(size, iterations, storeReference));

  const rows = results.flatMap((result) =>
    (['browse', 'uncached'] as const).map((name) => {
      const samples = result.phases[name];
      return {
        products: result.size.toLocaleString('en'),
        phase: name,
        'seed s': result.seedSeconds.toFixed(1),
        'load s': result.loadSeconds.toFixed(1),
        'heap MB': result.heapMb,
        requests: samples.length,
        'p50 ms': percentile(samples, 50).toFixed(2),
        'p95 ms': percentile(samples, 95).toFixed(2),
        'p99 ms': percentile(samples, 99).toFixed(2),
        'max ms': samples[samples.length - 1]!.toFixed(2),
        ...(storeReference ? { 'store query ms': result.storeReferenceMs?.toFixed(0) ?? '' } : {}),
      };
    }),
  );
  console.table(rows);
  if (results.length >= 2) {
    const [small, large] = [results[0]!, results[results.length - 1]!];
    for (const name of ['browse', 'uncached'] as const) {
      const ratio = (p: number) => (percentile(large.phases[name], p) / percentile(small.phases[name], p)).toFixed(2);
      console.log(`${name}: ratio ${large.size.toLocaleString('en')} / ${small.size.toLocaleString('en')} products: p50 ×${ratio(50)}, p99 ×${ratio(99)}`);
    }
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
