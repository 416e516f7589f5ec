import { randomUUID } from 'node:crypto';
import type { Client } from 'cassandra-driver';
import { createLogger, listen, RoundTripCounter, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { connectCassandra } from '../../src/data-access/cassandra';
import { dropKeyspace } from '../../src/data-access/schema';
import type { ActivityEventInputLike } from '../../src/domain/events';
import type { ActivitySettings } from '../../src/domain/settings';
import { createActivityServer } from '../../src/server';

export interface ActivityHarness {
  client: Client;
  keyspace: string;
  server: RunningSubgraph;
  roundTrips: RoundTripCounter;
  /** Another server on the same keyspace, e.g. with other settings. */
  startServer(options?: HarnessOptions): Promise<RunningSubgraph>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  settings?: Partial<ActivitySettings>;
  catalogUrl?: string;
  roundTrips?: RoundTripCounter;
}

// Nothing listens here: the catalog is unreachable unless a test starts one.
const UNREACHABLE_CATALOG = 'http://127.0.0.1:9/graphql';

/** One keyspace per test file (creating tables is slow on 2 cores), dropped by close(). */
export async function startActivity(options: HarnessOptions = {}): Promise<ActivityHarness> {
  const client = await connectCassandra({
    contactPoints: process.env.CASSANDRA_CONTACT_POINTS!,
    localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER!,
  });
  const keyspace = uniqueName('activity_test');
  const roundTrips = options.roundTrips ?? new RoundTripCounter();
  const servers: RunningSubgraph[] = [];
  const startServer = async (serverOptions: HarnessOptions = {}) => {
    const app = await createActivityServer({
      client,
      keyspace: { keyspace, replication: 'simple', replicationFactor: 1, datacenters: '', localDataCenter: 'datacenter1' },
      logger: createLogger('activity', 'silent'),
      identitySecret: TEST_IDENTITY_SECRET,
      catalogUrl: serverOptions.catalogUrl ?? UNREACHABLE_CATALOG,
      settings: { trendingCacheSeconds: 0, pruneIntervalMinutes: 0, ...serverOptions.settings },
      roundTrips: serverOptions.roundTrips ?? roundTrips,
    });
    const running = await listen(app, 0);
    servers.push(running);
    return running;
  };
  const server = await startServer({ ...options, roundTrips });
  return {
    client,
    keyspace,
    server,
    roundTrips,
    startServer,
    async close() {
      for (const running of servers) await running.close();
      await dropKeyspace(client, keyspace);
      await client.shutdown();
    },
  };
}

const HOUR_MS = 3_600_000;

export const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString();

/** A valid event of the given type with a fresh id; override any field. */
export function event(type: string, fields: Partial<ActivityEventInputLike> = {}): ActivityEventInputLike {
  return {
    id: randomUUID(),
    type,
    ...(type === 'search' ? { query: 'red shoes' } : { productId: 'p-1' }),
    ...(type === 'click' ? { source: 'home' } : {}),
    ...fields,
  };
}

export const views = (productId: string, count: number, fields: Partial<ActivityEventInputLike> = {}) =>
  Array.from({ length: count }, () => event('view', { productId, ...fields }));

export const RECORD_EVENTS = `mutation($events: [ActivityEventInput!]!) {
  recordEvents(events: $events) { accepted duplicates rejected { index eventId code message field } userErrors { field code message } }
}`;

export const RECORD_SHOPPER_EVENTS = `mutation($shopper: String!, $events: [ActivityEventInput!]!) {
  recordShopperEvents(shopper: $shopper, events: $events) { accepted duplicates rejected { index code field } }
}`;

export interface RecordEventsData {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; eventId: string | null; code: string; message: string; field: string | null }>;
  userErrors: Array<{ field: string[] | null; code: string; message: string }>;
}
