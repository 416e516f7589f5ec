import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { createSubgraphApp, type Logger, type RoundTripCounter } from '@shop/platform';
import { Lru } from './caching/lru';
import { ReadCache } from './caching/read-cache';
import { createLoaders, type Context } from './context';
import type { Dynamo } from './data-access/dynamo-client';
import { createReservationRepository } from './data-access/reservation-repository';
import { createStockItemReader, type StockItem } from './data-access/stock-item-reader';
import { createStockRepository } from './data-access/stock-repository';
import { ensureInventoryTable, pingDynamo } from './data-access/table';
import { keyId, tableName, type ItemKey } from './data-access/keys';
import { resolvers } from './resolvers';
import { startSweeper } from './use-cases/sweep-reservations';
import type { InventoryStore } from './use-cases/store';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface InventoryStoreDeps {
  client: Dynamo;
  /** The table is `<tablePrefix>inventory`. */
  tablePrefix: string;
  roundTrips?: RoundTripCounter;
  lowStockThreshold?: number;
  reservationTtlSeconds?: number;
  /** Items one TransactWriteItems may hold (100 on DynamoDB today). */
  maxTransactionItems?: number;
  /** How long shopper-facing reads may be answered from memory; 0 or absent: never (the service's config turns it on). */
  stockReadCacheMs?: number;
  /** Items the read cache holds at most. */
  stockReadCacheEntries?: number;
  /** Products whose SKU list is remembered (a hint checked on every read) at most. */
  skuHintEntries?: number;
}

export interface InventoryDeps extends InventoryStoreDeps {
  logger: Logger;
  identitySecret: string;
  /** How often the sweeper releases expired reservations; 0 or absent: not started. */
  sweepIntervalMs?: number;
}

/** One per process (per server): its read cache forgets what its own writes change. */
export function createInventoryStore(deps: InventoryStoreDeps): InventoryStore {
  const table = tableName(deps.tablePrefix);
  const cacheMs = deps.stockReadCacheMs ?? 0;
  const cache = cacheMs > 0 ? new ReadCache<StockItem | null>({ ttlMs: cacheMs, maxEntries: deps.stockReadCacheEntries ?? 100_000 }) : null;
  const written = (keys: readonly ItemKey[]) => cache?.invalidate(keys.map(keyId));
  return {
    stock: createStockRepository(deps.client.doc, table, deps.roundTrips, written),
    reservations: createReservationRepository(deps.client.doc, table, deps.roundTrips, written),
    reads: {
      reader: createStockItemReader(deps.client.reads, table, deps.roundTrips),
      cache,
      skuHints: new Lru(deps.skuHintEntries ?? 50_000),
    },
    settings: {
      lowStockThreshold: deps.lowStockThreshold ?? 5,
      reservationTtlMs: (deps.reservationTtlSeconds ?? 900) * 1000,
      maxTransactionItems: deps.maxTransactionItems ?? 100,
    },
  };
}

/** Builds the inventory subgraph (not listening yet): creates its table if absent and starts the sweeper. */
export async function createInventoryServer(deps: InventoryDeps) {
  const table = tableName(deps.tablePrefix);
  await ensureInventoryTable(deps.client, table);
  const store = createInventoryStore(deps);
  const app = await createSubgraphApp<Context>({
    name: 'inventory',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    readiness: () => pingDynamo(deps.client, table),
    context: (base) => ({ ...base, store, loaders: createLoaders(store, base.identity) }),
  });
  if (deps.sweepIntervalMs) {
    const sweeper = startSweeper(store, deps.sweepIntervalMs, deps.logger);
    // Stops with the HTTP server, however that is closed.
    app.server.once('close', () => void sweeper.stop());
  }
  return app;
}
