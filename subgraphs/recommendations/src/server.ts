import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { createSubgraphApp, type Logger, type RoundTripCounter } from '@shop/platform';
import { createActivityClient, type ActivityClient } from './clients/activity-client';
import { createCatalogClient, type CatalogClient } from './clients/catalog-client';
import { createLoaders, type Context, type RecommendationsServices } from './context';
import { CoPurchaseStore } from './data-access/co-purchase-store';
import type { VectorIndex } from './data-access/vector-index';
import type { RankOptions } from './domain/rank';
import { resolvers } from './resolvers';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface RecommendationsDeps {
  index: VectorIndex;
  logger: Logger;
  identitySecret: string;
  catalogUrl: string;
  activityUrl: string;
  roundTrips?: RoundTripCounter;
  rankOptions?: RankOptions;
  /** Co-purchase counts (start.ts keeps them in the data folder); in memory when absent. */
  coPurchases?: CoPurchaseStore;
  /** Overrides for the clients (tests pass ones built on in-process subgraphs). */
  catalog?: CatalogClient;
  activity?: ActivityClient;
}

export function createServices(deps: RecommendationsDeps): RecommendationsServices {
  const clientOptions = { identitySecret: deps.identitySecret, roundTrips: deps.roundTrips };
  return {
    index: deps.index,
    logger: deps.logger,
    rankOptions: deps.rankOptions,
    coPurchases: deps.coPurchases ?? CoPurchaseStore.open({ roundTrips: deps.roundTrips }),
    catalog: deps.catalog ?? createCatalogClient({ url: deps.catalogUrl, ...clientOptions }),
    activity: deps.activity ?? createActivityClient({ url: deps.activityUrl, ...clientOptions }),
  };
}

/** Builds the recommendations subgraph (not listening yet); indexing runs beside it (see index.ts). */
export async function createRecommendationsServer(deps: RecommendationsDeps) {
  const services = createServices(deps);
  return createSubgraphApp<Context>({
    name: 'recommendations',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    readiness: async () => {
      await deps.index.count();
    },
    context: (base) => ({ ...base, services, loaders: createLoaders(services) }),
  });
}
