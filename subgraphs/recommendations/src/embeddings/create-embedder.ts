import type { Logger } from '@shop/platform';
import type { Embedder } from './embedder';
import { LocalEmbedder } from './local-embedder';
import { OpenAIEmbedder } from './openai-embedder';

export interface EmbedderSettings {
  OPENAI_API_KEY?: string;
  OPENAI_EMBEDDING_MODEL: string;
  OPENAI_EMBEDDING_DIMENSIONS: number;
  MODEL_CACHE_DIR?: string;
}

/** OpenAI when OPENAI_API_KEY is set, else the local model (fetched into the cache once). */
export async function createEmbedder(settings: EmbedderSettings, logger: Logger): Promise<Embedder> {
  if (settings.OPENAI_API_KEY) {
    logger.info({ model: settings.OPENAI_EMBEDDING_MODEL }, 'embedding with OpenAI');
    return new OpenAIEmbedder({
      apiKey: settings.OPENAI_API_KEY,
      model: settings.OPENAI_EMBEDDING_MODEL,
      dimension: settings.OPENAI_EMBEDDING_DIMENSIONS,
    });
  }
  const embedder = await LocalEmbedder.create({ cacheDir: settings.MODEL_CACHE_DIR, logger });
  logger.info({ model: embedder.id }, 'embedding with the local model');
  return embedder;
}
