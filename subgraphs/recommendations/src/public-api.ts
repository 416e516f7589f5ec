// What other workspaces may use (the stack pre-fetches the model; tests build the server).
export { createRecommendationsServer, typeDefs, type RecommendationsDeps } from './server';
export { ensureLocalModel, localModelFiles, defaultModelCacheDir, LOCAL_MODEL, type LocalModelFiles } from './embeddings/model-cache';
export { LocalVectorIndex } from './data-access/local-vector-index';
export { ProductIndexer } from './indexing/product-indexer';
export { createCatalogClient } from './clients/catalog-client';
export { startRecommendations } from './start';
export { loadRecommendationsConfig, type RecommendationsConfig } from './config';
