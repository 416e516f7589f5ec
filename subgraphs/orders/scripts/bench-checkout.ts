/**
 * Checkout throughput and latency, directly against the orders subgraph (in-process, port 0) with
 * the real catalog, inventory and cart subgraphs and the local stack's stores.
 *
 *   npx tsx subgraphs/orders/scripts/bench-checkout.ts [checkouts=200] [concurrency=8]
 *
 * Each checkout is a fresh shopper with a two-line cart (filled beforehand, not timed); the timed
 * part is placeOrder: record → cart → prices → reserve → pay → confirm → commit → clear cart.
 */
import { identities } from '@shop/platform/testing';
import { checkoutInput, PLACE_ORDER, type PayloadView } from '../test/support/orders-harness';
import { startShop } from '../test/support/shop-harness';

const defaults: Record<string, string> = {
  POSTGRES_URL: 'postgres://shop:shop@127.0.0.1:15432/shop',
  MONGODB_URL: 'mongodb://127.0.0.1:27018/',
  REDIS_URL: 'redis://127.0.0.1:16379',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:18000',
};
for (const [name, value] of Object.entries(defaults)) process.env[name] ??= value;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const total = Number(process.argv[2] ?? 200);
  const concurrency = Number(process.argv[3] ?? 8);
  const shop = await startShop('orders_bench', { productCount: 4 });
  try {
    for (const product of shop.products) await shop.setStock(product, 1_000_000);
    const shoppers = Array.from({ length: total }, (_, index) => identities.shopper(`bench-${index}`));
    for (let start = 0; start < total; start += 20) {
      await Promise.all(
        shoppers.slice(start, start + 20).map(async (shopper, offset) => {
          const index = start + offset;
          await shop.addToCart(shopper, shop.products[index % 4]!.sku, 1);
          await shop.addToCart(shopper, shop.products[(index + 1) % 4]!.sku, 2);
        }),
      );
    }
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < total; index = next++) {
          const started = performance.now();
          const result = await shop.orders.call<{ placeOrder: PayloadView }>(shoppers[index]!, PLACE_ORDER, {
            input: checkoutInput(`bench-key-${index}`),
          });
          latencies.push(performance.now() - started);
          if (result.data?.placeOrder.order?.status !== 'CONFIRMED') failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.table([
      {
        checkouts: total,
        concurrency,
        failed: failures,
        'checkouts/s': (total / seconds).toFixed(1),
        'p50 ms': percentile(sorted, 50).toFixed(1),
        'p95 ms': percentile(sorted, 95).toFixed(1),
        'p99 ms': percentile(sorted, 99).toFixed(1),
        'max ms': sorted[sorted.length - 1]!.toFixed(1),
      },
    ]);
  } finally {
    await shop.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
