// Each local datastore answers a real query through its official client.
// The stack is brought up by the root jest globalSetup (stackUp); this test never starts or stops it.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { Client as CassandraClient } from 'cassandra-driver';
import Redis from 'ioredis';
import { MongoClient } from 'mongodb';
import { Client as PgClient } from 'pg';
import { stackConnections, stackStatus } from '../src';

const conn = stackConnections();

describe('local stack', () => {
  it('reports every store healthy', async () => {
    const status = await stackStatus();
    expect(status.map((s) => s.store).sort()).toEqual(['cassandra', 'dynamodb', 'mongodb', 'postgres', 'redis']);
    expect(status.filter((s) => !s.healthy)).toEqual([]);
  });

  it('PostgreSQL answers SQL', async () => {
    const client = new PgClient({ connectionString: conn.POSTGRES_URL });
    await client.connect();
    try {
      const res = await client.query<{ n: number; version: string }>("SELECT 1 + 1 AS n, current_setting('server_version') AS version");
      expect(res.rows[0]?.n).toBe(2);
      expect(res.rows[0]?.version).toMatch(/^\d+/);
    } finally {
      await client.end();
    }
  });

  it('Redis stores and returns a value', async () => {
    const client = new Redis(conn.REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const key = `stack-test:${randomUUID()}`;
      await client.set(key, 'ok', 'EX', 60);
      expect(await client.get(key)).toBe('ok');
      await client.del(key);
    } finally {
      client.disconnect();
    }
  });

  it('the MongoDB API inserts and finds a document', async () => {
    const client = new MongoClient(conn.MONGODB_URL, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    try {
      const coll = client.db('stack_test').collection<{ _id: string; n: number }>(`c${Date.now()}`);
      const id = randomUUID();
      await coll.insertOne({ _id: id, n: 42 });
      expect(await coll.findOne({ _id: id })).toEqual({ _id: id, n: 42 });
      await coll.drop();
    } finally {
      await client.close();
    }
  });

  it('Cassandra answers CQL', async () => {
    const client = new CassandraClient({
      contactPoints: conn.CASSANDRA_CONTACT_POINTS.split(','),
      localDataCenter: conn.CASSANDRA_LOCAL_DATACENTER,
    });
    await client.connect();
    try {
      const res = await client.execute('SELECT release_version FROM system.local');
      expect(String(res.first().get('release_version'))).toMatch(/^\d+\.\d+/);
    } finally {
      await client.shutdown();
    }
  });

  it('DynamoDB lists tables', async () => {
    const client = new DynamoDBClient({
      endpoint: conn.DYNAMODB_ENDPOINT,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const res = await client.send(new ListTablesCommand({}));
      expect(Array.isArray(res.TableNames)).toBe(true);
    } finally {
      client.destroy();
    }
  });
});
