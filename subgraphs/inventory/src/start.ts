import { listen, type Logger, type StartedService } from '@shop/platform';
import type { InventoryConfig } from './config';
import { createDynamoClient } from './data-access/dynamo-client';
import { createInventoryServer } from './server';

/** Connects to the store, builds the inventory subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startInventory(config: InventoryConfig, logger: Logger): Promise<StartedService> {
  const client = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.DYNAMODB_REGION });
  const app = await createInventoryServer({
    client,
    tablePrefix: config.INVENTORY_TABLE_PREFIX,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    lowStockThreshold: config.LOW_STOCK_THRESHOLD,
    reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
    maxTransactionItems: config.DYNAMODB_MAX_TRANSACTION_ITEMS,
    stockReadCacheMs: config.STOCK_READ_CACHE_MS,
    stockReadCacheEntries: config.STOCK_READ_CACHE_ENTRIES,
    skuHintEntries: config.SKU_HINT_ENTRIES,
    sweepIntervalMs: config.SWEEP_INTERVAL_SECONDS * 1000,
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'inventory subgraph ready');
  return {
    url: running.url,
    close: async () => {
      await running.close();
      client.close();
    },
  };
}
