import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { createAccountsServer } from '@shop/accounts';
import { connectCassandra, createActivityServer, dropKeyspace } from '@shop/activity';
import { connectRedis, createCartServer } from '@shop/cart';
import { createCatalogServer, createRepositories } from '@shop/catalog';
import { createDynamoClient, createInventoryServer, dropInventoryTable, tableName } from '@shop/inventory';
import { createOrdersServer, TestPaymentProvider } from '@shop/orders';
import { createLogger, createPostgresPool, listen, REGIONS, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { createRecommendationsServer, LocalVectorIndex } from '@shop/recommendations';
import { ADMIN } from '../support/gateway-harness';
import { CATEGORIES, catalogRecords, PRODUCTS, skuOf, vectorRecords } from './fixture';

/** A subgraph running in-process on port 0 on stores of its own, and how to drop them. */
export interface Started {
  server: RunningSubgraph;
  close(): Promise<void>;
}

const silent = (name: string) => createLogger(name, 'silent');

export async function startCatalog(): Promise<Started> {
  const client = new MongoClient(process.env.MONGODB_URL!, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const db = client.db(uniqueName('rest_catalog'));
  const repositories = createRepositories(db);
  await repositories.categories.saveMany(CATEGORIES);
  await repositories.products.upsertMany(catalogRecords(new Date()));
  const server = await listen(await createCatalogServer({ db, logger: silent('catalog'), identitySecret: TEST_IDENTITY_SECRET }), 0);
  return {
    server,
    async close() {
      await server.close();
      await db.dropDatabase();
      await client.close();
    },
  };
}

/** Inventory with the fixture's stock set through its own admin mutation. */
export async function startInventory(): Promise<Started> {
  const dynamo = createDynamoClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
  const tablePrefix = `${uniqueName('rest_inv')}_`;
  const server = await listen(
    await createInventoryServer({ client: dynamo, tablePrefix, logger: silent('inventory'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  const setStock = async (productId: string, region: string, quantity: number) => {
    const result = await callGraphQL(
      server.url,
      'mutation($sku: ID!, $region: String!, $quantity: Int!, $productId: ID) { setStock(sku: $sku, region: $region, quantity: $quantity, productId: $productId) { userErrors { code } } }',
      { sku: skuOf(productId), region, quantity, productId },
      { identity: identities.admin() },
    );
    if (result.errors) throw new Error(`setStock: ${JSON.stringify(result.errors)}`);
  };
  await Promise.all(PRODUCTS.flatMap((item) => REGIONS.map((region) => setStock(item.id, region, region === 'eu' ? item.stockEu : 3))));
  return {
    server,
    async close() {
      await server.close();
      await dropInventoryTable(dynamo, tableName(tablePrefix));
      dynamo.close();
    },
  };
}

export async function startActivity(catalogUrl: string): Promise<Started> {
  const client = await connectCassandra({
    contactPoints: process.env.CASSANDRA_CONTACT_POINTS!,
    localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER!,
  });
  const keyspace = uniqueName('rest_activity');
  const server = await listen(
    await createActivityServer({
      client,
      keyspace: { keyspace, replication: 'simple', replicationFactor: 1, datacenters: '', localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER! },
      logger: silent('activity'),
      identitySecret: TEST_IDENTITY_SECRET,
      catalogUrl,
      settings: { trendingCacheSeconds: 0, pruneIntervalMinutes: 0 },
    }),
    0,
  );
  return {
    server,
    async close() {
      await server.close();
      await dropKeyspace(client, keyspace);
      await client.shutdown();
    },
  };
}

/** Recommendations over a local index holding the fixture's hand-made vectors. */
export async function startRecommendations(catalogUrl: string, activityUrl: string): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'rest-recs-'));
  const index = LocalVectorIndex.open({ dir, dimension: 4, saveIntervalMs: 0 });
  await index.upsert(vectorRecords());
  const server = await listen(
    await createRecommendationsServer({ index, logger: silent('recommendations'), identitySecret: TEST_IDENTITY_SECRET, catalogUrl, activityUrl }),
    0,
  );
  return {
    server,
    async close() {
      await server.close();
      await index.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startCart(catalogUrl: string, inventoryUrl: string): Promise<Started> {
  const redis = await connectRedis(process.env.REDIS_URL!);
  const keyPrefix = `${uniqueName('rest_cart')}:`;
  const server = await listen(
    await createCartServer({ redis, logger: silent('cart'), identitySecret: TEST_IDENTITY_SECRET, catalogUrl, inventoryUrl, keyPrefix }),
    0,
  );
  return {
    server,
    async close() {
      await server.close();
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

export async function startOrders(urls: { catalog: string; inventory: string; cart: string; activity: string }): Promise<Started> {
  const schema = uniqueName('rest_orders');
  const pool = createPostgresPool({ url: process.env.POSTGRES_URL!, schema, max: 10 });
  const server = await listen(
    await createOrdersServer({
      pool,
      schema,
      logger: silent('orders'),
      identitySecret: TEST_IDENTITY_SECRET,
      urls,
      payments: new TestPaymentProvider(),
      outbox: { retryBaseMs: 0, retryMaxMs: 0, leaseMs: 30_000 },
    }),
    0,
  );
  return {
    server,
    async close() {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

export async function startAccounts(urls: { cart: string; activity: string }): Promise<Started> {
  const schema = uniqueName('rest_accounts');
  const pool = createPostgresPool({ url: process.env.POSTGRES_URL!, schema, max: 5 });
  const server = await listen(
    await createAccountsServer({
      pool,
      schema,
      logger: silent('accounts'),
      identitySecret: TEST_IDENTITY_SECRET,
      settings: {
        sessionTtlSeconds: 3600,
        throttle: { windowSeconds: 900, maxAttemptsPerAccount: 20, maxAttemptsPerAddress: 1000 },
        defaultApiKeyRateLimitPerMinute: 120,
      },
      passwordLog2N: 14,
      cartUrl: urls.cart,
      activityUrl: urls.activity,
      mergeTimeoutMs: 2_000,
      admin: ADMIN,
    }),
    0,
  );
  return {
    server,
    async close() {
      await server.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
