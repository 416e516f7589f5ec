import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { createAccountsServer, type AccountsSettings } from '@shop/accounts';
import { createLogger, createPostgresPool, listen, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import type { FastifyInstance } from 'fastify';
import { createAuthenticator } from '../../src/authenticate';
import { composeSupergraph, readSubgraphSources } from '../../src/composition';
import { createCredentialResolver } from '../../src/credentials';
import { createGatewayServer, type GatewayDeps } from '../../src/gateway-server';

/** Nobody listens here: subgraphs a test does not start. */
export const DEAD_URL = 'http://127.0.0.1:9/graphql';
export const COOKIE_SECRET = 'test-cookie-secret-0123456789abcdef0123';
export const ADMIN = { email: 'admin@shop.test', password: 'admin-password-for-tests', name: 'Test admin' };

/** The subgraphs whose schemas the test supergraph composes (the partner-scope tests need cart and orders fields). */
const COMPOSED = ['accounts', 'catalog', 'cart', 'orders'];

export function testSupergraph(): string {
  return composeSupergraph(readSubgraphSources({}).filter((source) => COMPOSED.includes(source.name)));
}

export interface AccountsUnderTest {
  server: RunningSubgraph;
  pool: Pool;
  schema: string;
  close(): Promise<void>;
}

/** Closes a platform subgraph's HTTP server directly (its own close() does not return today). */
export async function stopSubgraph(server: RunningSubgraph): Promise<void> {
  server.app.server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.app.server.close((error) => (error ? reject(error) : resolve())));
}

export async function startAccounts(throttle: Partial<AccountsSettings['throttle']> = {}): Promise<AccountsUnderTest> {
  const schema = uniqueName('gateway_accounts');
  const pool = createPostgresPool({ url: process.env.POSTGRES_URL!, schema, max: 5 });
  const app = await createAccountsServer({
    pool,
    schema,
    logger: createLogger('accounts', 'silent'),
    identitySecret: TEST_IDENTITY_SECRET,
    settings: {
      sessionTtlSeconds: 3600,
      throttle: { windowSeconds: 900, maxAttemptsPerAccount: 5, maxAttemptsPerAddress: 1000, ...throttle },
      defaultApiKeyRateLimitPerMinute: 120,
    },
    passwordLog2N: 14,
    cartUrl: DEAD_URL,
    activityUrl: DEAD_URL,
    mergeTimeoutMs: 500,
    admin: ADMIN,
  });
  const server = await listen(app, 0);
  return {
    server,
    pool,
    schema,
    async close() {
      await stopSubgraph(server);
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}

export interface GatewayUnderTest {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startGateway(options: {
  accountsUrl: string;
  subgraphUrls?: Record<string, string>;
  settings?: GatewayDeps['settings'];
  secureCookies?: boolean;
  credentialTtlMs?: number;
  /** The supergraph to serve; the accounts, catalog, cart and orders subgraphs composed when absent. */
  supergraphSdl?: string;
}): Promise<GatewayUnderTest> {
  const app = await createGatewayServer({
    supergraphSdl: options.supergraphSdl ?? testSupergraph(),
    subgraphUrls: { catalog: DEAD_URL, cart: DEAD_URL, orders: DEAD_URL, ...options.subgraphUrls, accounts: options.accountsUrl },
    identitySecret: TEST_IDENTITY_SECRET,
    cookieSecret: COOKIE_SECRET,
    authenticate: createAuthenticator({
      cookieSecret: COOKIE_SECRET,
      secureCookies: options.secureCookies ?? false,
      credentials: createCredentialResolver({
        accountsUrl: options.accountsUrl,
        identitySecret: TEST_IDENTITY_SECRET,
        ttlMs: options.credentialTtlMs ?? 30_000,
      }),
    }),
    logger: createLogger('gateway', 'silent'),
    settings: options.settings,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/graphql`, close: () => app.close() };
}

export interface GatewayResponse<T> {
  status: number;
  headers: Headers;
  cookies: string[];
  data: T | null | undefined;
  errors: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }> | undefined;
  extensions: Record<string, unknown> | undefined;
}

/** Posts an operation to the gateway like a client: JSON, optional cookies, bearer, API key or extra headers. */
export async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { cookie?: string; bearer?: string; apiKey?: string; headers?: Record<string, string> } = {},
): Promise<GatewayResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as { data?: T | null; errors?: GatewayResponse<T>['errors']; extensions?: Record<string, unknown> };
  return {
    status: response.status,
    headers: response.headers,
    cookies: response.headers.getSetCookie(),
    data: body.data,
    errors: body.errors,
    extensions: body.extensions,
  };
}

/** The value of a cookie set by a response, e.g. `shop_session`. */
export function cookieValue(cookies: string[], name: string): string | undefined {
  const line = cookies.find((cookie) => cookie.startsWith(`${name}=`));
  return line ? decodeURIComponent(line.slice(name.length + 1).split(';')[0]!) : undefined;
}

export function cookieLine(cookies: string[], name: string): string | undefined {
  return cookies.find((cookie) => cookie.startsWith(`${name}=`));
}

export const SIGN_UP = `mutation($email: String!, $password: String!, $name: String!) {
  signUp(email: $email, password: $password, name: $name) { user { id email } sessionExpiresAt userErrors { field code message } }
}`;
export const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { user { id email } sessionExpiresAt userErrors { field code message } }
}`;
export const SIGN_OUT = 'mutation { signOut { signedOut } }';
export const ME = '{ me { id email name } }';
