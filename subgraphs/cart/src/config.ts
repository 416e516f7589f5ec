import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, serviceUrlEnv, SERVICE_PORTS, subgraphUrl } from '@shop/platform';

export const cartConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.cart),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:16379'),
  /** Prefix of every key the cart writes, so several deployments (or test files) can share a Redis. */
  CART_KEY_PREFIX: z.string().min(1).default('cart:'),
  CART_TTL_SECONDS: z.coerce.number().int().min(1).max(30 * 24 * 3600).default(30 * 60),
  CART_MAX_LINES: z.coerce.number().int().min(1).max(500).default(50),
  CART_MAX_LINE_QUANTITY: z.coerce.number().int().min(1).max(10_000).default(99),
  CATALOG_URL: serviceUrlEnv(subgraphUrl('catalog', {})),
  INVENTORY_URL: serviceUrlEnv(subgraphUrl('inventory', {})),
});

export type CartConfig = z.infer<typeof cartConfigSchema>;

export const loadCartConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('cart', cartConfigSchema, env);
