import type Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { connectRedis, createCartServer } from '@shop/cart';
import { createCatalogServer, createRepositories } from '@shop/catalog';
import { createDynamoClient, createInventoryServer, dropInventoryTable, tableName, type Dynamo } from '@shop/inventory';
import { createLogger, listen, type Identity, type Region } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { TestPaymentProvider } from '../../src/adapters/test-payment-provider';
import { startOrders, type OrdersHarness, type OrdersHarnessOptions } from './orders-harness';

export interface ProductFixture {
  id: string;
  name: string;
  sku: string;
  priceMinor: number;
}

/**
 * What checkout calls: the REAL catalog (FerretDB), inventory (DynamoDB Local) and cart (Redis)
 * subgraphs, each in-process on port 0 on a database, table or key prefix of its own, with the
 * fixture products and helpers that set and read their state directly (signed identities).
 */
export interface ShopBackends {
  urls: { catalog: string; inventory: string; cart: string };
  products: ProductFixture[];
  addToCart(identity: Identity, sku: string, quantity: number, region?: Region): Promise<void>;
  cartLines(identity: Identity): Promise<Array<{ sku: string; quantity: number }>>;
  setStock(product: ProductFixture, quantity: number, region?: Region): Promise<void>;
  available(sku: string, region?: Region): Promise<number>;
  /** Status of the inventory reservation held for an order (PENDING, RESERVED, COMMITTED, RELEASED…), or null. */
  reservationStatus(orderId: string): Promise<string | null>;
  close(): Promise<void>;
}

/** The orders subgraph in-process over those backends. */
export interface ShopHarness extends ShopBackends {
  orders: OrdersHarness;
  payments: TestPaymentProvider;
}

const admin = identities.admin();
const service = identities.service('orders-tests');

async function gql<T>(url: string, identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await callGraphQL<T>(url, query, variables, { identity });
  if (result.errors?.length || !result.data) throw new Error(`${url}: ${JSON.stringify(result.errors ?? result.status)}`);
  return result.data;
}

async function startCatalog(products: ProductFixture[]) {
  const client = new MongoClient(process.env.MONGODB_URL!, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const db = client.db(uniqueName('orders_catalog'));
  const server = await listen(
    await createCatalogServer({ db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  const now = new Date();
  await createRepositories(db).products.upsertMany(
    products.map((product) => ({
      id: product.id,
      slug: product.id,
      name: product.name,
      brand: 'Acme',
      description: `${product.name} for checkout tests`,
      currencyCode: 'EUR',
      priceMinor: product.priceMinor,
      variants: [{ sku: product.sku, options: [{ name: 'Size', value: 'M' }], priceMinor: product.priceMinor }],
      createdAt: now,
      updatedAt: now,
    })),
  );
  return {
    server,
    close: async () => {
      await server.close();
      await db.dropDatabase();
      await client.close();
    },
  };
}

async function startInventory() {
  const dynamo: Dynamo = createDynamoClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
  const tablePrefix = `${uniqueName('orders_inv')}_`;
  const server = await listen(
    await createInventoryServer({ client: dynamo, tablePrefix, logger: createLogger('inventory', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  return {
    server,
    close: async () => {
      await server.close();
      await dropInventoryTable(dynamo, tableName(tablePrefix));
      dynamo.close();
    },
  };
}

async function startCart(catalogUrl: string, inventoryUrl: string) {
  const redis: Redis = await connectRedis(process.env.REDIS_URL!);
  const keyPrefix = `${uniqueName('orders_cart')}:`;
  const server = await listen(
    await createCartServer({
      redis,
      logger: createLogger('cart', 'silent'),
      identitySecret: TEST_IDENTITY_SECRET,
      catalogUrl,
      inventoryUrl,
      keyPrefix,
    }),
    0,
  );
  return {
    server,
    close: async () => {
      await server.close();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

export interface ShopOptions extends Omit<OrdersHarnessOptions, 'payments'> {
  payments?: TestPaymentProvider;
  productCount?: number;
}

export async function startShop(prefix: string, options: ShopOptions = {}): Promise<ShopHarness> {
  const backends = await startBackends(prefix, options.productCount);
  const payments = options.payments ?? new TestPaymentProvider();
  try {
    const orders = await startOrders(prefix, { ...options, payments, urls: { ...backends.urls, ...options.urls } });
    return {
      ...backends,
      orders,
      payments,
      async close() {
        await orders.close();
        await backends.close();
      },
    };
  } catch (error) {
    await backends.close();
    throw error;
  }
}

export async function startBackends(prefix: string, productCount = 6): Promise<ShopBackends> {
  const products: ProductFixture[] = Array.from({ length: productCount }, (_, index) => ({
    id: `${prefix}-p${index}`,
    name: `Product ${index}`,
    sku: `${prefix}-p${index}-m`,
    priceMinor: 1250 + index * 1000,
  }));
  const [catalog, inventory] = await Promise.all([startCatalog(products), startInventory()]);
  const cart = await startCart(catalog.server.url, inventory.server.url);

  return {
    urls: { catalog: catalog.server.url, inventory: inventory.server.url, cart: cart.server.url },
    products,
    async addToCart(identity, sku, quantity, region = 'eu') {
      const data = await gql<{ addToCart: { userErrors: unknown[] } }>(
        cart.server.url,
        identity,
        'mutation($sku: ID!, $quantity: Int!, $region: String) { addToCart(sku: $sku, quantity: $quantity, region: $region) { userErrors { code message } } }',
        { sku, quantity, region },
      );
      if (data.addToCart.userErrors.length > 0) throw new Error(`addToCart ${sku}: ${JSON.stringify(data.addToCart.userErrors)}`);
    },
    async cartLines(identity) {
      const data = await gql<{ cart: { lines: Array<{ sku: string; quantity: number }> } }>(
        cart.server.url,
        identity,
        '{ cart { lines { sku quantity } } }',
      );
      return data.cart.lines;
    },
    async setStock(product, quantity, region = 'eu') {
      const data = await gql<{ setStock: { userErrors: unknown[] } }>(
        inventory.server.url,
        admin,
        `mutation($sku: ID!, $region: String!, $quantity: Int!, $productId: ID) {
          setStock(sku: $sku, region: $region, quantity: $quantity, productId: $productId) { userErrors { code message } } }`,
        { sku: product.sku, region, quantity, productId: product.id },
      );
      if (data.setStock.userErrors.length > 0) throw new Error(`setStock ${product.sku}: ${JSON.stringify(data.setStock.userErrors)}`);
    },
    async available(sku, region = 'eu') {
      const data = await gql<{ _entities: Array<{ stock: { available: number } }> }>(
        inventory.server.url,
        service,
        'query($r: [_Any!]!, $region: String) { _entities(representations: $r) { ... on ProductVariant { stock(region: $region) { available } } } }',
        { r: [{ __typename: 'ProductVariant', sku }], region },
      );
      return data._entities[0]!.stock.available;
    },
    async reservationStatus(orderId) {
      const data = await gql<{ reservation: { status: string } | null }>(
        inventory.server.url,
        service,
        'query($orderId: ID!) { reservation(orderId: $orderId) { status } }',
        { orderId },
      );
      return data.reservation?.status ?? null;
    },
    async close() {
      await cart.close();
      await inventory.close();
      await catalog.close();
    },
  };
}
