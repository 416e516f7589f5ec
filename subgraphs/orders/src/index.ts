import { createLogger, listen, runService } from '@shop/platform';
import { loadOrdersConfig, pricingRulesOf } from './config';
import { createPool } from './data-access/postgres';
import { createOrdersServer } from './server';

const config = loadOrdersConfig();
const logger = createLogger('orders', config.LOG_LEVEL);

runService(logger, async () => {
  const pool = createPool({ url: config.POSTGRES_URL, schema: config.ORDERS_SCHEMA, max: config.PG_POOL_MAX });
  const app = await createOrdersServer({
    pool,
    schema: config.ORDERS_SCHEMA,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    urls: { catalog: config.CATALOG_URL, inventory: config.INVENTORY_URL, cart: config.CART_URL, activity: config.ACTIVITY_URL },
    pricingRules: pricingRulesOf(config),
    leaseMs: config.SAGA_LEASE_MS,
    outbox: { retryBaseMs: config.OUTBOX_RETRY_BASE_MS, retryMaxMs: config.OUTBOX_RETRY_MAX_MS },
    backgroundJobs: { reconcileIntervalMs: config.RECONCILE_INTERVAL_MS, outboxIntervalMs: config.OUTBOX_INTERVAL_MS },
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'orders subgraph ready');
  return {
    close: async () => {
      await running.close();
      await pool.end();
    },
  };
});
