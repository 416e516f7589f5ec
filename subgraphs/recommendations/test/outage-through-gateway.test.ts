import { createLogger, listen, REGIONS, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { composeSupergraph, createAuthenticator, createGatewayServer } from '@shop/gateway';
import { createDynamoClient, createInventoryServer, dropInventoryTable, tableName } from '@shop/inventory';
import { startCatalog, type CatalogFixture } from './support/catalog-fixture';

/** Nothing listens there: recommendations (and the subgraphs this test does not need) are down. */
const DOWN = 'http://127.0.0.1:9/graphql';

/** The product page's query as the web app sends it, in short: the product, its stock and similar products. */
const PRODUCT_PAGE = `query ProductPage($slug: String!, $region: String) {
  product(slug: $slug) {
    id name brand price { amount currencyCode }
    stock(region: $region) { region available inStock }
    variants { sku title }
    similar(first: 4) { id name }
  }
}`;

const HOME = `{ recommendations(first: 8) { id name } categories { id slug name } }`;

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { serviceName?: string } & Record<string, unknown> }>;
}

describe('a recommendations outage seen through the gateway', () => {
  let catalog: CatalogFixture;
  let inventory: RunningSubgraph;
  let gateway: RunningSubgraph;
  const dynamo = createDynamoClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
  const tablePrefix = `${uniqueName('recs_outage')}_`;

  const ask = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> => {
    const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphQLAnswer<T>;
  };

  beforeAll(async () => {
    catalog = await startCatalog();
    inventory = await listen(
      await createInventoryServer({ client: dynamo, tablePrefix, logger: createLogger('inventory', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
      0,
    );
    const cookieSecret = 'a cookie secret for the outage test, long enough';
    const app = await createGatewayServer({
      supergraphSdl: composeSupergraph(),
      subgraphUrls: {
        catalog: catalog.server.url,
        inventory: inventory.url,
        recommendations: DOWN,
        activity: DOWN,
        cart: DOWN,
        orders: DOWN,
        accounts: DOWN,
      },
      identitySecret: TEST_IDENTITY_SECRET,
      cookieSecret,
      authenticate: createAuthenticator({ cookieSecret, secureCookies: false }),
      logger: createLogger('gateway', 'silent'),
      webRoot: null,
    });
    gateway = await listen(app, 0);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await inventory?.close();
    await dropInventoryTable(dynamo, tableName(tablePrefix)).catch(() => undefined);
    dynamo.close();
    await catalog?.close();
  });

  it('when recommendations is down, then the product page still gets its product and stock, with similar null and an error from recommendations', async () => {
    // when
    const result = await ask<{ product: { id: string; name: string; stock: { region: string }; variants: unknown[]; similar: unknown } | null }>(PRODUCT_PAGE, {
      slug: 'watch-titan',
      region: REGIONS[0],
    });
    // then
    expect(result.data?.product).toMatchObject({ id: 'watch-titan', name: 'Titan Men Brown Analog Leather Watch', stock: { region: REGIONS[0] }, similar: null });
    expect(result.data!.product!.variants).toHaveLength(1);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions?.serviceName === 'recommendations')).toBe(true);
  });

  it('when recommendations is down, then the home page gets its categories, with recommendations null and an error from recommendations', async () => {
    // when
    const result = await ask<{ recommendations: unknown; categories: Array<{ slug: string }> }>(HOME);
    // then
    expect(result.data?.recommendations).toBeNull();
    expect(result.data?.categories.length).toBeGreaterThan(0);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions?.serviceName === 'recommendations')).toBe(true);
  });
});
