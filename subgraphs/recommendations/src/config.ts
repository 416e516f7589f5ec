import { join, resolve } from 'node:path';
import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS, serviceUrlEnv, subgraphUrl } from '@shop/platform';

const repoRoot = resolve(__dirname, '..', '..', '..');
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/** Where the local vector index lives: beside the stack's other data unless told otherwise. */
function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const stackDir = env.STACK_DIR && env.STACK_DIR.trim() !== '' ? resolve(env.STACK_DIR) : join(repoRoot, '.stack');
  return join(stackDir, 'data', 'recommendations');
}

export const recommendationsConfigSchema = (env: NodeJS.ProcessEnv) =>
  z.object({
    ...commonEnv,
    PORT: portEnv(SERVICE_PORTS.recommendations),
    CATALOG_URL: serviceUrlEnv(subgraphUrl('catalog', {})),
    ACTIVITY_URL: serviceUrlEnv(subgraphUrl('activity', {})),
    RECOMMENDATIONS_DATA_DIR: z.string().min(1).default(defaultDataDir(env)),
    /** Where the local embedding model is cached; default $XDG_CACHE_HOME/shop-supergraph/models. */
    MODEL_CACHE_DIR: optionalText,
    OPENAI_API_KEY: optionalText,
    OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
    OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(64).max(3072).default(1536),
    PINECONE_API_KEY: optionalText,
    PINECONE_INDEX: z.string().min(1).default('shop-products'),
    PINECONE_HOST: optionalText,
    PINECONE_NAMESPACE: z.string().min(1).default('products'),
    INDEX_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
    INDEX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
    /** How strongly products bought before come back in personal recommendations (0: never); default from the evaluation. */
    RECOMMENDATIONS_REBUY_WEIGHT: z.coerce.number().min(0).max(100).optional(),
  });

export type RecommendationsConfig = z.infer<ReturnType<typeof recommendationsConfigSchema>>;

export const loadRecommendationsConfig = (env: NodeJS.ProcessEnv = process.env): RecommendationsConfig =>
  loadConfig('recommendations', recommendationsConfigSchema(env), env);
