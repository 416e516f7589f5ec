import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS, serviceUrlEnv, subgraphUrl } from '@shop/platform';
import { OWASP_SCRYPT_LOG2N } from './domain/password';

/** Local-development admin; README lists it. Production refuses to start with it. */
export const DEV_ADMIN_PASSWORD = 'local-dev-admin-password';

export const accountsConfigSchema = z
  .object({
    ...commonEnv,
    PORT: portEnv(SERVICE_PORTS.accounts),
    POSTGRES_URL: z.string().url().default('postgres://shop:shop@127.0.0.1:15432/shop'),
    ACCOUNTS_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _').default('accounts'),
    CART_URL: serviceUrlEnv(subgraphUrl('cart')),
    ACTIVITY_URL: serviceUrlEnv(subgraphUrl('activity')),
    MERGE_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
    ADMIN_EMAIL: z.string().email().default('admin@shop.local'),
    ADMIN_PASSWORD: z.string().min(12).default(DEV_ADMIN_PASSWORD),
    ADMIN_NAME: z.string().min(1).default('Shop admin'),
    /** log2 of scrypt's N; 17 is OWASP's recommendation and the floor in production. */
    PASSWORD_SCRYPT_LOG2N: z.coerce.number().int().min(12).max(20).default(OWASP_SCRYPT_LOG2N),
    SESSION_TTL_SECONDS: z.coerce.number().int().min(60).default(14 * 24 * 3600),
    SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
    SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(50),
    API_KEY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.ADMIN_PASSWORD !== DEV_ADMIN_PASSWORD, {
    message: 'ADMIN_PASSWORD must be set to a private value in production',
    path: ['ADMIN_PASSWORD'],
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.PASSWORD_SCRYPT_LOG2N >= OWASP_SCRYPT_LOG2N, {
    message: `PASSWORD_SCRYPT_LOG2N must be at least ${OWASP_SCRYPT_LOG2N} in production`,
    path: ['PASSWORD_SCRYPT_LOG2N'],
  });

export type AccountsConfig = z.infer<typeof accountsConfigSchema>;

export const loadAccountsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('accounts', accountsConfigSchema, env);
