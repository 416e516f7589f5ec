import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, REGIONS, SERVICE_PORTS, serviceUrlEnv, subgraphUrl } from '@shop/platform';
import { parseTaxRates, type PricingRules } from './domain/pricing';

const ms = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

export const ordersConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.orders),
  POSTGRES_URL: z.string().url().default('postgres://shop:shop@127.0.0.1:15432/shop'),
  /** PostgreSQL schema holding the orders tables; tests use their own. */
  ORDERS_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lowercase letters, digits and _ only').default('orders'),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  CATALOG_URL: serviceUrlEnv(subgraphUrl('catalog', {})),
  INVENTORY_URL: serviceUrlEnv(subgraphUrl('inventory', {})),
  CART_URL: serviceUrlEnv(subgraphUrl('cart', {})),
  ACTIVITY_URL: serviceUrlEnv(subgraphUrl('activity', {})),
  /** Tax per region in basis points (2000 = 20 %), applied to the subtotal; kept as text so `.env.example` shows it as written. */
  TAX_RATES_BPS: z
    .string()
    .default('eu:2000,us:800,asia:1000')
    .superRefine((text, context) => {
      try {
        parseTaxRates(text, REGIONS);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /** Flat shipping charge, in minor units of the order's currency. */
  SHIPPING_FEE_MINOR: z.coerce.number().int().min(0).default(499),
  /** Subtotal (minor units) from which shipping is free; empty means never. */
  FREE_SHIPPING_FROM_MINOR: z
    .union([z.literal('').transform(() => null), z.coerce.number().int().min(0)])
    .default(5000),
  PAYMENT_PROVIDER: z.enum(['test']).default('test'),
  /** Test provider only: how long each charge takes to answer, to try slow payments, timeouts and crash recovery. */
  PAYMENT_TEST_LATENCY_MS: ms(0),
  /** How long one checkout step may take before the reconciler treats the order as abandoned. */
  SAGA_LEASE_MS: ms(60_000, 1_000),
  /** How often the reconciler looks for abandoned checkouts (it also runs at boot). */
  RECONCILE_INTERVAL_MS: ms(30_000, 100),
  /** How often the outbox dispatcher runs when nothing wakes it. */
  OUTBOX_INTERVAL_MS: ms(5_000, 50),
  OUTBOX_RETRY_BASE_MS: ms(1_000),
  OUTBOX_RETRY_MAX_MS: ms(300_000),
});

export type OrdersConfig = z.infer<typeof ordersConfigSchema>;

export const loadOrdersConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('orders', ordersConfigSchema, env);

export function pricingRulesOf(config: Pick<OrdersConfig, 'TAX_RATES_BPS' | 'SHIPPING_FEE_MINOR' | 'FREE_SHIPPING_FROM_MINOR'>): PricingRules {
  return {
    taxRateBps: parseTaxRates(config.TAX_RATES_BPS, REGIONS),
    shippingFeeMinor: config.SHIPPING_FEE_MINOR,
    freeShippingFromMinor: config.FREE_SHIPPING_FROM_MINOR,
  };
}

export const DEFAULT_PRICING_RULES: PricingRules = pricingRulesOf(ordersConfigSchema.parse({}));
