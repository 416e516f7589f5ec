import { connectMongo, createCatalogServer } from '@shop/catalog';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import type { Db, MongoClient } from 'mongodb';
import {
  ADMIN,
  cookieValue,
  post,
  SIGN_IN,
  startAccounts,
  startGateway,
  stopSubgraph,
  type AccountsUnderTest,
  type GatewayUnderTest,
} from './support/gateway-harness';

const CREATE_KEY = `mutation($p: String!, $s: [String!]!, $r: Int) {
  createApiKey(partnerName: $p, scopes: $s, rateLimitPerMinute: $r) { key apiKey { id } userErrors { code } }
}`;
const REVOKE_KEY = 'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } } }';
const PRODUCT = '{ product(id: "no-such-product") { id name } }';

describe('gateway: partner API keys and scopes', () => {
  let accounts: AccountsUnderTest;
  let catalog: RunningSubgraph;
  let mongo: { client: MongoClient; db: Db };
  let gateway: GatewayUnderTest;
  let adminSession: string;

  beforeAll(async () => {
    accounts = await startAccounts();
    mongo = await connectMongo(process.env.MONGODB_URL!, uniqueName('gateway_catalog'));
    catalog = await listen(await createCatalogServer({ db: mongo.db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET }), 0);
    gateway = await startGateway({ accountsUrl: accounts.server.url, subgraphUrls: { catalog: catalog.url } });
    adminSession = cookieValue((await post(gateway.url, SIGN_IN, { email: ADMIN.email, password: ADMIN.password })).cookies, 'shop_session')!;
  });
  afterAll(async () => {
    await gateway?.close();
    if (catalog) await stopSubgraph(catalog);
    await mongo?.db.dropDatabase();
    await mongo?.client.close();
    await accounts?.close();
  });

  const createKey = async (scopes: string[], rateLimitPerMinute?: number) => {
    const result = await post<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      gateway.url,
      CREATE_KEY,
      { p: 'Partner Co', s: scopes, r: rateLimitPerMinute },
      { bearer: adminSession },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createApiKey;
  };

  it('when a partner with catalog:read reads the catalog, then it gets data', async () => {
    // given
    const { key } = await createKey(['catalog:read']);
    // when
    const result = await post<{ product: unknown }>(gateway.url, PRODUCT, {}, { apiKey: key });
    // then
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ product: null });
  });

  it.each([
    ['a cart', '{ cart { id } }'],
    ['orders', '{ orders(first: 5) { edges { node { id } } } }'],
    ['the cart hidden under a catalog field', '{ product(id: "p1") { id cartQuantity } }'],
    ['accounts', '{ me { id email } }'],
  ])('when a partner with catalog:read asks for %s, then FORBIDDEN before any subgraph is called', async (_what, query) => {
    // given
    const { key } = await createKey(['catalog:read']);
    // when
    const result = await post(gateway.url, query, {}, { apiKey: key });
    // then
    expect(result.status).toBe(403);
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(result.errors![0]!.message).not.toMatch(/cart|orders|accounts|127\.0\.0\.1/);
  });

  it('when a partner tries a mutation, then FORBIDDEN even within its scopes', async () => {
    // given
    const { key } = await createKey(['catalog:read', 'orders:read']);
    // when
    const result = await post(gateway.url, 'mutation { signOut { signedOut } }', {}, { apiKey: key });
    // then
    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('when a key is revoked, then its next request is refused at once', async () => {
    // given
    const { key, apiKey } = await createKey(['catalog:read']);
    expect((await post(gateway.url, PRODUCT, {}, { apiKey: key })).status).toBe(200);
    // when
    await post(gateway.url, REVOKE_KEY, { id: apiKey.id }, { bearer: adminSession });
    // then
    const after = await post(gateway.url, PRODUCT, {}, { apiKey: key });
    expect(after.status).toBe(401);
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('when an API key is unknown, then 401 and not a guest', async () => {
    const result = await post(gateway.url, PRODUCT, {}, { apiKey: 'shop_pk_not-a-real-key-not-a-real-key-123456' });
    expect(result.status).toBe(401);
    expect(result.cookies).toEqual([]);
  });

  it('when a key goes over its rate, then 429 with Retry-After, and other keys are unaffected', async () => {
    // given
    const limited = await createKey(['catalog:read'], 3);
    const other = await createKey(['catalog:read'], 3);
    for (let i = 0; i < 3; i += 1) expect((await post(gateway.url, PRODUCT, {}, { apiKey: limited.key })).status).toBe(200);
    // when
    const over = await post(gateway.url, PRODUCT, {}, { apiKey: limited.key });
    // then
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    expect((await post(gateway.url, PRODUCT, {}, { apiKey: other.key })).status).toBe(200);
  });

  it('when a shopper or guest calls createApiKey through the gateway, then FORBIDDEN', async () => {
    const result = await post<{ createApiKey: unknown }>(gateway.url, CREATE_KEY, { p: 'X', s: ['catalog:read'] });
    expect(result.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
