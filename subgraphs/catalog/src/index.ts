import { createLogger, listen, runService } from '@shop/platform';
import { loadCatalogConfig } from './config';
import { connectMongo } from './data-access/mongo';
import { createCatalogServer } from './server';

const config = loadCatalogConfig();
const logger = createLogger('catalog', config.LOG_LEVEL);

runService(logger, async () => {
  const { client, db } = await connectMongo(config.MONGODB_URL, config.CATALOG_DB);
  const app = await createCatalogServer({ db, logger, identitySecret: config.IDENTITY_SECRET });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'catalog subgraph ready');
  return {
    close: async () => {
      await running.close();
      await client.close();
    },
  };
});
