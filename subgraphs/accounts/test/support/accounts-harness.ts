import type { Pool } from 'pg';
import { createLogger, createPostgresPool, listen, RoundTripCounter, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import type { AccountsSettings } from '../../src/context';
import { createAccountsServer } from '../../src/server';

/** Nobody listens here: merging guest data at sign-in meets a subgraph that is down. */
export const DEAD_URL = 'http://127.0.0.1:9/graphql';

export const TEST_ADMIN = { email: 'Admin@Shop.Test ', password: 'admin-password-for-tests', name: 'Test admin' };

export const testSettings = (overrides: Partial<AccountsSettings['throttle']> = {}): AccountsSettings => ({
  sessionTtlSeconds: 3600,
  throttle: { windowSeconds: 900, maxAttemptsPerAccount: 5, maxAttemptsPerAddress: 50, ...overrides },
  defaultApiKeyRateLimitPerMinute: 120,
});

export interface AccountsHarness {
  server: RunningSubgraph;
  pool: Pool;
  schema: string;
  roundTrips: RoundTripCounter;
  close(): Promise<void>;
}

/**
 * The real accounts subgraph on port 0 over its own PostgreSQL schema. Tests hash at
 * N=2^14 to keep the suite quick; the OWASP default (2^17) is covered in password.test.ts.
 */
export async function startAccounts(options: { settings?: AccountsSettings; cartUrl?: string; activityUrl?: string } = {}): Promise<AccountsHarness> {
  const schema = uniqueName('accounts_test');
  const pool = createPostgresPool({ url: process.env.POSTGRES_URL!, schema, max: 5 });
  const roundTrips = new RoundTripCounter();
  const app = await createAccountsServer({
    pool,
    schema,
    logger: createLogger('accounts', 'silent'),
    identitySecret: TEST_IDENTITY_SECRET,
    settings: options.settings ?? testSettings(),
    passwordLog2N: 14,
    cartUrl: options.cartUrl ?? DEAD_URL,
    activityUrl: options.activityUrl ?? DEAD_URL,
    mergeTimeoutMs: 1_000,
    admin: TEST_ADMIN,
    roundTrips,
  });
  const server = await listen(app, 0);
  return {
    server,
    pool,
    schema,
    roundTrips,
    async close() {
      await stopServer(server);
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

/**
 * Closes the HTTP server directly: platform's `RunningSubgraph.close()` never returns today
 * (its Apollo drain plugin calls app.close() from inside app.close()'s onClose hook).
 */
export async function stopServer(server: RunningSubgraph): Promise<void> {
  server.app.server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.app.server.close((error) => (error ? reject(error) : resolve())));
}

export const SIGN_UP = `mutation($email: String!, $password: String!, $name: String!) {
  signUp(email: $email, password: $password, name: $name) { user { id email name createdAt } sessionExpiresAt userErrors { field message code } }
}`;

export const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { user { id email } sessionExpiresAt userErrors { field message code } }
}`;

export const SESSION_IDENTITY = `query($h: String!) { sessionIdentity(tokenHash: $h) { sessionId userId role expiresAt } }`;
