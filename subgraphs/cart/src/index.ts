import { createLogger, listen, runService } from '@shop/platform';
import { loadCartConfig } from './config';
import { appendOnlyEnabled, connectRedis } from './data-access/redis';
import { createCartServer } from './server';

const config = loadCartConfig();
const logger = createLogger('cart', config.LOG_LEVEL);

runService(logger, async () => {
  const redis = await connectRedis(config.REDIS_URL);
  if ((await appendOnlyEnabled(redis)) === false) {
    logger.warn('Redis runs without appendonly: carts changed in the last moments before a Redis restart can be lost');
  }
  const app = await createCartServer({
    redis,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    catalogUrl: config.CATALOG_URL,
    inventoryUrl: config.INVENTORY_URL,
    keyPrefix: config.CART_KEY_PREFIX,
    settings: {
      ttlMs: config.CART_TTL_SECONDS * 1000,
      maxLines: config.CART_MAX_LINES,
      maxLineQuantity: config.CART_MAX_LINE_QUANTITY,
    },
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'cart subgraph ready');
  return {
    close: async () => {
      await running.close();
      await redis.quit();
    },
  };
});
