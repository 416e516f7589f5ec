/**
 * What the gateway adds to a trivial fetch: `product(id)` through an in-process gateway vs
 * straight at the catalog subgraph (a child process, signed identity), sequentially, in
 * interleaved blocks, on the local stack's MongoDB. Prints medians; run it under
 * `node --cpu-prof` to see where the gateway's time goes:
 *
 *   npx tsx gateway/scripts/profile-overhead.ts [requests=3000]
 *   node --cpu-prof --cpu-prof-dir=/tmp/gw-prof --import tsx gateway/scripts/profile-overhead.ts
 */
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import { createRepositories } from '@shop/catalog';
import { createLogger, IDENTITY_HEADER, listen, signIdentity } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { createAuthenticator, GUEST_TOKEN_HEADER } from '../src/authenticate';
import { composeSupergraph, REPO_ROOT } from '../src/composition';
import { createCredentialResolver } from '../src/credentials';
import { createGatewayServer } from '../src/gateway-server';
import { CATEGORIES, catalogRecords, PRODUCTS } from '../test/rest-support/fixture';

const QUERY = 'query BenchProductById($id: ID!) { product(id: $id) { id slug name brand description price { amount currencyCode } images { url alt } } }';
const DEAD_URL = 'http://127.0.0.1:9/graphql';
const COOKIE_SECRET = 'profile-cookie-secret-0123456789abcdef0123';
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

async function waitReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never became ready`);
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 3000);
  const mongoUrl = process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/';
  const dbName = uniqueName('profile_catalog');
  const mongo = await new MongoClient(mongoUrl).connect();
  const db = mongo.db(dbName);
  const repositories = createRepositories(db);
  await repositories.categories.saveMany(CATEGORIES);
  await repositories.products.upsertMany(catalogRecords(new Date()));

  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const catalog = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'subgraphs/catalog/src/index.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), CATALOG_DB: dbName, MONGODB_URL: mongoUrl, IDENTITY_SECRET: TEST_IDENTITY_SECRET, LOG_LEVEL: 'silent', NODE_OPTIONS: '' },
    stdio: 'inherit',
  });
  const catalogUrl = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitReady(`http://127.0.0.1:${port}/ready`);
    const app = await createGatewayServer({
      supergraphSdl: composeSupergraph(),
      subgraphUrls: { catalog: catalogUrl, accounts: DEAD_URL },
      identitySecret: TEST_IDENTITY_SECRET,
      cookieSecret: COOKIE_SECRET,
      authenticate: createAuthenticator({
        cookieSecret: COOKIE_SECRET,
        secureCookies: false,
        credentials: createCredentialResolver({ accountsUrl: DEAD_URL, identitySecret: TEST_IDENTITY_SECRET, ttlMs: 30_000 }),
      }),
      logger: createLogger('gateway', 'silent'),
      webRoot: null,
      settings: { perAddressPerMinute: 1_000_000 },
    });
    const gateway = await listen(app, 0);
    const first = await post(gateway.url, JSON.stringify({ query: '{ __typename }' }), {});
    const guestToken = String(first.headers[GUEST_TOKEN_HEADER]);
    const guestId = guestToken.split('.')[0]!;
    const bodies = PRODUCTS.map((product) => JSON.stringify({ query: QUERY, variables: { id: product.id } }));

    const viaGateway = async (i: number) => post(gateway.url, bodies[i % bodies.length]!, { [GUEST_TOKEN_HEADER]: guestToken });
    const direct = async (i: number) =>
      post(catalogUrl, bodies[i % bodies.length]!, { [IDENTITY_HEADER]: signIdentity({ role: 'guest', guestId, scopes: [] }, TEST_IDENTITY_SECRET) });
    for (const call of [viaGateway, direct]) {
      const check = await call(0);
      if (check.status !== 200 || !check.text.includes(PRODUCTS[0]!.name)) throw new Error(`unexpected answer ${check.status}: ${check.text}`);
    }

    const timings = { gateway: [] as number[], direct: [] as number[] };
    // CPU of this process per request: the client's share is the same on both sides, so the
    // difference is the gateway's own work, and it is far less noisy than latency on shared cores.
    const cpu = { gateway: 0, direct: 0 };
    const block = 100;
    const warm = Math.min(500, requests / 5);
    for (let i = 0; i < warm; i += 1) {
      await viaGateway(i);
      await direct(i);
    }
    for (let done = 0; done < requests; done += block) {
      for (const [name, call] of [['gateway', viaGateway], ['direct', direct]] as const) {
        const cpuBefore = process.cpuUsage();
        for (let i = 0; i < block; i += 1) {
          const started = performance.now();
          const response = await call(done + i);
          timings[name].push(performance.now() - started);
          if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${response.text}`);
        }
        const used = process.cpuUsage(cpuBefore);
        cpu[name] += (used.user + used.system) / 1000;
      }
    }
    const report = (name: keyof typeof timings) =>
      `${name.padEnd(8)} p50 ${median(timings[name]).toFixed(3)} ms  p90 ${percentile(timings[name], 0.9).toFixed(3)} ms  (${timings[name].length} requests)`;
    console.log(report('gateway'));
    console.log(report('direct'));
    console.log(`added p50 ${(median(timings.gateway) - median(timings.direct)).toFixed(3)} ms`);
    const perRequest = (name: keyof typeof cpu) => cpu[name] / timings[name].length;
    console.log(`CPU of this process per request: gateway ${perRequest('gateway').toFixed(3)} ms, direct ${perRequest('direct').toFixed(3)} ms, the gateway's own ${(perRequest('gateway') - perRequest('direct')).toFixed(3)} ms`);
    await app.close();
  } finally {
    catalog.kill('SIGTERM');
    await db.dropDatabase();
    await mongo.close();
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
