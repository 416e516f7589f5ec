/**
 * Latency of addToCart and of a cart read on the cart subgraph itself (no gateway), against the
 * real catalog and inventory subgraphs in-process and the local stack's stores.
 * Run from the repo root with the stack up: `npx tsx subgraphs/cart/bench/cart-latency.ts [requests]`.
 */
import { identities } from '@shop/platform/testing';
import { ADD, CART, startCartHarness, type CartHarness } from '../test/support/cart-harness';

process.env.MONGODB_URL ??= 'mongodb://127.0.0.1:27018/';
process.env.REDIS_URL ??= 'redis://127.0.0.1:16379';
process.env.DYNAMODB_ENDPOINT ??= 'http://127.0.0.1:18000';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(shop: CartHarness, label: string, count: number, concurrency: number, run: (index: number) => Promise<void>) {
  shop.roundTrips.reset();
  const timings: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const start = performance.now();
        await run(index);
        timings.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  timings.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1);
  console.log(
    `${label.padEnd(44)} n=${count} c=${concurrency}  p50 ${ms(percentile(timings, 50))} ms  p95 ${ms(percentile(timings, 95))} ms  p99 ${ms(percentile(timings, 99))} ms  ${(count / seconds).toFixed(0)} req/s`,
  );
  const perRequest = Object.entries(shop.roundTrips.snapshot()).map(([operation, calls]) => `${operation} ${(calls / count).toFixed(2)}`);
  console.log(`${''.padEnd(44)} calls per request: ${perRequest.join(', ') || 'none'}`);
}

async function main() {
  const count = Number(process.argv[2] ?? 300);
  const shop: CartHarness = await startCartHarness({ products: 20, stock: 100_000, settings: { maxLineQuantity: 10_000 } });
  try {
    const guest = identities.guest();
    const tenLines = Array.from({ length: 5 }, (_, index) => shop.catalog.skusOf(index)).flat();
    const expect = (errors: unknown) => {
      if (errors) throw new Error(JSON.stringify(errors));
    };
    for (const sku of tenLines) expect((await shop.call(guest, ADD, { sku, quantity: 1 })).errors);
    for (const concurrency of [1, 10]) {
      await measure(shop, 'addToCart (10-line cart, full payload)', count, concurrency, async (index) =>
        expect((await shop.call(guest, ADD, { sku: tenLines[index % 10], quantity: 1 })).errors),
      );
      await measure(shop, 'cart read (10 lines, prices, warnings, stock)', count, concurrency, async () =>
        expect((await shop.call(guest, CART)).errors),
      );
      await measure(shop, 'cart badge (totalQuantity: Redis only)', count, concurrency, async () =>
        expect((await shop.call(guest, '{ cart { totalQuantity } }')).errors),
      );
    }
  } finally {
    await shop.close();
  }
}

void main();
