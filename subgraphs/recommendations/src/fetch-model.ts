import { createLogger } from '@shop/platform';
import { ensureLocalModel } from './embeddings/model-cache';

/** `npm run fetch-model -w @shop/recommendations`: caches the local embedding model ahead of time. */
const logger = createLogger('recommendations');
ensureLocalModel({ cacheDir: process.env.MODEL_CACHE_DIR || undefined, logger })
  .then((files) => logger.info(files, 'local embedding model ready'))
  .catch((error: unknown) => {
    logger.fatal({ err: error }, 'could not fetch the local embedding model');
    process.exit(1);
  });
