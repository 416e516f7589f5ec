/**
 * What a stock read costs the inventory subgraph, asked the way the gateway asks it: CPU of the
 * inventory process and of DynamoDB Local per request (from /proc), p50 / p99, and DynamoDB
 * requests per request (counted by the bench probe inside the service).
 *
 *   npx tsx bench/inventory-stock.ts [--requests 200] [--runs 3] [--before <dir>]
 *
 * `--before <dir>`: a folder holding an older copy of the subgraph at `<dir>/subgraphs/inventory`
 * inside this checkout (e.g. `git archive <commit> subgraphs/inventory | tar -x -C .bench-inventory-before`),
 * measured side by side. Every variant runs as its own process on one shared table; runs
 * alternate which variant goes first, and each figure is the median over runs. DynamoDB Local
 * is shared with whatever else runs on the machine, so its CPU figure is an upper bound.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { createDynamoClient, dropInventoryTable, seedStock, tableName } from '@shop/inventory';
import { freePorts, REPO_ROOT, stackDir, startServiceProcess, stopProcesses, waitForUrl, type ServiceProcess } from '@shop/stack';
import { median, percentile } from './lib/stats';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    before: { type: 'string' },
  },
});
const REQUESTS = Number(values.requests);
const RUNS = Number(values.runs);
const PRODUCTS = 48;
const VARIANTS = 4;
const ENDPOINT = process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:18000';
const TICK_MS = 10; // /proc CPU times are in clock ticks of 10 ms (CLK_TCK 100)

const CARD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { stock(region: "eu") { region inStock lowStock } } } }`;
const LEVEL = 'region available inStock lowStock regions { region available }';
const ROOT = `query($ids: [ID!]!) { stock(productIds: $ids, region: "eu") { productId stock { ${LEVEL} } variants { sku stock { ${LEVEL} } } } }`;
const PAGE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { stock(region: "eu") { ${LEVEL} } } } }`;

const ids = (count: number) => Array.from({ length: count }, (_, p) => `isb${p}`);
const products = (count: number) => ids(count).map((id) => ({ __typename: 'Product', id }));

const SCENARIOS = [
  { name: 'product cards of 8 (Home section: _entities Product, region only)', query: CARD, variables: { r: products(8) } },
  { name: 'product cards of 24 (listing page: _entities Product, region only)', query: CARD, variables: { r: products(24) } },
  { name: 'stock(productIds) of 8, every field (REST /api/stock)', query: ROOT, variables: { ids: ids(8) } },
  { name: 'stock(productIds) of 24, every field', query: ROOT, variables: { ids: ids(24) } },
  {
    name: 'variants of a product page (_entities ProductVariant ×4, with regions)',
    query: PAGE,
    variables: { r: Array.from({ length: VARIANTS }, (_, v) => ({ __typename: 'ProductVariant', sku: `isb3-${v}` })) },
  },
];

interface Variant {
  label: string;
  entry: string;
  env: Record<string, string>;
  process?: ServiceProcess;
  url?: string;
}

interface Sample {
  p50: number;
  p99: number;
  cpuMs: number;
  storeCpuMs: number;
  calls: number;
}

function cpuTicks(pid: number): number {
  // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const dynamoPid = (): number | undefined => {
  try {
    return Number(readFileSync(join(stackDir(), 'run', 'dynamodb.pid'), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
};

async function probe(url: string, reset: boolean): Promise<Record<string, number>> {
  const response = await fetch(`${url}/__bench/round-trips${reset ? '/reset' : ''}`, { method: reset ? 'POST' : 'GET' });
  return (await response.json()) as Record<string, number>;
}

async function measure(variant: Variant, scenario: (typeof SCENARIOS)[number], storePid: number | undefined): Promise<Sample> {
  const url = variant.url!;
  const graphql = `${url}/graphql`;
  const send = async () => {
    const result = await callGraphQL(graphql, scenario.query, scenario.variables, { identity: identities.guest() });
    if (result.errors) throw new Error(`${variant.label}: ${JSON.stringify(result.errors)}`);
  };
  for (let i = 0; i < 20; i++) await send();
  await probe(url, true);
  const pid = variant.process!.child.pid!;
  const cpuBefore = cpuTicks(pid);
  const storeBefore = storePid ? cpuTicks(storePid) : 0;
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await send();
    times.push(performance.now() - start);
  }
  const cpu = (cpuTicks(pid) - cpuBefore) * TICK_MS;
  const storeCpu = storePid ? (cpuTicks(storePid) - storeBefore) * TICK_MS : Number.NaN;
  const counts = await probe(url, false);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpuMs: cpu / REQUESTS,
    storeCpuMs: storeCpu / REQUESTS,
    calls: Object.entries(counts)
      .filter(([name]) => name.startsWith('dynamodb:'))
      .reduce((sum, [, count]) => sum + count, 0) / REQUESTS,
  };
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = createDynamoClient(ENDPOINT);
  const tablePrefix = `${uniqueName('bench_isb')}_`;
  const items = ids(PRODUCTS).flatMap((productId) => Array.from({ length: VARIANTS }, (_, v) => ({ productId, sku: `${productId}-${v}` })));
  await seedStock({ client, tablePrefix }, items);
  const common = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    IDENTITY_SECRET: TEST_IDENTITY_SECRET,
    DYNAMODB_ENDPOINT: ENDPOINT,
    INVENTORY_TABLE_PREFIX: tablePrefix,
    SWEEP_INTERVAL_SECONDS: '0',
    BENCH_PROBE: '1',
    NODE_OPTIONS: `--require ${join(__dirname, 'probe', 'preload.cjs')}`,
    PATH: process.env.PATH ?? '',
  };
  const current = 'subgraphs/inventory/src/index.ts';
  const variants: Variant[] = [
    ...(values.before ? [{ label: 'before', entry: resolve(values.before, current), env: {} }] : []),
    { label: 'now, read cache off', entry: join(REPO_ROOT, current), env: { STOCK_READ_CACHE_MS: '0' } },
    { label: 'now, read cache 1 s', entry: join(REPO_ROOT, current), env: { STOCK_READ_CACHE_MS: '1000' } },
  ];
  const ports = await freePorts(variants.length);
  const samples = new Map<string, Sample[]>();
  try {
    await Promise.all(
      variants.map(async (variant, i) => {
        variant.process = startServiceProcess(`inventory ${variant.label}`, variant.entry, {
          env: { ...common, ...variant.env, PORT: String(ports[i]) },
        });
        variant.url = `http://127.0.0.1:${ports[i]}`;
        await waitForUrl(variant.process, `${variant.url}/health`, 90_000);
      }),
    );
    const storePid = dynamoPid();
    for (let run = 0; run < RUNS; run++) {
      const order = variants.map((_, i) => variants[(i + run) % variants.length]!);
      for (const variant of order) {
        for (const [s, scenario] of SCENARIOS.entries()) {
          const key = `${variant.label}|${s}`;
          samples.set(key, [...(samples.get(key) ?? []), await measure(variant, scenario, storePid)]);
        }
      }
      process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
    }
  } finally {
    await stopProcesses(variants.flatMap((variant) => (variant.process ? [variant.process] : [])));
    await dropInventoryTable(client, tableName(tablePrefix));
    client.close();
  }

  const lines = [
    `# Inventory stock reads (${new Date().toISOString()})`,
    '',
    `${PRODUCTS} products × ${VARIANTS} SKUs × 3 regions; ${REQUESTS} sequential requests per figure, guest identity, median of ${RUNS} runs.`,
    'CPU = user + system time of the process per request (10 ms ticks over the whole run). DynamoDB calls as counted inside the service.',
    '',
    '| request | variant | p50 ms | p99 ms | inventory CPU ms/req | DynamoDB Local CPU ms/req | DynamoDB calls/req |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const [s, scenario] of SCENARIOS.entries()) {
    for (const variant of variants) {
      const runs = samples.get(`${variant.label}|${s}`) ?? [];
      const m = (pick: (sample: Sample) => number) => median(runs.map(pick));
      lines.push(
        `| ${scenario.name} | ${variant.label} | ${m((x) => x.p50).toFixed(1)} | ${m((x) => x.p99).toFixed(1)} | ${m((x) => x.cpuMs).toFixed(2)} | ${m((x) => x.storeCpuMs).toFixed(2)} | ${m((x) => x.calls).toFixed(1)} |`,
      );
    }
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
