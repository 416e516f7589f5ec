import { createPostgresPool, listen, type Logger, type StartedService } from '@shop/platform';
import { TestPaymentProvider } from './adapters/test-payment-provider';
import { pricingRulesOf, type OrdersConfig } from './config';
import { createOrdersServer } from './server';

/** Connects to the store, builds the orders subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startOrders(config: OrdersConfig, logger: Logger): Promise<StartedService> {
  const pool = createPostgresPool({ url: config.POSTGRES_URL, schema: config.ORDERS_SCHEMA, max: config.PG_POOL_MAX, logger });
  const app = await createOrdersServer({
    pool,
    schema: config.ORDERS_SCHEMA,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    urls: { catalog: config.CATALOG_URL, inventory: config.INVENTORY_URL, cart: config.CART_URL, activity: config.ACTIVITY_URL },
    payments: new TestPaymentProvider({ latencyMs: config.PAYMENT_TEST_LATENCY_MS }),
    pricingRules: pricingRulesOf(config),
    leaseMs: config.SAGA_LEASE_MS,
    outbox: { retryBaseMs: config.OUTBOX_RETRY_BASE_MS, retryMaxMs: config.OUTBOX_RETRY_MAX_MS },
    backgroundJobs: { reconcileIntervalMs: config.RECONCILE_INTERVAL_MS, outboxIntervalMs: config.OUTBOX_INTERVAL_MS },
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'orders subgraph ready');
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await pool.end();
    },
  };
}
