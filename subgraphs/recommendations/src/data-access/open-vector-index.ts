import type { Logger, RoundTripCounter } from '@shop/platform';
import { LocalVectorIndex } from './local-vector-index';
import { PineconeVectorIndex } from './pinecone-vector-index';
import type { VectorIndex } from './vector-index';

export interface VectorIndexSettings {
  RECOMMENDATIONS_DATA_DIR: string;
  PINECONE_API_KEY?: string;
  PINECONE_INDEX: string;
  PINECONE_HOST?: string;
  PINECONE_NAMESPACE: string;
}

/** Pinecone when PINECONE_API_KEY is set, else the local index file in the data folder. */
export function openVectorIndex(settings: VectorIndexSettings, dimension: number, logger: Logger, roundTrips?: RoundTripCounter): VectorIndex {
  if (settings.PINECONE_API_KEY) {
    logger.info({ index: settings.PINECONE_INDEX, namespace: settings.PINECONE_NAMESPACE }, 'vectors in Pinecone');
    return new PineconeVectorIndex({
      apiKey: settings.PINECONE_API_KEY,
      indexName: settings.PINECONE_INDEX,
      host: settings.PINECONE_HOST,
      namespace: settings.PINECONE_NAMESPACE,
      dimension,
      roundTrips,
    });
  }
  const index = LocalVectorIndex.open({ dir: settings.RECOMMENDATIONS_DATA_DIR, dimension, roundTrips });
  logger.info({ dir: settings.RECOMMENDATIONS_DATA_DIR, products: index.size }, 'vectors in the local index');
  return index;
}
