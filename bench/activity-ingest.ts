/**
 * Activity ingestion: events per second through `recordEvents`, straight into the activity
 * subgraph (in-process server on loopback, real Cassandra), in batches of 100 as the web app sends them.
 *
 *   npx tsx bench/activity-ingest.ts [--events 5000] [--runs 3] [--concurrency 1,4,16]
 *
 * Each scenario sends a bounded number of events; every figure is the median of `--runs` runs.
 * Uses CASSANDRA_CONTACT_POINTS / CASSANDRA_LOCAL_DATACENTER (default: the local stack) and a
 * keyspace of its own, dropped at the end. The gateway variant is added with the gateway.
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { createLogger, listen, RoundTripCounter } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { connectCassandra, createActivityServer, dropKeyspace, type ActivityEventInputLike } from '../subgraphs/activity/src/public-api';

const BATCH = 100;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const EVENTS = Number(option('events', '5000'));
const RUNS = Number(option('runs', '3'));
const CONCURRENCY = option('concurrency', '1,4,16').split(',').map(Number);

const RECORD = `mutation($events: [ActivityEventInput!]!) { recordEvents(events: $events) { accepted duplicates rejected { code } } }`;

/** A realistic mix: mostly views, some clicks, searches and add-to-carts, over 500 products in 12 categories. */
function makeEvent(n: number): ActivityEventInputLike {
  const productNumber = (n * 7919) % 500;
  const product = `bench-p${productNumber}`;
  const categoryIds = [`bench-cat-${productNumber % 12}`];
  const roll = n % 20;
  if (roll < 14) return { id: randomUUID(), type: 'view', productId: product, categoryIds };
  if (roll < 17) return { id: randomUUID(), type: 'click', productId: product, source: 'home', categoryIds };
  if (roll < 18) return { id: randomUUID(), type: 'add_to_cart', productId: product, sku: `${product}-m`, categoryIds };
  return { id: randomUUID(), type: 'search', query: `shoes ${n % 50}` };
}

function batches(total: number): ActivityEventInputLike[][] {
  const all = Array.from({ length: total }, (_, n) => makeEvent(n));
  return Array.from({ length: Math.ceil(total / BATCH) }, (_, i) => all.slice(i * BATCH, (i + 1) * BATCH));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface RunResult {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  requestsPerBatch: number;
}

// Browsers each send whole batches; a retry comes from the same browser (dedupe is per shopper).
const guests = Array.from({ length: 50 }, () => identities.guest());

async function run(url: string, work: ActivityEventInputLike[][], concurrency: number, roundTrips: RoundTripCounter): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  roundTrips.reset();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const index = next++;
        const sent = performance.now();
        const result = await callGraphQL<{ recordEvents: { accepted: number; rejected: unknown[] } }>(url, RECORD, { events: work[index] }, {
          identity: guests[index % guests.length],
        });
        latencies.push(performance.now() - sent);
        if (result.errors || result.data?.recordEvents.accepted !== work[index]!.length) {
          throw new Error(`batch ${index} failed: ${JSON.stringify(result.errors ?? result.data)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const events = work.reduce((sum, batch) => sum + batch.length, 0);
  return { eventsPerSecond: events / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), requestsPerBatch: roundTrips.total() / work.length };
}

async function main() {
  const client = await connectCassandra({
    contactPoints: process.env.CASSANDRA_CONTACT_POINTS ?? '127.0.0.1:19042',
    localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER ?? 'datacenter1',
  });
  const keyspace = uniqueName('activity_bench');
  const roundTrips = new RoundTripCounter();
  const app = await createActivityServer({
    client,
    keyspace: { keyspace, replication: 'simple', replicationFactor: 1, datacenters: '', localDataCenter: 'datacenter1' },
    logger: createLogger('activity', 'silent'),
    identitySecret: TEST_IDENTITY_SECRET,
    catalogUrl: 'http://127.0.0.1:9/graphql',
    settings: { pruneIntervalMinutes: 0 },
    roundTrips,
  });
  const server = await listen(app, 0);
  const rows: string[][] = [];
  try {
    await run(server.url, batches(BATCH * 5), 4, roundTrips); // warm-up: prepared statements, JIT
    for (const concurrency of CONCURRENCY) {
      const fresh: RunResult[] = [];
      const retried: RunResult[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const work = batches(EVENTS);
        fresh.push(await run(server.url, work, concurrency, roundTrips));
        // The same batches again: every event is a duplicate (a client retrying after a timeout).
        retried.push(await run(server.url, work, concurrency, roundTrips));
      }
      for (const [kind, results] of [['new events', fresh], ['retried batches', retried]] as const) {
        rows.push([
          kind,
          String(concurrency),
          String(EVENTS),
          median(results.map((r) => r.eventsPerSecond)).toFixed(0),
          median(results.map((r) => r.p50)).toFixed(1),
          median(results.map((r) => r.p99)).toFixed(1),
          median(results.map((r) => r.requestsPerBatch)).toFixed(0),
        ]);
      }
    }
  } finally {
    await server.close();
    await dropKeyspace(client, keyspace);
    await client.shutdown();
  }

  const header = ['scenario', 'batches in flight', 'events/run', 'events/s', 'batch p50 ms', 'batch p99 ms', 'Cassandra requests/batch'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nactivity ingestion, direct to the subgraph (batches of ${BATCH}; median of ${RUNS} runs)`);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${new Date().toISOString()}`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
