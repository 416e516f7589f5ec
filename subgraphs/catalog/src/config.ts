import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS } from '@shop/platform';

export const catalogConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.catalog),
  MONGODB_URL: z.string().url().default('mongodb://127.0.0.1:27018/'),
  CATALOG_DB: z.string().min(1).default('catalog'),
  /** How long the change feed holds back fresh changes, so late-saved writes cannot slip behind a reader's cursor. */
  CATALOG_CHANGE_FEED_SETTLE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** How stale the in-memory read model may be for writes made by other catalog processes (0: never). */
  CATALOG_MAX_STALENESS_MS: z.coerce.number().int().min(0).max(10_000).default(250),
});

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

export const loadCatalogConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('catalog', catalogConfigSchema, env);
