import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import type { Pool } from 'pg';
import { createServiceClient, createSubgraphApp, runMigrations, type Logger, type RoundTripCounter } from '@shop/platform';
import { createActivityPort } from './adapters/activity-port';
import { createCartPort } from './adapters/cart-port';
import { createCatalogPort } from './adapters/catalog-port';
import { createInventoryPort } from './adapters/inventory-port';
import { TestPaymentProvider } from './adapters/test-payment-provider';
import { startPeriodicJob, type PeriodicJob } from './background';
import { DEFAULT_PRICING_RULES } from './config';
import { createLoaders, type Context } from './context';
import { createOrderQueries } from './data-access/order-queries';
import { createOrderRepository } from './data-access/order-repository';
import { createOutboxRepository, type OutboxSettings } from './data-access/outbox-repository';
import { createDatabase, MIGRATIONS_DIR } from './data-access/postgres';
import type { CheckoutDeps } from './domain/checkout-steps';
import { deliverOutbox, type DeliveryReport, type OutboxDeps } from './domain/deliver-outbox';
import type { PaymentProvider } from './domain/ports';
import type { PricingRules } from './domain/pricing';
import { reconcileStaleOrders, type ReconcileReport } from './domain/reconcile';
import { viewerOf } from './domain/viewer';
import { resolvers } from './resolvers';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface OrdersDeps {
  pool: Pool;
  /** The PostgreSQL schema the pool's search_path points at. */
  schema: string;
  logger: Logger;
  identitySecret: string;
  /** `/graphql` URLs of the subgraphs checkout calls. */
  urls: { catalog: string; inventory: string; cart: string; activity: string };
  payments?: PaymentProvider;
  pricingRules?: PricingRules;
  leaseMs?: number;
  outbox?: OutboxSettings & { leaseMs?: number };
  roundTrips?: RoundTripCounter;
  now?: () => Date;
  /** Starts the reconciler and the outbox dispatcher with the server (and stops them with it). */
  backgroundJobs?: { reconcileIntervalMs: number; outboxIntervalMs: number };
}

/** Checkout, reconciler and outbox wired to PostgreSQL and the other subgraphs. */
export interface OrdersRuntime {
  checkout: CheckoutDeps;
  outbox: OutboxDeps;
  reconcile: () => Promise<ReconcileReport>;
  deliverOutbox: () => Promise<DeliveryReport>;
  /** Called when an order is confirmed (the server points it at the dispatcher). */
  onConfirmed: { handler: () => void };
}

export function createOrdersRuntime(deps: OrdersDeps): OrdersRuntime {
  const db = createDatabase(deps.pool, deps.roundTrips);
  const client = (url: string) => createServiceClient({ service: 'orders', url, identitySecret: deps.identitySecret });
  const onConfirmed = { handler: () => undefined as void };
  const checkout: CheckoutDeps = {
    orders: createOrderRepository(db),
    cart: createCartPort(client(deps.urls.cart)),
    catalog: createCatalogPort(client(deps.urls.catalog)),
    inventory: createInventoryPort(client(deps.urls.inventory)),
    payments: deps.payments ?? new TestPaymentProvider(),
    pricingRules: deps.pricingRules ?? DEFAULT_PRICING_RULES,
    leaseMs: deps.leaseMs ?? 60_000,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
    onConfirmed: () => onConfirmed.handler(),
  };
  const outbox: OutboxDeps = {
    outbox: createOutboxRepository(db, deps.outbox ?? { retryBaseMs: 1_000, retryMaxMs: 300_000 }),
    activity: createActivityPort(client(deps.urls.activity), deps.logger),
    logger: deps.logger,
    leaseMs: deps.outbox?.leaseMs ?? 30_000,
  };
  return {
    checkout,
    outbox,
    reconcile: () => reconcileStaleOrders(checkout),
    deliverOutbox: () => deliverOutbox(outbox),
    onConfirmed,
  };
}

/** Builds the orders subgraph (not listening yet): applies migrations first. */
export async function createOrdersServer(deps: OrdersDeps, runtime: OrdersRuntime = createOrdersRuntime(deps)) {
  await runMigrations(deps.pool, { schema: deps.schema, dir: MIGRATIONS_DIR, logger: deps.logger });
  const queries = createOrderQueries(createDatabase(deps.pool, deps.roundTrips));
  const app = await createSubgraphApp<Context>({
    name: 'orders',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    readiness: async () => {
      await deps.pool.query('SELECT 1');
    },
    context: (base) => ({
      ...base,
      viewer: viewerOf(base.identity),
      queries,
      checkout: { ...runtime.checkout, logger: base.logger },
      loaders: createLoaders(queries),
    }),
  });
  if (deps.backgroundJobs) {
    const { reconcileIntervalMs, outboxIntervalMs } = deps.backgroundJobs;
    const jobs: PeriodicJob[] = [
      startPeriodicJob('reconcile', runtime.reconcile, reconcileIntervalMs, deps.logger),
      startPeriodicJob('outbox', runtime.deliverOutbox, outboxIntervalMs, deps.logger),
    ];
    runtime.onConfirmed.handler = () => jobs[1]!.wake();
    app.addHook('onClose', async () => {
      await Promise.all(jobs.map((job) => job.stop()));
    });
  }
  return app;
}
