import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { createAuthenticator } from '../../src/authenticate';
import { composeSupergraph } from '../../src/composition';
import { createCredentialResolver } from '../../src/credentials';
import { createGatewayServer, type GatewayDeps } from '../../src/gateway-server';
import { ADMIN, COOKIE_SECRET, cookieValue, DEAD_URL, post, SIGN_IN, SIGN_UP } from '../support/gateway-harness';
import { startAccounts, startActivity, startCart, startCatalog, startInventory, startOrders, startRecommendations, type Started } from './subgraphs';

export type Optional = 'activity' | 'recommendations' | 'cart' | 'orders';

export interface RestResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is (with `headers` saying its type). */
  rawBody?: string;
  bearer?: string;
  apiKey?: string;
  guestToken?: string;
  headers?: Record<string, string>;
}

export interface RestShop {
  /** The gateway's origin, e.g. http://127.0.0.1:1234. */
  origin: string;
  /** The /graphql URL of every subgraph started (the others are unreachable). */
  subgraphUrls: Record<string, string>;
  call<T = Record<string, unknown>>(method: string, path: string, options?: CallOptions): Promise<RestResponse<T>>;
  /** A GraphQL operation through the gateway's /graphql. */
  graphql<T>(query: string, variables?: Record<string, unknown>, options?: { bearer?: string }): Promise<T>;
  /** Signs up a shopper through the gateway; returns the session token (sent as Bearer). */
  signUp(email: string): Promise<string>;
  /** Signs the seeded admin in; returns the session token. */
  signInAdmin(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real system for REST tests: catalog, inventory and accounts always, the other subgraphs
 * when asked (the rest point at a dead address), and the real gateway over all of them.
 */
export async function startRestShop(optional: readonly Optional[], settings?: GatewayDeps['settings']): Promise<RestShop> {
  const started: Started[] = [];
  const track = async (starting: Promise<Started>): Promise<RunningSubgraph> => {
    const subgraph = await starting;
    started.push(subgraph);
    return subgraph.server;
  };
  const wanted = (name: Optional) => optional.includes(name);
  try {
    const [catalog, inventory] = await Promise.all([track(startCatalog()), track(startInventory())]);
    const activity = wanted('activity') ? await track(startActivity(catalog.url)) : null;
    const [recommendations, cart] = await Promise.all([
      wanted('recommendations') ? track(startRecommendations(catalog.url, activity?.url ?? DEAD_URL)) : null,
      wanted('cart') ? track(startCart(catalog.url, inventory.url)) : null,
    ]);
    const urls = { catalog: catalog.url, inventory: inventory.url, cart: cart?.url ?? DEAD_URL, activity: activity?.url ?? DEAD_URL };
    const [orders, accounts] = await Promise.all([wanted('orders') ? track(startOrders(urls)) : null, track(startAccounts(urls))]);
    const gateway = await createGatewayServer({
      supergraphSdl: composeSupergraph(),
      subgraphUrls: { ...urls, accounts: accounts.url, orders: orders?.url ?? DEAD_URL, recommendations: recommendations?.url ?? DEAD_URL },
      identitySecret: TEST_IDENTITY_SECRET,
      cookieSecret: COOKIE_SECRET,
      authenticate: createAuthenticator({
        cookieSecret: COOKIE_SECRET,
        secureCookies: false,
        credentials: createCredentialResolver({ accountsUrl: accounts.url, identitySecret: TEST_IDENTITY_SECRET, ttlMs: 30_000 }),
      }),
      logger: createLogger('gateway', 'silent'),
      settings,
    });
    const running = await listen(gateway, 0);
    started.push({ server: running, close: () => running.close() });
    const subgraphUrls = Object.fromEntries(
      Object.entries({ catalog, inventory, activity, recommendations, cart, orders, accounts }).flatMap(([name, server]) => (server ? [[name, server.url]] : [])),
    );
    return restShop(running.url.replace(/\/graphql$/, ''), started, subgraphUrls);
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

async function closeAll(started: Started[]): Promise<void> {
  for (const subgraph of [...started].reverse()) await subgraph.close();
}

export function restShop(origin: string, started: Started[] = [], subgraphUrls: Record<string, string> = {}): RestShop {
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}, options: { bearer?: string } = {}) => {
    const result = await post<T>(`${origin}/graphql`, query, variables, options);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
  const signIn = async (email: string, password: string) => {
    const result = await post(`${origin}/graphql`, SIGN_IN, { email, password });
    const token = cookieValue(result.cookies, 'shop_session');
    if (!token) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(result.data)}`);
    return token;
  };
  return {
    origin,
    subgraphUrls,
    async call<T>(method: string, path: string, options: CallOptions = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers['content-type'] ??= 'application/json';
      if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
      if (options.apiKey) headers['x-api-key'] = options.apiKey;
      if (options.guestToken) headers['x-guest-token'] = options.guestToken;
      const response = await fetch(`${origin}${path}`, {
        method,
        headers,
        body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
    },
    graphql,
    async signUp(email: string) {
      const password = 'a good password for tests';
      await post(`${origin}/graphql`, SIGN_UP, { email, password, name: 'REST shopper' });
      return signIn(email, password);
    },
    signInAdmin: () => signIn(ADMIN.email, ADMIN.password),
    close: () => closeAll(started),
  };
}
