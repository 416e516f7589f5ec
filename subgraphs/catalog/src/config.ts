import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS } from '@shop/platform';

export const catalogConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.catalog),
  MONGODB_URL: z.string().url().default('mongodb://127.0.0.1:27018/'),
  CATALOG_DB: z.string().min(1).default('catalog'),
});

export type CatalogConfig = z.infer<typeof catalogConfigSchema>;

export const loadCatalogConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('catalog', catalogConfigSchema, env);
