import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as CassandraClient } from 'cassandra-driver';
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { Client as PgClient } from 'pg';
import { createDynamoClient, dropInventoryTable, tableName } from '@shop/inventory';
import { uniqueName } from '@shop/platform/testing';

/**
 * Names of this run's own databases, schemas, keyspace, table prefix and key prefix, so the
 * browser tests share the stores with other test files without touching their data.
 */
export interface IsolatedStores {
  env: NodeJS.ProcessEnv;
  drop(): Promise<void>;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through jest (its global setup starts the stores)`);
  return value;
}

export function isolatedStores(): IsolatedStores {
  const id = uniqueName('e2e');
  const dataDir = mkdtempSync(join(tmpdir(), 'shop-e2e-recommendations-'));
  const env = {
    CATALOG_DB: `${id}_catalog`,
    INVENTORY_TABLE_PREFIX: `${id}_`,
    CART_KEY_PREFIX: `${id}:cart:`,
    ORDERS_SCHEMA: `${id}_orders`,
    ACCOUNTS_SCHEMA: `${id}_accounts`,
    ACTIVITY_KEYSPACE: `${id}_activity`,
    RECOMMENDATIONS_DATA_DIR: dataDir,
  };

  const drop = async () => {
    const attempts: Array<Promise<unknown>> = [];
    attempts.push(
      (async () => {
        const mongo = await MongoClient.connect(required('MONGODB_URL'));
        try {
          await mongo.db(env.CATALOG_DB).dropDatabase();
        } finally {
          await mongo.close();
        }
      })(),
    );
    attempts.push(
      (async () => {
        const pg = new PgClient({ connectionString: required('POSTGRES_URL') });
        await pg.connect();
        try {
          await pg.query(`DROP SCHEMA IF EXISTS "${env.ORDERS_SCHEMA}" CASCADE`);
          await pg.query(`DROP SCHEMA IF EXISTS "${env.ACCOUNTS_SCHEMA}" CASCADE`);
        } finally {
          await pg.end();
        }
      })(),
    );
    attempts.push(
      (async () => {
        const cassandra = new CassandraClient({
          contactPoints: required('CASSANDRA_CONTACT_POINTS').split(','),
          localDataCenter: required('CASSANDRA_LOCAL_DATACENTER'),
        });
        try {
          await cassandra.execute(`DROP KEYSPACE IF EXISTS ${env.ACTIVITY_KEYSPACE}`);
        } finally {
          await cassandra.shutdown();
        }
      })(),
    );
    attempts.push(dropInventoryTable(createDynamoClient(required('DYNAMODB_ENDPOINT')), tableName(env.INVENTORY_TABLE_PREFIX)));
    attempts.push(
      (async () => {
        const redis = new Redis(required('REDIS_URL'), { lazyConnect: true, maxRetriesPerRequest: 2 });
        await redis.connect();
        try {
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.CART_KEY_PREFIX}*`, 'COUNT', 500);
            if (keys.length > 0) await redis.del(...keys);
            cursor = next;
          } while (cursor !== '0');
        } finally {
          redis.disconnect();
        }
      })(),
    );
    rmSync(dataDir, { recursive: true, force: true });
    const failures = (await Promise.allSettled(attempts)).filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failures.length > 0) throw new AggregateError(failures.map((failure) => failure.reason), 'Cleaning up the e2e stores failed');
  };
  return { env, drop };
}
