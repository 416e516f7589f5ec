import { listen, type Logger, type StartedService } from '@shop/platform';
import type { CatalogConfig } from './config';
import { connectMongo } from './data-access/mongo';
import { createCatalogServer } from './server';

/** Connects to the store, builds the catalog subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startCatalog(config: CatalogConfig, logger: Logger): Promise<StartedService> {
  const { client, db } = await connectMongo(config.MONGODB_URL, config.CATALOG_DB);
  const app = await createCatalogServer({
    db,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    changeFeedSettleMs: config.CATALOG_CHANGE_FEED_SETTLE_MS,
    maxStalenessMs: config.CATALOG_MAX_STALENESS_MS,
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'catalog subgraph ready');
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await client.close();
    },
  };
}
