import DataLoader from 'dataloader';
import type { BaseContext, Logger } from '@shop/platform';
import type { ActivityClient } from './clients/activity-client';
import type { CatalogClient } from './clients/catalog-client';
import type { CoPurchaseStore } from './data-access/co-purchase-store';
import type { VectorIndex } from './data-access/vector-index';
import type { RankOptions } from './domain/rank';
import type { RecommendationItem } from './use-cases/recommendation-item';
import { recommendForShoppers, type ShopperRequest } from './use-cases/shopper-recommendations';
import { similarProducts, type SimilarRequest } from './use-cases/similar-products';

/** What the use cases reach: the vector index and the subgraphs recommendations reads from. */
export interface RecommendationsServices {
  index: VectorIndex;
  catalog: CatalogClient;
  activity: ActivityClient;
  /** What shoppers bought together, learnt from the histories read. */
  coPurchases: CoPurchaseStore;
  logger: Logger;
  /** Overrides of the ranking defaults (rebuy and popularity weights). */
  rankOptions?: RankOptions;
}

export interface RecommendationsLoaders {
  similar: DataLoader<SimilarRequest, string[], string>;
  forShopper: DataLoader<ShopperRequest, RecommendationItem[], string>;
}

export interface Context extends BaseContext {
  services: RecommendationsServices;
  loaders: RecommendationsLoaders;
}

/** Per request: every `similar` of a response shares one index pass, every shopper one profile batch. */
export function createLoaders(services: RecommendationsServices): RecommendationsLoaders {
  return {
    similar: new DataLoader((requests) => similarProducts(services.index, requests), {
      cacheKeyFn: (request) => `${request.productId}\u0000${request.first}`,
      maxBatchSize: 500,
    }),
    forShopper: new DataLoader((requests) => recommendForShoppers(services, requests), {
      cacheKeyFn: (request) => `${request.shopper ?? ''}\u0000${request.first}`,
      maxBatchSize: 100,
    }),
  };
}
