import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import gql from 'graphql-tag';
import type { Db } from 'mongodb';
import { createSubgraphApp, type Logger, type RoundTripCounter } from '@shop/platform';
import { onceListing, type Context } from './context';
import { resolvers } from './resolvers';
import { ListingSync } from './services/listing-sync';
import { createRepositories, ensureIndexes } from './services/repositories';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface CatalogDeps {
  db: Db;
  logger: Logger;
  identitySecret: string;
  roundTrips?: RoundTripCounter;
  /** How long the change feed holds back fresh changes; default 2 s. */
  changeFeedSettleMs?: number;
  /** How stale (ms) the read model may be for another process's writes; default 0 (never). */
  maxStalenessMs?: number;
}

export { createRepositories } from './services/repositories';

/** Builds the catalog subgraph (not listening yet): indexes ensured, listing index loaded. */
export async function createCatalogServer(deps: CatalogDeps) {
  const repositories = createRepositories(deps.db, deps.roundTrips);
  await ensureIndexes(repositories);
  const listingSync = new ListingSync(repositories, { maxStalenessMs: deps.maxStalenessMs ?? 0, logger: deps.logger });
  await listingSync.sync();
  deps.logger.info({ products: listingSync.current().liveCount }, 'catalog listing index loaded');
  const app = await createSubgraphApp<Context>({
    name: 'catalog',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    // No cache hints are used; without the plugin Apollo stops wrapping every field resolver
    // (a listing page resolves about a thousand fields: facet values, products).
    plugins: [ApolloServerPluginCacheControlDisabled()],
    readiness: async () => {
      await deps.db.command({ ping: 1 });
    },
    context: (base) => ({
      ...base,
      repositories,
      listingSync,
      listing: onceListing(listingSync),
      changeFeedSettleMs: deps.changeFeedSettleMs ?? 2_000,
    }),
  });
  app.addHook('onClose', () => listingSync.settled());
  return app;
}
