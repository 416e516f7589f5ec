import { join } from 'node:path';
import { entryOf } from '../../scripts/services';
import { interleave, warmUp, type BenchContext, type Scenario } from '../lib/context';
import { dataOf, postGraphQL, signedHeaders } from '../lib/graphql-http';
import type { GraphQLOperation, LoadAuth, LoadResult } from '../lib/load-protocol';
import { startServiceProcess, stopProcesses, waitForUrl, type ServiceProcess } from '@shop/stack';
import { figureOf, ms, pairedRatio, times } from '../lib/stats';
import { dropScaleCatalog, ensureScaleCatalog, scaleDatabase } from './scale-data';

/** The catalog's part of the web app's CategoryListing (ListingPage without stock, and the facets). */
const LISTING = `query BenchScaleListing($filter: ProductFilter!) {
  products(filter: $filter, first: 24) { totalCount edges { cursor node { id slug name brand price { amount currencyCode } compareAtPrice { amount currencyCode } images { url alt } } } pageInfo { hasNextPage endCursor } }
  summary: products(filter: $filter, first: 0) { facets { brands { value count selected } categories { category { id slug name } count } attributes { name values { value count selected } } priceBands { min { amount currencyCode } max { amount currencyCode } count } } }
}`;
/** What the gateway asks recommendations for on a product page: similar(first: 4) of one product. */
const SIMILAR = `query BenchScaleSimilar($r: [_Any!]!) { _entities(representations: $r) { ... on Product { similar(first: 4) { id } } } }`;
const TOP_CATEGORY = `query BenchScaleCategories { categories { slug productCount } }`;

const PORTS = { catalog: 4111, similar: 4121 };

interface SizeSetup {
  size: number;
  catalogUrl: string;
  similarUrl: string;
  listing: GraphQLOperation;
  similar: GraphQLOperation;
  catalogStartSec: number;
  similarStartSec: number;
}

type SetupContext = Pick<BenchContext, 'system' | 'log'>;

async function startSize(context: SetupContext, size: number, index: number, procs: ServiceProcess[]): Promise<SizeSetup> {
  const { system, log } = context;
  const mongo = system.stores.MONGODB_URL ?? process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/';
  await ensureScaleCatalog(mongo, size, (line) => log(`  ${line}`));
  const catalogPort = PORTS.catalog + index;
  const similarPort = PORTS.similar + index;
  const env = { ...process.env, LOG_LEVEL: 'warn', LOG_PRETTY: '0' };
  const similar = startServiceProcess(`similar (${size})`, join(__dirname, '..', 'scale', 'similar-server.ts'), { env: { ...env, PORT: String(similarPort), SIZE: String(size) } });
  procs.push(similar);
  const startCatalog = async () => {
    const catalog = startServiceProcess(`catalog (${size})`, entryOf('catalog'), { env: { ...env, PORT: String(catalogPort), MONGODB_URL: mongo, CATALOG_DB: scaleDatabase(size) } });
    procs.push(catalog);
    await waitForUrl(catalog, `http://127.0.0.1:${catalogPort}/ready`, 300_000);
  };
  let started = Date.now();
  try {
    await startCatalog();
  } catch (error) {
    // Data seeded by an older catalog may not load in today's: seed it afresh, once.
    log(`  ${scaleDatabase(size)} did not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); seeding it again…`);
    await stopProcesses(procs.filter((proc) => proc.name === `catalog (${size})`));
    await dropScaleCatalog(mongo, size);
    await ensureScaleCatalog(mongo, size, (line) => log(`  ${line}`));
    started = Date.now();
    await startCatalog();
  }
  const catalogStartSec = (Date.now() - started) / 1000;
  started = Date.now();
  await waitForUrl(similar, `http://127.0.0.1:${similarPort}/ready`, 300_000);
  const similarStartSec = (Date.now() - started) / 1000;
  const catalogUrl = `http://127.0.0.1:${catalogPort}/graphql`;
  const service = signedHeaders({ role: 'service', service: 'bench', scopes: [] }, system.identitySecret);
  const categories = dataOf(await postGraphQL<{ categories: Array<{ slug: string; productCount: number }> }>(catalogUrl, TOP_CATEGORY, {}, service), 'reading scale categories').categories;
  const top = [...categories].sort((a, b) => b.productCount - a.productCount)[0]!;
  const ids = Array.from({ length: 48 }, (_, i) => `gen-${String(i * 37 + 1).padStart(6, '0')}`);
  return {
    size,
    catalogUrl,
    similarUrl: `http://127.0.0.1:${similarPort}/graphql`,
    listing: { query: LISTING, variants: [{ filter: { category: top.slug } }, { filter: {} }] },
    similar: { query: SIMILAR, variants: ids.map((id) => ({ r: [{ __typename: 'Product', id }] })) },
    catalogStartSec,
    similarStartSec,
  };
}

const procs: ServiceProcess[] = [];
let preparing: Promise<SizeSetup[]> | undefined;

/** Seeds (once) and starts a catalog and a recommendations index per size; the 100,000-product catalog takes minutes to load. */
function prepareSizes(context: SetupContext, sizes: readonly number[]): Promise<SizeSetup[]> {
  preparing ??= (async () => {
    const setups: SizeSetup[] = [];
    for (const [index, size] of sizes.entries()) setups.push(await startSize(context, size, index, procs));
    return setups;
  })();
  return preparing;
}

const sizesOf = (quick: boolean) => (quick ? [2_000] : [2_000, 100_000]);

export const scaleScenario: Scenario = {
  id: 'scale',
  title: 'Scale: 2,000 vs 100,000 products',
  about: 'listing and similar latency on generated catalogs of 2,000 and 100,000 products (separate databases; seeded once)',
  quick: true,
  prepare(context) {
    // Started early so its minutes of loading overlap the bench's setup; a failure surfaces in run().
    prepareSizes(context, sizesOf(context.options.quick)).catch(() => undefined);
  },
  async run(context) {
    const { system, fixtures, load, options } = context;
    const sizes = sizesOf(options.quick);
    const setups = await prepareSizes(context, sizes);
    const auth: LoadAuth = { kind: 'signed', identities: fixtures.browsers.map((shopper) => shopper.identity), secret: system.identitySecret };
    const rows: string[][] = [];
    const data: unknown[] = [];
    for (const [label, pick] of [
      ['listing: largest category, and all products (24 + facets)', (s: SizeSetup) => ({ url: s.catalogUrl, operation: s.listing })],
      ['similar(first: 4) of one product', (s: SizeSetup) => ({ url: s.similarUrl, operation: s.similar })],
    ] as const) {
      const loads = setups.map((setup) => ({ kind: 'graphql' as const, auth, ...pick(setup) }));
      await warmUp(context, loads);
      const tasks = loads.map((one) => () => load.run({ load: one, connections: 1, durationSec: options.pairSeconds }));
      const results: LoadResult[][] = await interleave(options.runs, tasks);
      const figures = results.map(figureOf);
      const growth = results.length > 1 ? times(pairedRatio(results[1]!.map((r) => r.latency.p50), results[0]!.map((r) => r.latency.p50))) : '–';
      rows.push([label, ...figures.map((f) => `${ms(f.p50)} / ${ms(f.p99)}`), growth, String(figures.reduce((sum, f) => sum + f.failures, 0))]);
      data.push({ operation: label, sizes, results });
    }
    await this.cleanup?.();
    return {
      method:
        'Generated catalogs (the demo generator, seed 42) of each size in their own MongoDB databases, each served by its own catalog subgraph process; `similar` by the recommendations subgraph over a local index of each size, with synthetic 384-dimension vectors (the cost of a query depends on the number of vectors, not on what they mean). Straight to the subgraphs with a signed guest identity, 1 shopper, interleaved. The processes start while the bench sets up, so their start-up is not in the scenario\'s time.',
      tables: [{ columns: ['operation', ...sizes.map((size) => `${size.toLocaleString('en')} products ms p50 / p99`), '100k ÷ 2k (p50)', 'failed'], rows }],
      findings: [],
      notes: [
        ...setups.map((s) => `${s.size.toLocaleString('en')} products: catalog ready ${s.catalogStartSec.toFixed(0)} s after its start (it loads its in-memory listing index first), recommendations index ready ${s.similarStartSec.toFixed(0)} s after that (synthetic vectors, IVF built).`),
        'Those start-up times are not a measurement: the processes start while the shop itself starts and the bench sets up, all on the same cores.',
      ],
      data,
    };
  },
  async cleanup() {
    await stopProcesses(procs.splice(0));
  },
};
