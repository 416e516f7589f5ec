import { z } from 'zod';
import { DEFAULT_TABLE_PREFIX } from './data-access/keys';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS } from '@shop/platform';

export const inventoryConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.inventory),
  DYNAMODB_ENDPOINT: z.string().url().default('http://127.0.0.1:18000'),
  DYNAMODB_REGION: z.string().min(1).default('us-east-1'),
  /** Tables are named `<prefix>inventory`; tests use their own prefix. */
  INVENTORY_TABLE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{0,200}$/, 'letters, digits, _ . - only').default(DEFAULT_TABLE_PREFIX),
  LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).default(5),
  RESERVATION_TTL_SECONDS: z.coerce.number().int().min(1).default(900),
  /** How often the sweeper releases expired reservations; 0 turns it off. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(30),
  /** Items one TransactWriteItems may hold: 100 on DynamoDB today (25 on older DynamoDB Local builds). */
  DYNAMODB_MAX_TRANSACTION_ITEMS: z.coerce.number().int().min(2).max(100).default(100),
  /** How long shopper-facing stock reads may be answered from this process's memory; 0 turns it off. Never used by checkout or admin. */
  STOCK_READ_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** Stock items and product maps the read cache holds at most. */
  STOCK_READ_CACHE_ENTRIES: z.coerce.number().int().min(1).default(100_000),
  /** Products whose SKU list this process remembers (checked against the table on every read). */
  SKU_HINT_ENTRIES: z.coerce.number().int().min(0).default(50_000),
});

export type InventoryConfig = z.infer<typeof inventoryConfigSchema>;

export const loadInventoryConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig('inventory', inventoryConfigSchema, env);
