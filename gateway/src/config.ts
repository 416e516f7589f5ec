import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS } from '@shop/platform';

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const gatewayConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.gateway),
  /** Secret for the gateway's own cookies (guest sessions). */
  COOKIE_SECRET: z.string().min(32).default('local-dev-cookie-secret-change-me-in-production'),
  /** Public origin of the shop, used for Secure cookies outside localhost. */
  PUBLIC_ORIGIN: z.string().url().default('http://localhost:4000'),
  /** Browser origins allowed by CORS (the web app); comma-separated. */
  CORS_ORIGINS: list.default(['http://localhost:4000', 'http://localhost:5173', 'http://127.0.0.1:5173']),
  /** Fastify trustProxy: false (direct clients), true, or a comma list of proxy addresses/CIDRs. */
  TRUST_PROXY: z.string().default('false'),
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(10),
  MAX_ALIASES: z.coerce.number().int().nonnegative().default(15),
  MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(50),
  MAX_ROOT_FIELDS: z.coerce.number().int().positive().default(10),
  MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
  MAX_QUERY_COST: z.coerce.number().int().positive().default(5_000),
  /** Request body cap in bytes: larger bodies get 413 before they are read. */
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** How long a resolved session or API key is trusted before accounts is asked again. */
  CREDENTIAL_CACHE_TTL_MS: z.coerce.number().int().nonnegative().default(30_000),
  /** Timeout of one subgraph call (also of the credential lookups at accounts). */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Consecutive failures (network errors, timeouts, HTTP 5xx) of one subgraph that open its circuit breaker. */
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().positive().default(5),
  /** How long an open breaker fails that subgraph's calls fast before one call probes it. */
  SUBGRAPH_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(10_000),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('gateway', gatewayConfigSchema, env);

/** Fastify's trustProxy from the TRUST_PROXY text. */
export function parseTrustProxy(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

export const isLocalOrigin = (origin: string) => /^(localhost|127\.0\.0\.1|\[::1\])$/.test(new URL(origin).hostname);

/** The server settings (createGatewayServer's `settings`) from the parsed config. */
export function settingsFromConfig(config: GatewayConfig) {
  return {
    production: config.NODE_ENV === 'production',
    corsOrigins: config.CORS_ORIGINS,
    secure: !isLocalOrigin(config.PUBLIC_ORIGIN),
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxTokens: config.MAX_TOKENS,
    perAddressPerMinute: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    breaker: { failureThreshold: config.SUBGRAPH_BREAKER_FAILURES, coolDownMs: config.SUBGRAPH_BREAKER_COOLDOWN_MS },
    limits: {
      maxDepth: config.MAX_QUERY_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxDirectives: config.MAX_DIRECTIVES,
      maxRootFields: config.MAX_ROOT_FIELDS,
      maxCost: config.MAX_QUERY_COST,
    },
  };
}
