import { z } from 'zod';

export class ConfigError extends Error {
  constructor(service: string, issues: string[]) {
    super(`Invalid configuration for ${service}:\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses environment variables once against a zod schema and fails fast with every problem
 * listed by variable name.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(service, issues);
  }
  return result.data;
}

const DEV_IDENTITY_SECRET = 'local-dev-identity-secret-change-me-in-production';

/** Variables every service reads. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  IDENTITY_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default(DEV_IDENTITY_SECRET),
};

export const commonEnvSchema = z.object(commonEnv).refine(
  (env) => env.NODE_ENV !== 'production' || env.IDENTITY_SECRET !== DEV_IDENTITY_SECRET,
  { message: 'IDENTITY_SECRET must be set to a private value in production', path: ['IDENTITY_SECRET'] },
);

export const portEnv = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const serviceUrlEnv = (fallback: string) => z.string().url().default(fallback);

/** Well-known local ports: gateway 4000, subgraphs 4001–4007. */
export const SERVICE_PORTS = {
  gateway: 4000,
  catalog: 4001,
  inventory: 4002,
  cart: 4003,
  orders: 4004,
  accounts: 4005,
  activity: 4006,
  recommendations: 4007,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;
export type SubgraphName = Exclude<ServiceName, 'gateway'>;

export const SUBGRAPH_NAMES: SubgraphName[] = [
  'catalog',
  'inventory',
  'cart',
  'orders',
  'accounts',
  'activity',
  'recommendations',
];

/** URL of a subgraph, from `<NAME>_URL` when set, else the local default. */
export function subgraphUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${SERVICE_PORTS[name]}/graphql`;
}
