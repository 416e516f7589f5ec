/**
 * Inventory benchmark on DynamoDB Local (or DYNAMODB_ENDPOINT): stock-check latency for listing
 * pages of 24 and 100 products, and reservations per second when checkouts fight over few SKUs.
 *
 *   npx tsx bench/inventory-contention.ts [--iterations 200] [--reservations 1000] [--concurrency 50]
 *
 * Runs the subgraph in-process against its own table and drops it at the end.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createLogger, listen, RoundTripCounter } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { createDynamoClient, createInventoryServer, dropInventoryTable, seedStock, tableName } from '@shop/inventory';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    reservations: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
  },
});
const ITERATIONS = Number(values.iterations);
const RESERVATIONS = Number(values.reservations);
const CONCURRENCY = Number(values.concurrency);
const PRODUCTS = 100;
const VARIANTS = 4;

const STOCK = `query($ids: [ID!]!) { stock(productIds: $ids, region: "eu") {
  productId stock { available inStock lowStock } variants { sku stock { available } } } }`;
const RESERVE = `mutation($orderId: ID!, $lines: [ReserveLineInput!]!) {
  reserve(orderId: $orderId, lines: $lines, region: "eu") { reserved shortages { sku } userErrors { code } } }`;
const SET_STOCK = `mutation($sku: ID!, $quantity: Int!) { setStock(sku: $sku, region: "eu", quantity: $quantity) { userErrors { code } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const client = createDynamoClient(process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:18000');
  const tablePrefix = `${uniqueName('bench_inv')}_`;
  const roundTrips = new RoundTripCounter();
  const server = await listen(
    await createInventoryServer({ client, tablePrefix, roundTrips, logger: createLogger('inventory', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  const items = Array.from({ length: PRODUCTS }, (_, p) => Array.from({ length: VARIANTS }, (_, v) => ({ productId: `bp${p}`, sku: `bp${p}-${v}` }))).flat();
  await seedStock({ client, tablePrefix }, items);
  const lines: string[] = [`# Inventory benchmark (${new Date().toISOString()})`, ''];

  try {
    lines.push(`## Stock checks (${ITERATIONS} sequential calls each, ${VARIANTS} SKUs per product, 3 regions)`, '');
    lines.push('| products | p50 ms | p95 ms | p99 ms | mean ms | store round trips per call |', '|---|---|---|---|---|---|');
    for (const size of [24, 100]) {
      const ids = Array.from({ length: size }, (_, p) => `bp${p}`);
      for (let i = 0; i < 20; i++) await callGraphQL(server.url, STOCK, { ids }, { identity: identities.guest() });
      roundTrips.reset();
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const start = performance.now();
        const result = await callGraphQL(server.url, STOCK, { ids }, { identity: identities.guest() });
        times.push(performance.now() - start);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      lines.push(
        `| ${size} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${mean.toFixed(1)} | ${(roundTrips.total() / ITERATIONS).toFixed(1)} |`,
      );
    }

    const hot = ['bp0-0', 'bp0-1', 'bp1-0', 'bp1-1', 'bp2-0'];
    const scenarios = [
      { name: 'baseline: one checkout at a time, plenty of units', units: 100_000, count: 100, concurrency: 1 },
      { name: 'plenty: 5 hot SKUs × 100,000 units', units: 100_000, count: RESERVATIONS, concurrency: CONCURRENCY },
      { name: 'scarce: 5 hot SKUs × 20 units', units: 20, count: RESERVATIONS, concurrency: CONCURRENCY },
    ];
    lines.push('', `## Reservations under contention (${RESERVATIONS} checkouts, ${CONCURRENCY} at once, 1–3 lines from 5 hot SKUs)`, '');
    lines.push('| scenario | checkouts | at once | reservations/s | granted | refused | p50 ms | p95 ms | units granted | units left (never < 0) |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const [index, scenario] of scenarios.entries()) {
      for (const sku of hot) await callGraphQL(server.url, SET_STOCK, { sku, quantity: scenario.units }, { identity: identities.admin() });
      const times: number[] = [];
      const start = performance.now();
      const results = await pool(scenario.count, scenario.concurrency, async (i) => {
        const count = 1 + (i % 3);
        const orderLines = Array.from({ length: count }, (_, j) => ({ sku: hot[(i + j) % hot.length]!, quantity: 1 }));
        const begun = performance.now();
        const result = await callGraphQL<{ reserve: { reserved: boolean } }>(server.url, RESERVE, { orderId: `s${index}-${i}`, lines: orderLines });
        times.push(performance.now() - begun);
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return result.data!.reserve.reserved ? count : 0;
      });
      const seconds = (performance.now() - start) / 1000;
      times.sort((a, b) => a - b);
      const granted = results.filter((units) => units > 0).length;
      const unitsGranted = results.reduce((sum, units) => sum + units, 0);
      const left = await callGraphQL<{ _entities: Array<{ stock: { available: number } }> }>(
        server.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { stock(region: "eu") { available } } } }`,
        { r: hot.map((sku) => ({ __typename: 'ProductVariant', sku })) },
      );
      const unitsLeft = left.data!._entities.map((entity) => entity.stock.available);
      lines.push(
        `| ${scenario.name} | ${scenario.count} | ${scenario.concurrency} | ${(scenario.count / seconds).toFixed(0)} | ${granted} | ${scenario.count - granted} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${unitsGranted} | ${unitsLeft.join(' / ')} |`,
      );
    }
    console.log(lines.join('\n'));
  } finally {
    server.app.server.closeAllConnections();
    await new Promise((resolve) => server.app.server.close(resolve));
    await dropInventoryTable(client, tableName(tablePrefix));
    client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
