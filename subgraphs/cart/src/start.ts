import { listen, type Logger, type StartedService } from '@shop/platform';
import type { CartConfig } from './config';
import { appendOnlyEnabled, connectRedis } from './data-access/redis';
import { createCartServer } from './server';

/** Connects to the store, builds the cart subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startCart(config: CartConfig, logger: Logger): Promise<StartedService> {
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
    url: running.url,
    close: async () => {
      await running.close();
      await redis.quit();
    },
  };
}
