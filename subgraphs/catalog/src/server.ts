import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import type { Db } from 'mongodb';
import { createSubgraphApp, type Logger, type RoundTripCounter } from '@shop/platform';
import { createLoaders, type CatalogRepositories, type Context } from './context';
import { createProductRepository } from './data-access/product-repository';
import { resolvers } from './resolvers';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface CatalogDeps {
  db: Db;
  logger: Logger;
  identitySecret: string;
  roundTrips?: RoundTripCounter;
}

export function createRepositories(db: Db, roundTrips?: RoundTripCounter): CatalogRepositories {
  return { products: createProductRepository(db, roundTrips) };
}

/** Builds the catalog subgraph (not listening yet). */
export async function createCatalogServer(deps: CatalogDeps) {
  const repositories = createRepositories(deps.db, deps.roundTrips);
  await repositories.products.ensureIndexes();
  return createSubgraphApp<Context>({
    name: 'catalog',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    readiness: async () => {
      await deps.db.command({ ping: 1 });
    },
    context: (base) => ({ ...base, repositories, loaders: createLoaders(repositories) }),
  });
}
