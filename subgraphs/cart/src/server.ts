import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import type Redis from 'ioredis';
import { createSubgraphApp, type Logger, type RoundTripCounter } from '@shop/platform';
import { createCatalogClient } from './clients/catalog-client';
import { createInventoryClient } from './clients/inventory-client';
import { createLoaders, type CartClients, type CartRepositories, type Context } from './context';
import { createCartRepository } from './data-access/cart-repository';
import { DEFAULT_CART_SETTINGS, type CartSettings } from './domain/cart';
import { LineSkuHints } from './domain/line-hints';
import { resolvers } from './resolvers';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface CartDeps {
  redis: Redis;
  logger: Logger;
  identitySecret: string;
  /** `/graphql` of the catalog and inventory subgraphs, called directly with the service identity. */
  catalogUrl: string;
  inventoryUrl: string;
  /** Prefix of every Redis key; default `cart:`. */
  keyPrefix?: string;
  /** TTL and limits; default 30 minutes, 50 lines, 99 units a line. */
  settings?: Partial<CartSettings>;
  /** Counts Redis requests and calls to catalog and inventory (tests prove batching with it). */
  roundTrips?: RoundTripCounter;
}

/** Builds the cart subgraph (not listening yet). */
export async function createCartServer(deps: CartDeps) {
  const settings: CartSettings = { ...DEFAULT_CART_SETTINGS, ...deps.settings };
  const repositories: CartRepositories = {
    carts: createCartRepository(deps.redis, { keyPrefix: deps.keyPrefix ?? 'cart:', settings, roundTrips: deps.roundTrips }),
  };
  const clients: CartClients = {
    catalog: createCatalogClient({ url: deps.catalogUrl, identitySecret: deps.identitySecret, roundTrips: deps.roundTrips }),
    inventory: createInventoryClient({ url: deps.inventoryUrl, identitySecret: deps.identitySecret, roundTrips: deps.roundTrips }),
  };
  const cartIdSecret = `cart-id:${deps.identitySecret}`;
  const lineHints = new LineSkuHints(settings.ttlMs);
  return createSubgraphApp<Context>({
    name: 'cart',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    readiness: () => repositories.carts.ping(),
    context: (base) => ({
      ...base,
      repositories,
      clients,
      settings,
      cartIdSecret,
      lineHints,
      loaders: createLoaders(repositories, clients, lineHints, base.requestId),
    }),
  });
}
