/**
 * Checkout throughput and latency: `placeOrder` straight into the orders subgraph, with the real
 * catalog, inventory and cart subgraphs behind it, each started in this process on port 0 (their
 * `start<Name>` entry points, as `npm start` runs them) over the local stack's stores.
 *
 *   npx tsx bench/orders-checkout.ts [--checkouts 100] [--concurrency 1,8] [--runs 3]
 *
 * Each checkout is a fresh shopper with a two-line cart (filled beforehand, not timed); the timed
 * part is placeOrder: record → cart → prices → reserve → pay → confirm → commit stock → clear cart.
 * Every figure is the median of `--runs` runs. Uses its own MongoDB database, DynamoDB table, Redis
 * key prefix and PostgreSQL schema, and drops them at the end. Not part of the tests.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connectRedis, loadCartConfig, startCart } from '@shop/cart';
import { connectMongo, createRepositories, loadCatalogConfig, startCatalog } from '@shop/catalog';
import { createDynamoClient, dropInventoryTable, loadInventoryConfig, startInventory, tableName } from '@shop/inventory';
import { loadOrdersConfig, startOrders } from '@shop/orders';
import { createLogger, createPostgresPool, type Identity, type StartedService } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const CHECKOUTS = Number(option('checkouts', '100'));
const CONCURRENCY = option('concurrency', '1,8').split(',').map(Number);
const RUNS = Number(option('runs', '3'));
const PRODUCTS = 4;

const stores = {
  MONGODB_URL: process.env.MONGODB_URL ?? 'mongodb://127.0.0.1:27018/',
  DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:18000',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:16379',
  POSTGRES_URL: process.env.POSTGRES_URL ?? 'postgres://shop:shop@127.0.0.1:15432/shop',
};
const names = {
  CATALOG_DB: uniqueName('bench_orders_catalog'),
  INVENTORY_TABLE_PREFIX: `${uniqueName('bench_orders_inv')}_`,
  CART_KEY_PREFIX: `${uniqueName('bench_orders_cart')}:`,
  ORDERS_SCHEMA: uniqueName('bench_orders'),
};
const common = { PORT: '0', IDENTITY_SECRET: TEST_IDENTITY_SECRET, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
const silent = (name: string) => createLogger(name, 'silent');

const PLACE_ORDER = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status totals { total { amount } } } userErrors { code } } }`;
const ADD_TO_CART = 'mutation($sku: ID!, $quantity: Int!) { addToCart(sku: $sku, quantity: $quantity, region: "eu") { userErrors { code message } } }';
const SET_STOCK = `mutation($sku: ID!, $productId: ID, $quantity: Int!) {
  setStock(sku: $sku, productId: $productId, region: "eu", quantity: $quantity) { userErrors { code message } } }`;
const STOCK = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { stock(region: "eu") { available } } } }';
const skuOf = (n: number) => `bench-p${n}-m`;
const input = (key: string) => ({
  idempotencyKey: key,
  shippingAddress: { fullName: 'Bench Shopper', line1: '1 Load Street', city: 'Berlin', postalCode: '10115', countryCode: 'DE' },
  payment: { cardNumber: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: 2099, cvc: '123' },
  region: 'eu',
});

async function call<T>(url: string, identity: Identity, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await callGraphQL<T>(url, query, variables, { identity });
  if (result.errors?.length || !result.data) throw new Error(`${url}: ${JSON.stringify(result.errors ?? result.status)}`);
  return result.data;
}

async function addToCart(cartUrl: string, shopper: Identity, sku: string, quantity: number): Promise<void> {
  const { addToCart } = await call<{ addToCart: { userErrors: unknown[] } }>(cartUrl, shopper, ADD_TO_CART, { sku, quantity });
  if (addToCart.userErrors.length > 0) throw new Error(`addToCart ${sku}: ${JSON.stringify(addToCart.userErrors)}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface RunResult {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
  units: number;
}

interface Shop {
  cartUrl: string;
  ordersUrl: string;
  inventoryUrl: string;
}

let shopperCount = 0;
let firstFailure: string | undefined;

async function run(shop: Shop, checkouts: number, concurrency: number): Promise<RunResult> {
  const shoppers = Array.from({ length: checkouts }, () => identities.shopper(`bench-${(shopperCount += 1)}`));
  for (let start = 0; start < checkouts; start += 20) {
    await Promise.all(
      shoppers.slice(start, start + 20).map(async (shopper, offset) => {
        await addToCart(shop.cartUrl, shopper, skuOf((start + offset) % PRODUCTS), 1);
        await addToCart(shop.cartUrl, shopper, skuOf((start + offset + 1) % PRODUCTS), 2);
      }),
    );
  }
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = next++; index < checkouts; index = next++) {
        const sent = performance.now();
        const result = await callGraphQL<{ placeOrder: { order: { status: string } | null } }>(shop.ordersUrl, PLACE_ORDER, { input: input(`bench-checkout-${index}`) }, {
          identity: shoppers[index],
        });
        latencies.push(performance.now() - sent);
        if (result.data?.placeOrder.order?.status !== 'CONFIRMED') {
          failed += 1;
          firstFailure ??= JSON.stringify(result.errors ?? result.data);
        }
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { perSecond: checkouts / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), failed, units: (checkouts - failed) * 3 };
}

async function stockLeft(inventoryUrl: string): Promise<number> {
  const data = await call<{ _entities: Array<{ stock: { available: number } }> }>(inventoryUrl, identities.service('bench'), STOCK, {
    r: Array.from({ length: PRODUCTS }, (_, n) => ({ __typename: 'ProductVariant', sku: skuOf(n) })),
  });
  return data._entities.reduce((sum, entity) => sum + entity.stock.available, 0);
}

async function seedCatalog(): Promise<void> {
  const { client, db } = await connectMongo(stores.MONGODB_URL, names.CATALOG_DB);
  const now = new Date();
  await createRepositories(db).products.upsertMany(
    Array.from({ length: PRODUCTS }, (_, n) => ({
      id: `bench-p${n}`,
      slug: `bench-p${n}`,
      name: `Bench product ${n}`,
      brand: 'Acme',
      description: 'A product for the checkout benchmark',
      currencyCode: 'EUR',
      priceMinor: 1250 + n * 1000,
      variants: [{ sku: skuOf(n), options: [{ name: 'Size', value: 'M' }], priceMinor: 1250 + n * 1000 }],
      createdAt: now,
      updatedAt: now,
    })),
  );
  await client.close();
}

async function dropStores(): Promise<void> {
  const { client, db } = await connectMongo(stores.MONGODB_URL, names.CATALOG_DB);
  await db.dropDatabase();
  await client.close();
  const dynamo = createDynamoClient({ endpoint: stores.DYNAMODB_ENDPOINT });
  await dropInventoryTable(dynamo, tableName(names.INVENTORY_TABLE_PREFIX));
  dynamo.close();
  const redis = await connectRedis(stores.REDIS_URL);
  const keys = await redis.keys(`${names.CART_KEY_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  const pool = createPostgresPool({ url: stores.POSTGRES_URL, schema: names.ORDERS_SCHEMA, max: 1 });
  await pool.query(`DROP SCHEMA IF EXISTS ${names.ORDERS_SCHEMA} CASCADE`);
  await pool.end();
}

async function main(): Promise<void> {
  const started: StartedService[] = [];
  const rows: string[][] = [];
  let units = 0;
  let taken = 0;
  try {
    await seedCatalog();
    const catalog = await startCatalog(loadCatalogConfig({ ...common, ...stores, CATALOG_DB: names.CATALOG_DB }), silent('catalog'));
    started.push(catalog);
    const inventory = await startInventory(loadInventoryConfig({ ...common, ...stores, INVENTORY_TABLE_PREFIX: names.INVENTORY_TABLE_PREFIX }), silent('inventory'));
    started.push(inventory);
    const cart = await startCart(
      loadCartConfig({ ...common, ...stores, CART_KEY_PREFIX: names.CART_KEY_PREFIX, CATALOG_URL: catalog.url, INVENTORY_URL: inventory.url }),
      silent('cart'),
    );
    started.push(cart);
    const orders = await startOrders(
      loadOrdersConfig({
        ...common,
        ...stores,
        ORDERS_SCHEMA: names.ORDERS_SCHEMA,
        CATALOG_URL: catalog.url,
        INVENTORY_URL: inventory.url,
        CART_URL: cart.url,
        // Purchase events wait in the outbox: nothing listens here, so the bench never feeds a real activity store.
        ACTIVITY_URL: 'http://127.0.0.1:9/graphql',
      }),
      silent('orders'),
    );
    started.push(orders);
    for (let n = 0; n < PRODUCTS; n += 1) {
      const { setStock } = await call<{ setStock: { userErrors: unknown[] } }>(inventory.url, identities.admin(), SET_STOCK, {
        sku: skuOf(n),
        productId: `bench-p${n}`,
        quantity: 1_000_000,
      });
      if (setStock.userErrors.length > 0) throw new Error(`setStock: ${JSON.stringify(setStock.userErrors)}`);
    }
    const shop: Shop = { cartUrl: cart.url, ordersUrl: orders.url, inventoryUrl: inventory.url };
    const before = await stockLeft(inventory.url);

    units += (await run(shop, 10, 2)).units; // warm-up: connections, JIT, prepared plans
    for (const concurrency of CONCURRENCY) {
      const results: RunResult[] = [];
      for (let i = 0; i < RUNS; i += 1) results.push(await run(shop, CHECKOUTS, concurrency));
      units += results.reduce((sum, result) => sum + result.units, 0);
      rows.push([
        String(concurrency),
        String(CHECKOUTS),
        median(results.map((r) => r.perSecond)).toFixed(1),
        median(results.map((r) => r.p50)).toFixed(1),
        median(results.map((r) => r.p99)).toFixed(1),
        String(results.reduce((sum, r) => sum + r.failed, 0)),
      ]);
    }
    taken = before - (await stockLeft(inventory.url));
  } finally {
    for (const service of started.reverse()) await service.close();
    await dropStores();
  }

  const header = ['checkouts in flight', 'checkouts/run', 'checkouts/s', 'p50 ms', 'p99 ms', 'not confirmed'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\norders checkout, placeOrder straight to the subgraph (2-line carts; median of ${RUNS} runs)`);
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' / ')}; ${new Date().toISOString()}`,
  );
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
  console.log(`\nunits in confirmed orders: ${units}; units gone from stock: ${taken}${units === taken ? '' : '  ← MISMATCH'}`);
  if (firstFailure) console.log(`first checkout not confirmed: ${firstFailure}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
