/**
 * Listing latency of the catalog subgraph at 2,000 and 100,000 products, with the web app's own
 * listing queries (CategoryListing and SearchListing, without the inventory `stock` field).
 *
 *   npx tsx bench/catalog-listing.ts [--sizes 2000,100000] [--iterations 300] [--phases browse,filtered,text,deep]
 *                                    [--keep] [--production] [--trace-gc] [--store-reference] [--cpu-prof <dir>]
 *
 * For each size: seeds the generated demo catalog (seed 42) into a database of its own, starts the
 * catalog subgraph as its own process (`subgraphs/catalog/src/index.ts`, port 0, as deployed:
 * CATALOG_MAX_STALENESS_MS=250) and sends it, over HTTP, one request at a time:
 *   browse   a category page (10 categories, top level to leaf, 4 orders; every fifth request
 *            first reads a page and then times the next one by cursor);
 *   filtered a category narrowed by one facet value the page offered (a brand, an attribute value
 *            or a price band): a new filter nearly every time, so matches and facets are computed
 *            afresh, never from the listing's cache;
 *   text     a search for one or two words taken from product names (by relevance, every fourth
 *            by price), nearly always a new query;
 *   deep     a category page about 2,000 products deep, by cursor, in two orders.
 * Prints p50/p95/p99/max per size and phase, the catalog process's CPU time per request (from
 * /proc), its resident memory, seeding and start times, and the 100,000 ÷ 2,000 ratios. Drops its
 * databases, unless `--keep` (then they are named bench_catalog_listing_<size> and reused).
 * `--production` runs the catalog with NODE_ENV=production (graphql-js skips its development
 * checks); `--trace-gc` adds the catalog's GC pauses per phase; `--cpu-prof <dir>` writes its CPU profile there. Needs the local stack (MONGODB_URL, default mongodb://127.0.0.1:27018/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { connectMongo, generateCatalog, isCatalogEmpty, seedCatalog } from '@shop/catalog';
import { IDENTITY_HEADER, serviceIdentity, signIdentity } from '@shop/platform';
import { uniqueName } from '@shop/platform/testing';
import { entryOf, REPO_ROOT } from '../scripts/services';

const SECRET = 'bench-identity-secret-0123456789abcdef';
const MONGODB_URL = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/';
const LISTING_PAGE = `fragment ListingPage on ProductConnection {
  totalCount
  edges { cursor node { id slug name brand price { amount currencyCode } compareAtPrice { amount currencyCode } images { url alt } } }
  pageInfo { hasNextPage endCursor }
}
fragment ListingFacets on ProductFacets {
  brands { value count selected }
  categories { category { id slug name } count }
  attributes { name values { value count selected } }
  priceBands { min { amount currencyCode } max { amount currencyCode } count }
}`;
const CATEGORY_LISTING = `query CategoryListing($slug: String!, $filter: ProductFilter!, $sort: ProductSort, $after: String) {
  category(slug: $slug) { id slug name path { id slug name } }
  products(filter: $filter, sort: $sort, first: 24, after: $after) { ...ListingPage }
  summary: products(filter: $filter, first: 0) { facets { ...ListingFacets } }
}
${LISTING_PAGE}`;
const SEARCH_LISTING = `query SearchListing($filter: ProductFilter!, $sort: ProductSort, $after: String) {
  products(filter: $filter, sort: $sort, first: 24, after: $after) { ...ListingPage }
  summary: products(filter: $filter, first: 0) { facets { ...ListingFacets } }
}
${LISTING_PAGE}`;
const WALK = `query Walk($filter: ProductFilter, $sort: ProductSort, $after: String) {
  products(filter: $filter, sort: $sort, first: 100, after: $after) { pageInfo { hasNextPage endCursor } }
}`;
const CATEGORIES = ['footwear', 'shoes', 'casual-shoes', 'apparel', 'tshirts', 'jeans', 'electronics', 'headphones', 'home', 'books'];
const SORTS = ['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC'];
const PHASES = ['browse', 'filtered', 'text', 'deep'] as const;
type Phase = (typeof PHASES)[number];

interface Facets {
  brands: Array<{ value: string }>;
  attributes: Array<{ name: string; values: Array<{ value: string }> }>;
  priceBands: Array<{ min: { amount: string }; max: { amount: string } | null }>;
}
interface ListingData {
  products: { totalCount: number; edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  summary?: { facets: Facets };
}
type Request = { query: string; variables: Record<string, unknown>; follow?: boolean };
interface PhaseResult {
  samples: number[];
  cpuMsPerRequest: number;
  gc: typeof gcPauses;
}

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024);
}

/** GC pauses the catalog process reported (`--trace-gc`): count and total main-thread pause, since the last read. */
const gcPauses = { count: 0, ms: 0, majorCount: 0, majorMs: 0 };

/** Starts the catalog subgraph as its own process and resolves with its URL once it listens. */
function startCatalogProcess(database: string): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', MONGODB_URL, CATALOG_DB: database, IDENTITY_SECRET: SECRET, LOG_LEVEL: 'info', LOG_PRETTY: '0' };
  if (flag('production')) env.NODE_ENV = 'production';
  const profile = option('cpu-prof', '');
  const args = [...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []), ...(flag('trace-gc') ? ['--trace-gc'] : []), '--import', 'tsx', entryOf('catalog')];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const pause = /(Scavenge|Mark-Compact).* MB, ([\d.]+) \/ /.exec(line);
      if (pause) {
        gcPauses.count++;
        gcPauses.ms += Number(pause[2]);
        if (pause[1] === 'Mark-Compact') {
          gcPauses.majorCount++;
          gcPauses.majorMs += Number(pause[2]);
        }
        return;
      }
      lines.push(line);
      const url = /"url":"([^"]+)"/.exec(line)?.[1];
      if (url && line.includes('catalog subgraph ready')) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`the catalog exited with code ${code}:\n${lines.slice(-20).join('\n')}`)));
  });
}

async function benchSize(size: number, iterations: number, phases: readonly Phase[]) {
  const database = flag('keep') ? `bench_catalog_listing_${size}` : uniqueName(`bench_catalog_${size}`);
  const { client, db } = await connectMongo(MONGODB_URL, database);
  let catalog: ChildProcess | null = null;
  try {
    let started = performance.now();
    let seedSeconds: number | null = null;
    if (!flag('keep') || (await isCatalogEmpty(db))) {
      await seedCatalog(db, generateCatalog({ size, seed: 42 }), { replace: true });
      seedSeconds = (performance.now() - started) / 1000;
      console.log(`  ${size}: seeded in ${seedSeconds.toFixed(1)} s`);
    }
    started = performance.now();
    const running = await startCatalogProcess(database);
    catalog = running.child;
    const pid = catalog.pid!;
    const loadSeconds = (performance.now() - started) / 1000;
    const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(serviceIdentity('bench'), SECRET) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (body.errors || !body.data) throw new Error(`listing failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const everything = await call<ListingData>(SEARCH_LISTING, { filter: {} });
    if (everything.products.totalCount !== size) throw new Error(`${database} holds ${everything.products.totalCount} products, not ${size}: drop it`);
    const rssMb = residentMb(pid);
    console.log(`  ${size}: catalog ready in ${loadSeconds.toFixed(1)} s (resident ${rssMb} MB)`);

    const requests = await prepareRequests(call);
    const results: Partial<Record<Phase, PhaseResult>> = {};
    for (const phase of phases) {
      const samples: number[] = [];
      const deadline = performance.now() + 120_000;
      let cpuBefore = 0;
      let sent = 0;
      for (let i = 0; i < iterations + 20 && performance.now() < deadline; i++) {
        if (i === 20) {
          cpuBefore = cpuMs(pid);
          sent = 0;
          Object.assign(gcPauses, { count: 0, ms: 0, majorCount: 0, majorMs: 0 });
        }
        const request = requests[phase](i);
        const variables = { ...request.variables };
        if (request.follow) {
          variables.after = (await call<ListingData>(request.query, variables)).products.pageInfo.endCursor;
          sent++;
        }
        const begin = performance.now();
        await call(request.query, variables);
        sent++;
        if (i >= 20) samples.push(performance.now() - begin);
      }
      results[phase] = { samples: samples.sort((a, b) => a - b), cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / sent, gc: { ...gcPauses } };
    }

    let storeReferenceMs: number | null = null;
    if (flag('store-reference')) {
      // For comparison: one page asked of the store itself (an indexed query on MongoDB).
      const begin = performance.now();
      const products = db.collection('products');
      await Promise.all([
        products.find({ categoryIds: 'footwear' }).sort({ priceMinor: 1, _id: 1 }).limit(25).toArray(),
        products.countDocuments({ categoryIds: 'footwear' }),
      ]);
      storeReferenceMs = performance.now() - begin;
    }
    return { size, seedSeconds, loadSeconds, rssMb, results, storeReferenceMs };
  } finally {
    if (catalog && catalog.exitCode === null) {
      const exited = new Promise((resolve) => catalog!.once('exit', resolve));
      catalog.kill('SIGTERM');
      await exited;
    }
    if (!flag('keep')) await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

/** The request of each phase's i-th step, from facet values and product names the catalog offered. */
async function prepareRequests(call: <T>(query: string, variables: Record<string, unknown>) => Promise<T>) {
  const facets = new Map<string, Facets>();
  const words = new Set<string>();
  for (const slug of CATEGORIES) {
    const data = await call<ListingData>(CATEGORY_LISTING, { slug, filter: { category: slug } });
    facets.set(slug, data.summary!.facets);
    for (const edge of data.products.edges) {
      const name = edge.node.name.split(/\s+/).filter((word) => /^[A-Za-z]{4,}$/.test(word));
      if (name.length > 0) words.add(name[0]!.toLowerCase());
      if (name.length > 1) words.add(`${name[0]!} ${name[name.length - 1]!}`.toLowerCase());
    }
  }
  const queries = [...words];
  const deep: Array<{ slug: string; sort: string; after: string }> = [];
  for (const slug of CATEGORIES.slice(0, 4)) {
    for (const sort of ['PRICE_ASC', 'NEWEST']) {
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const walked: ListingData = await call<ListingData>(WALK, { filter: { category: slug }, sort, after });
        if (!walked.products.pageInfo.hasNextPage) break;
        after = walked.products.pageInfo.endCursor;
      }
      if (after) deep.push({ slug, sort, after });
    }
  }
  const category = (slug: string, filter: Record<string, unknown>, sort: string, extra: Record<string, unknown> = {}): Request => ({
    query: CATEGORY_LISTING,
    variables: { slug, filter: { category: slug, ...filter }, sort, ...extra },
  });
  return {
    browse: (i: number): Request => ({ ...category(CATEGORIES[i % CATEGORIES.length]!, {}, SORTS[i % SORTS.length]!), follow: i % 5 === 4 }),
    filtered: (i: number): Request => {
      const slug = CATEGORIES[i % CATEGORIES.length]!;
      const offered = facets.get(slug)!;
      const pick = Math.floor(i / CATEGORIES.length);
      const sort = SORTS[i % SORTS.length]!;
      const attribute = offered.attributes[pick % Math.max(1, offered.attributes.length)];
      if (i % 3 === 0 && offered.brands.length > 0) return category(slug, { brands: [offered.brands[pick % offered.brands.length]!.value] }, sort);
      if (i % 3 === 1 && attribute) return category(slug, { attributes: [{ name: attribute.name, values: [attribute.values[pick % attribute.values.length]!.value] }] }, sort);
      const band = offered.priceBands[pick % Math.max(1, offered.priceBands.length)];
      return category(slug, band ? { minPrice: band.min.amount, ...(band.max ? { maxPrice: band.max.amount } : {}) } : {}, sort);
    },
    text: (i: number): Request => ({
      query: SEARCH_LISTING,
      variables: { filter: { query: queries[i % queries.length]! }, ...(i % 4 === 3 ? { sort: 'PRICE_ASC' } : {}) },
    }),
    deep: (i: number): Request => {
      const { slug, sort, after } = deep[i % deep.length]!;
      return category(slug, {}, sort, { after });
    },
  } satisfies Record<Phase, (i: number) => Request>;
}

async function main() {
  const sizes = option('sizes', '2000,100000').split(',').map(Number);
  const iterations = Math.min(5000, Number(option('iterations', '300')));
  const phases = option('phases', PHASES.join(',')).split(',').filter((phase): phase is Phase => (PHASES as readonly string[]).includes(phase));
  console.log(`catalog listing benchmark: sizes ${sizes.join(', ')}, phases ${phases.join(', ')}, ${iterations} timed requests each (after 20 warm-up)${flag('production') ? ', NODE_ENV=production' : ''}`);
  const results = [];
  for (const size of sizes) results.push(await benchSize(size, iterations, phases));

  console.log('');
  const traced = flag('trace-gc');
  console.log(`| products | phase | requests | p50 ms | p95 ms | p99 ms | max ms | catalog CPU ms/request |${traced ? ' GC pauses (major) | GC pause ms (major) |' : ''}`);
  console.log(`|---:|---|---:|---:|---:|---:|---:|---:|${traced ? '---:|---:|' : ''}`);
  for (const result of results) {
    for (const phase of phases) {
      const { samples, cpuMsPerRequest, gc } = result.results[phase]!;
      const cells = [50, 95, 99].map((p) => percentile(samples, p).toFixed(2));
      const gcCells = traced ? ` ${gc.count} (${gc.majorCount}) | ${gc.ms.toFixed(0)} (${gc.majorMs.toFixed(0)}) |` : '';
      console.log(`| ${result.size.toLocaleString('en')} | ${phase} | ${samples.length} | ${cells.join(' | ')} | ${samples[samples.length - 1]!.toFixed(2)} | ${cpuMsPerRequest.toFixed(2)} |${gcCells}`);
    }
  }
  console.log('');
  for (const result of results) {
    const seeded = result.seedSeconds === null ? 'reused' : `seeded in ${result.seedSeconds.toFixed(1)} s`;
    const store = result.storeReferenceMs === null ? '' : `; the same page asked of the store: ${result.storeReferenceMs.toFixed(0)} ms`;
    console.log(`${result.size.toLocaleString('en')} products: ${seeded}, catalog ready in ${result.loadSeconds.toFixed(1)} s, resident ${result.rssMb} MB${store}`);
  }
  if (results.length >= 2) {
    const [small, large] = [results[0]!, results[results.length - 1]!];
    for (const phase of phases) {
      const ratio = (p: number) => (percentile(large.results[phase]!.samples, p) / percentile(small.results[phase]!.samples, p)).toFixed(2);
      console.log(`${phase}: ${large.size.toLocaleString('en')} ÷ ${small.size.toLocaleString('en')} products: p50 ×${ratio(50)}, p99 ×${ratio(99)}`);
    }
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
