import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { connectMongo, createCatalogServer, createRepositories } from '@shop/catalog';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import type { Db, MongoClient } from 'mongodb';
import { composeSupergraph } from '../src/composition';
import { readSafelistManifest, SAFELIST_OPERATIONS_DIR } from '../src/safelist';
import { CATEGORIES, catalogRecords } from './rest-support/fixture';
import { ADMIN, cookieValue, post, SIGN_IN, startAccounts, startGateway, type AccountsUnderTest, type GatewayUnderTest } from './support/gateway-harness';

const CREATE_KEY = `mutation($s: [String!]!, $safelistOnly: Boolean) {
  createApiKey(partnerName: "Feed Partner", scopes: $s, safelistOnly: $safelistOnly) { key apiKey { id safelistOnly scopes } userErrors { code } }
}`;
const UNREGISTERED = '{ product(id: "tee-red") { id name brand } }';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = readSafelistManifest();
const registered = (name: string) => manifest.operations.find((operation) => operation.name === name)!;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A raw GraphQL-over-HTTP POST, so the persisted-query extension can be sent without the text. */
async function send(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('gateway: persisted queries (APQ for the web app, a safelist for partner keys)', () => {
  let accounts: AccountsUnderTest;
  let catalog: RunningSubgraph;
  let catalogCalls = 0;
  let mongo: { client: MongoClient; db: Db };
  let gateway: GatewayUnderTest;
  let safelistKey: string;
  let openKey: string;

  beforeAll(async () => {
    accounts = await startAccounts();
    mongo = await connectMongo(process.env.MONGODB_URL!, uniqueName('gateway_pq'));
    const repositories = createRepositories(mongo.db);
    await repositories.categories.saveMany(CATEGORIES);
    await repositories.products.upsertMany(catalogRecords(new Date()));
    const catalogApp = await createCatalogServer({ db: mongo.db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET });
    catalogApp.addHook('onRequest', async (request) => {
      if (request.url === '/graphql') catalogCalls += 1;
    });
    catalog = await listen(catalogApp, 0);
    // the whole supergraph (every subgraph but catalog and accounts unreachable), so every registered operation validates
    gateway = await startGateway({ accountsUrl: accounts.server.url, subgraphUrls: { catalog: catalog.url }, supergraphSdl: composeSupergraph() });
    const admin = cookieValue((await post(gateway.url, SIGN_IN, { email: ADMIN.email, password: ADMIN.password })).cookies, 'shop_session')!;
    const create = async (safelistOnly: boolean) => {
      const result = await post<{ createApiKey: { key: string; apiKey: { safelistOnly: boolean; scopes: string[] } } }>(
        gateway.url,
        CREATE_KEY,
        { s: ['catalog:read'], safelistOnly },
        { bearer: admin },
      );
      expect(result.data!.createApiKey.apiKey).toMatchObject({ safelistOnly, scopes: ['catalog:read'] });
      return result.data!.createApiKey.key;
    };
    safelistKey = await create(true);
    openKey = await create(false);
  });

  afterAll(async () => {
    await gateway?.close();
    await catalog?.close();
    await mongo?.db.dropDatabase();
    await mongo?.client.close();
    await accounts?.close();
  });

  it("when the web app's Apollo Client sends operations as automatic persisted queries, then the hash alone is enough from the second time on", async () => {
    // given: two clients built like the web app's (PersistedQueryLink over HttpLink), recording what they send
    const sent: Array<Record<string, unknown>> = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return fetch(input, init);
    };
    const client = () =>
      new ApolloClient({
        link: new PersistedQueryLink({ sha256 }).concat(new HttpLink({ uri: gateway.url, fetch: recordingFetch })),
        cache: new InMemoryCache(),
      });
    const query = gql`
      query WebProduct($id: ID!) {
        product(id: $id) { id name }
      }
    `;
    // when
    const first = await client().query({ query, variables: { id: 'tee-red' } });
    const second = await client().query({ query, variables: { id: 'tee-blue' } });
    // then: the first try sent the hash alone, was told PERSISTED_QUERY_NOT_FOUND and sent the text; the second sent the hash alone
    expect(first.data).toMatchObject({ product: { id: 'tee-red', name: 'Acme Men Red Crew T-shirt' } });
    expect(second.data).toMatchObject({ product: { id: 'tee-blue', name: 'Zeta Women Blue V-neck T-shirt' } });
    expect(sent.map((body) => typeof body.query)).toEqual(['undefined', 'string', 'undefined']);
    expect(sent.every((body) => typeof (body.extensions as { persistedQuery?: { sha256Hash?: string } }).persistedQuery?.sha256Hash === 'string')).toBe(true);
  });

  it('when a safelist-mode key sends a registered operation by its sha256, then it runs', async () => {
    // when
    const result = await send(gateway.url, { extensions: persisted(registered('PartnerProduct').id), variables: { id: 'tee-red' } }, { 'x-api-key': safelistKey });
    // then
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data).toMatchObject({ product: { id: 'tee-red', name: 'Acme Men Red Crew T-shirt', price: { amount: '19.99', currencyCode: 'EUR' } } });
  });

  it('when a safelist-mode key sends the text of a registered operation, as written in its file, then it runs', async () => {
    // given: the source file, comments and layout included (not the manifest's printed body)
    const text = readFileSync(join(SAFELIST_OPERATIONS_DIR, 'partner-product-feed.graphql'), 'utf8');
    // when
    const result = await send(gateway.url, { query: text, variables: { first: 2 } }, { 'x-api-key': safelistKey });
    // then
    expect(result.body.errors).toBeUndefined();
    expect((result.body.data!.products as { edges: unknown[] }).edges).toHaveLength(2);
  });

  it('when a safelist-mode key sends any other operation, then OPERATION_NOT_SAFELISTED and no subgraph is called', async () => {
    const callsBefore = catalogCalls;
    for (const body of [
      { query: UNREGISTERED },
      { query: UNREGISTERED, extensions: persisted(sha256(UNREGISTERED)) },
      // a registered hash with other text: the text would run, so it is refused
      { query: UNREGISTERED, extensions: persisted(registered('PartnerProduct').id) },
      { query: registered('PartnerProduct').body, variables: { id: 'tee-red' }, operationName: 'SomethingElse' },
    ]) {
      // when
      const result = await send(gateway.url, body, { 'x-api-key': safelistKey });
      // then
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors![0]!.extensions!.code).toBe('OPERATION_NOT_SAFELISTED');
      expect([400, 403]).toContain(result.status);
    }
    expect(catalogCalls).toBe(callsBefore);
  });

  it('when a safelist-mode key sends an unknown sha256, even one another client registered as an APQ, then PERSISTED_QUERY_NOT_FOUND', async () => {
    // given: a key not in safelist mode registers an operation of its own as an automatic persisted query
    const registration = await send(gateway.url, { query: UNREGISTERED, extensions: persisted(sha256(UNREGISTERED)) }, { 'x-api-key': openKey });
    expect(registration.body.data).toEqual({ product: { id: 'tee-red', name: 'Acme Men Red Crew T-shirt', brand: 'Acme' } });
    expect((await send(gateway.url, { extensions: persisted(sha256(UNREGISTERED)) }, { 'x-api-key': openKey })).body.data).not.toBeNull();
    // when
    const result = await send(gateway.url, { extensions: persisted(sha256(UNREGISTERED)) }, { 'x-api-key': safelistKey });
    // then
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it("when a safelist-mode key runs a registered operation outside its scopes, then the scopes still refuse it", async () => {
    // when: PartnerStock needs stock:read; the key has catalog:read only
    const result = await send(gateway.url, { extensions: persisted(registered('PartnerStock').id), variables: { productIds: ['tee-red'] } }, { 'x-api-key': safelistKey });
    // then
    expect(result.status).toBe(403);
    expect(result.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('when the same operation comes as a GET, then the safelist applies too', async () => {
    // given: server clients may GET with a preflight header (CSRF prevention)
    const url = (params: Record<string, string>) => `${gateway.url}?${new URLSearchParams(params).toString()}`;
    const headers = { 'x-api-key': safelistKey, 'apollo-require-preflight': 'true' };
    // when
    const allowed = await fetch(url({ extensions: JSON.stringify(persisted(registered('PartnerProduct').id)), variables: JSON.stringify({ id: 'watch' }) }), { headers });
    const refused = await fetch(url({ query: UNREGISTERED }), { headers });
    // then
    expect(((await allowed.json()) as GraphQLBody).data).toMatchObject({ product: { id: 'watch' } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as GraphQLBody).errors![0]!.extensions!.code).toBe('OPERATION_NOT_SAFELISTED');
  });
});
