import { listen, type Logger, type StartedService } from '@shop/platform';
import type { RecommendationsConfig } from './config';
import { createCatalogClient } from './clients/catalog-client';
import { CoPurchaseStore } from './data-access/co-purchase-store';
import { openVectorIndex } from './data-access/open-vector-index';
import { createEmbedder } from './embeddings/create-embedder';
import { ProductIndexer } from './indexing/product-indexer';
import { createRecommendationsServer } from './server';

/** Connects to the store, builds the recommendations subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startRecommendations(config: RecommendationsConfig, logger: Logger): Promise<StartedService> {
  const embedder = await createEmbedder(config, logger);
  const index = openVectorIndex(config, embedder.dimension, logger);
  const catalog = createCatalogClient({ url: config.CATALOG_URL, identitySecret: config.IDENTITY_SECRET });
  const coPurchases = CoPurchaseStore.open({ dir: config.RECOMMENDATIONS_DATA_DIR });
  const app = await createRecommendationsServer({
    index,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    catalogUrl: config.CATALOG_URL,
    activityUrl: config.ACTIVITY_URL,
    catalog,
    coPurchases,
    rankOptions: config.RECOMMENDATIONS_REBUY_WEIGHT === undefined ? undefined : { rebuyWeight: config.RECOMMENDATIONS_REBUY_WEIGHT },
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'recommendations subgraph ready');
  // Serve at once; the index catches up with the catalog in the background and then follows it.
  const indexer = new ProductIndexer({
    catalog,
    embedder,
    index,
    logger,
    pageSize: config.INDEX_PAGE_SIZE,
    pollIntervalMs: config.INDEX_POLL_INTERVAL_MS,
  });
  void indexer.start();
  return {
    url: running.url,
    close: async () => {
      await indexer.stop();
      await running.close();
      await index.close();
      coPurchases.close();
      await embedder.close();
    },
  };
}
