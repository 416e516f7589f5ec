import type { Db, MongoClient } from 'mongodb';
import { createLogger, listen, RoundTripCounter, type Identity, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName, type GraphQLResult } from '@shop/platform/testing';
import { connectMongo } from '../../src/data-access/mongo';
import { seedCatalog } from '../../src/seed/seed-catalog';
import type { SeedProduct } from '../../src/seed/seed-product';
import { createCatalogServer } from '../../src/server';

/** The real catalog subgraph on port 0 over its own FerretDB database. */
export interface CatalogTestServer {
  url: string;
  db: Db;
  roundTrips: RoundTripCounter;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: Identity | null): Promise<GraphQLResult<T>>;
  /** Another server process over the same database (for multi-instance tests). */
  startTwin(options?: { maxStalenessMs?: number; roundTrips?: RoundTripCounter }): Promise<RunningSubgraph>;
  close(): Promise<void>;
}

export async function startCatalogServer(
  prefix: string,
  products: SeedProduct[] = [],
  options: { changeFeedSettleMs?: number } = {},
): Promise<CatalogTestServer> {
  const { client, db }: { client: MongoClient; db: Db } = await connectMongo(process.env.MONGODB_URL!, uniqueName(prefix));
  if (products.length > 0) await seedCatalog(db, products, { replace: true });
  const roundTrips = new RoundTripCounter();
  const build = (counter?: RoundTripCounter, maxStalenessMs = 0) =>
    createCatalogServer({
      db,
      logger: createLogger('catalog', 'silent'),
      identitySecret: TEST_IDENTITY_SECRET,
      roundTrips: counter,
      changeFeedSettleMs: options.changeFeedSettleMs ?? 0,
      maxStalenessMs,
    });
  const server = await listen(await build(roundTrips), 0);
  const twins: RunningSubgraph[] = [];
  return {
    url: server.url,
    db,
    roundTrips,
    query: (query, variables = {}, identity = identities.guest()) => callGraphQL(server.url, query, variables, { identity }),
    async startTwin(twinOptions = {}) {
      const twin = await listen(await build(twinOptions.roundTrips, twinOptions.maxStalenessMs), 0);
      twins.push(twin);
      return twin;
    },
    async close() {
      for (const twin of twins) await twin.close();
      await server.close();
      await db.dropDatabase();
      await client.close();
    },
  };
}

export const codeOf = (result: GraphQLResult<unknown>): string | undefined => result.errors?.[0]?.extensions?.code;
