import type { Client } from 'cassandra-driver';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { connectCassandra, createActivityServer, dropKeyspace } from '@shop/activity';

export interface ActivityFixture {
  server: RunningSubgraph;
  /** Records events of a shopper the way the orders service and the web app do. */
  record(shopper: string, events: Array<Record<string, unknown>>): Promise<void>;
  close(): Promise<void>;
}

/** The real activity subgraph on its own keyspace (dropped by close). */
export async function startActivity(catalogUrl: string): Promise<ActivityFixture> {
  const client: Client = await connectCassandra({
    contactPoints: process.env.CASSANDRA_CONTACT_POINTS!,
    localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER!,
  });
  const keyspace = uniqueName('recs_activity');
  const app = await createActivityServer({
    client,
    keyspace: { keyspace, replication: 'simple', replicationFactor: 1, datacenters: '', localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER! },
    logger: createLogger('activity', 'silent'),
    identitySecret: TEST_IDENTITY_SECRET,
    catalogUrl,
    settings: { trendingCacheSeconds: 0, pruneIntervalMinutes: 0 },
  });
  const server = await listen(app, 0);
  return {
    server,
    async record(shopper, events) {
      const result = await callGraphQL<{ recordShopperEvents: { accepted: number; rejected: unknown[] } }>(
        server.url,
        `mutation($shopper: String!, $events: [ActivityEventInput!]!) { recordShopperEvents(shopper: $shopper, events: $events) { accepted rejected { code message } } }`,
        { shopper, events },
        { identity: identities.service('orders') },
      );
      if (result.errors || result.data!.recordShopperEvents.rejected.length > 0) throw new Error(JSON.stringify(result.errors ?? result.data));
    },
    async close() {
      await server.close();
      await dropKeyspace(client, keyspace);
      await client.shutdown();
    },
  };
}
