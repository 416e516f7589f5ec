import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'cassandra-driver';
import gql from 'graphql-tag';
import { createServiceClient, createSubgraphApp, type Logger, type RoundTripCounter } from '@shop/platform';
import { createLoaders, type Context } from './context';
import { createCatalogClient } from './data-access/catalog-client';
import { createCategoryRepository } from './data-access/category-repository';
import { createCounterRepository } from './data-access/counter-repository';
import { createEventRepository } from './data-access/event-repository';
import { ensureSchema, type KeyspaceSettings } from './data-access/schema';
import { DEFAULT_SETTINGS, type ActivitySettings } from './domain/settings';
import { TrendingBoard } from './domain/trending-board';
import { resolvers } from './resolvers';
import type { ActivityDeps, ActivityRepositories } from './use-cases/deps';
import { loadTrendingSources, MAX_TRENDING, pruneExpiredBuckets } from './use-cases/trending';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface ActivityServerDeps {
  client: Client;
  keyspace: KeyspaceSettings;
  logger: Logger;
  identitySecret: string;
  /** The catalog subgraph's /graphql, asked for the newest products when there is no activity. */
  catalogUrl: string;
  settings?: Partial<ActivitySettings>;
  roundTrips?: RoundTripCounter;
  now?: () => Date;
}

export function createRepositories(client: Client, keyspace: string, roundTrips?: RoundTripCounter): ActivityRepositories {
  return {
    events: createEventRepository(client, keyspace, roundTrips),
    counters: createCounterRepository(client, keyspace, roundTrips),
    categories: createCategoryRepository(client, keyspace, roundTrips),
  };
}

/** Builds the activity subgraph (not listening yet); creates the keyspace and tables when absent. */
export async function createActivityServer(input: ActivityServerDeps) {
  await ensureSchema(input.client, input.keyspace);
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const deps: ActivityDeps = {
    repositories: createRepositories(input.client, input.keyspace.keyspace, input.roundTrips),
    catalog: createCatalogClient(
      createServiceClient({ service: 'activity', url: input.catalogUrl, identitySecret: input.identitySecret }),
      input.roundTrips,
    ),
    settings,
    trendingBoard: null,
    logger: input.logger,
    now: input.now ?? (() => new Date()),
  };
  const refreshMs = settings.trendingCacheSeconds * 1000;
  const board = refreshMs > 0
    ? new TrendingBoard(
      (category, previous) => loadTrendingSources(deps, category, MAX_TRENDING, previous),
      { refreshMs, idleMs: Math.max(10 * 60_000, 10 * refreshMs), maxCategories: 1000 },
      Date.now,
      (error) => input.logger.warn({ err: error }, 'refreshing trending failed'),
    )
    : null;
  deps.trendingBoard = board;
  const app = await createSubgraphApp<Context>({
    name: 'activity',
    typeDefs,
    resolvers,
    logger: input.logger,
    identitySecret: input.identitySecret,
    readiness: async () => {
      await input.client.execute('SELECT release_version FROM system.local');
    },
    context: (base) => ({ ...base, deps, loaders: createLoaders(deps) }),
  });

  if (board) {
    // The home page's list (all categories) is loaded before the first visit asks for it.
    board.sources(null).catch((error: unknown) => input.logger.warn({ err: error }, 'loading trending failed'));
    const timer = setInterval(() => void board.refreshAll(), refreshMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  if (settings.pruneIntervalMinutes > 0) {
    const prune = () =>
      pruneExpiredBuckets(deps).catch((error: unknown) => input.logger.warn({ err: error }, 'pruning trending buckets failed'));
    void prune();
    const timer = setInterval(prune, settings.pruneIntervalMinutes * 60_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }
  return app;
}
