import { buildSubgraphSchema } from '@apollo/subgraph';
import { buildSchema, parse, validate } from 'graphql';
import { typeDefs as inventoryTypeDefs } from '@shop/inventory';
import { createLogger, listen, SUBGRAPH_NAMES, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { createAuthenticator } from '../src/authenticate';
import { apiSchemaSdl, composeSupergraph } from '../src/composition';
import { createGatewayServer, type GatewayDeps } from '../src/gateway-server';
import { REST_ROUTES } from '../src/rest/routes';
import { OpenApiValidator, type OpenApiDocument } from './rest-support/openapi-validator';
import { restShop, type RestShop } from './rest-support/rest-shop';
import { COOKIE_SECRET, DEAD_URL } from './support/gateway-harness';

/** The routes issue 9 asks for, in OpenAPI path form. */
const ISSUE_ROUTES = [
  'GET /api/trending',
  'GET /api/recommendations',
  'GET /api/recommendations/contextual',
  'POST /api/view-event',
  'POST /api/click',
  'GET /api/products',
  'GET /api/products/{id}',
  'GET /api/stock',
  'GET /api/stock/{productId}',
  'GET /api/similar',
  'GET /api/cart',
  'POST /api/cart/add',
  'DELETE /api/cart',
  'POST /api/orders',
  'GET /api/orders',
  'PATCH /api/stock/decrement',
];

type ErrorBody = { error: { code: string; message: string; details?: { issues?: Array<{ in: string; path: string }> } } };

/** A gateway whose subgraphs are all down and which knows only guests: whatever reaches GraphQL answers 502. */
async function startLoneGateway(supergraphSdl: string, settings?: GatewayDeps['settings']): Promise<{ shop: RestShop; running: RunningSubgraph }> {
  const app = await createGatewayServer({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, DEAD_URL])),
    identitySecret: TEST_IDENTITY_SECRET,
    cookieSecret: COOKIE_SECRET,
    authenticate: createAuthenticator({ cookieSecret: COOKIE_SECRET, secureCookies: false }),
    logger: createLogger('gateway', 'silent'),
    settings,
  });
  const running = await listen(app, 0);
  return { shop: restShop(running.url.replace(/\/graphql$/, '')), running };
}

describe('REST routes: the OpenAPI document and the refusals made before any GraphQL runs', () => {
  let shop: RestShop;
  let running: RunningSubgraph;
  let document: OpenApiDocument;
  let supergraphSdl: string;

  beforeAll(async () => {
    supergraphSdl = composeSupergraph();
    ({ shop, running } = await startLoneGateway(supergraphSdl));
    document = (await shop.call<OpenApiDocument>('GET', '/api/openapi.json')).body;
  });
  afterAll(async () => {
    await running?.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  it('when a client fetches /api/openapi.json, then every route of the issue is there once, with its parameters and documented errors', () => {
    // then
    expect(document.openapi).toBe('3.1.0');
    const documented = operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(documented.sort()).toEqual([...ISSUE_ROUTES].sort());
    expect(new Set(operations().map(({ operation }) => operation.operationId)).size).toBe(ISSUE_ROUTES.length);
    for (const { path, operation } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name)).toEqual(inPath);
      for (const status of ['400', '401', '403', '429', '502', '503']) {
        expect(operation.responses[status]!.content!['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      }
      expect(Object.keys(operation.responses).some((status) => status === '200' || status === '201')).toBe(true);
    }
    expect(document.paths['/api/products']!.get!.parameters.map((parameter) => parameter.name)).toEqual([
      'category',
      'ids',
      'q',
      'sort',
      'first',
      'after',
    ]);
    expect(document.paths['/api/stock/decrement']!.patch!.responses['403']).toBeDefined();
  });

  it('when the schemas are compiled as JSON Schema 2020-12 in strict mode, then every one compiles and every $ref resolves', () => {
    // given
    const validator = new OpenApiValidator(document);
    // when / then
    for (const id of Object.keys(document.components.schemas)) expect(() => validator.compile({ $ref: `#/components/schemas/${id}` })).not.toThrow();
    for (const { operation } of operations()) {
      for (const parameter of operation.parameters) expect(() => validator.compile(parameter.schema)).not.toThrow();
      if (operation.requestBody) expect(() => validator.compile(operation.requestBody!.content['application/json'].schema)).not.toThrow();
      for (const response of Object.values(operation.responses))
        expect(() => validator.compile(response.content!['application/json'].schema)).not.toThrow();
    }
    expect(validator.responseErrors('addToCart', 400, { error: { code: 'BAD_USER_INPUT', message: 'm' } })).toEqual([]);
    expect(validator.responseErrors('getCart', 200, { cart: { id: 'c' } }).length).toBeGreaterThan(0);
  });

  it("when each route's GraphQL operation is validated, then it is valid against the public API (decrement: against inventory's own schema)", () => {
    // given
    const publicApi = buildSchema(apiSchemaSdl(supergraphSdl));
    const inventory = buildSubgraphSchema({ typeDefs: inventoryTypeDefs });
    // when / then
    for (const route of REST_ROUTES) {
      const schema = route.target === 'inventory' ? inventory : publicApi;
      expect({ route: route.operationId, errors: validate(schema, parse(route.document)).map((error) => error.message) }).toEqual({
        route: route.operationId,
        errors: [],
      });
    }
    expect(validate(publicApi, parse(REST_ROUTES.find((route) => route.target === 'inventory')!.document))).not.toHaveLength(0);
  });

  it('when a path under /api is unknown, then the answer is a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['POST', '/api/products/p1/extra'],
      ['GET', '/api/trending/'],
    ]) {
      // when
      const response = await shop.call<ErrorBody>(method!, path!);
      // then
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('when a known path is called with another method, then the answer is 405 with an Allow header', async () => {
    const cases: Array<[string, string, string]> = [
      ['PUT', '/api/products', 'GET, HEAD, OPTIONS'],
      ['POST', '/api/products/p1', 'GET, HEAD, OPTIONS'],
      ['PATCH', '/api/cart', 'GET, HEAD, DELETE, OPTIONS'],
      ['DELETE', '/api/orders', 'GET, HEAD, POST, OPTIONS'],
      ['GET', '/api/stock/decrement', 'PATCH, OPTIONS'],
      ['GET', '/api/cart/add', 'POST, OPTIONS'],
      ['POST', '/api/openapi.json', 'GET, HEAD, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      // when
      const response = await shop.call<ErrorBody>(method, path);
      // then
      expect({ method, path, status: response.status, allow: response.headers.get('allow') }).toEqual({ method, path, status: 405, allow });
      expect(response.body.error.code).toBe('METHOD_NOT_ALLOWED');
    }
  });

  it('when the input is bad, then it is refused with 400 and the field at fault, before any subgraph is asked (they are all down)', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['GET', '/api/products?first=0', undefined, 'query.first'],
      ['GET', '/api/products?first=ten', undefined, 'query.first'],
      ['GET', '/api/products?colour=red', undefined, 'query'],
      ['GET', `/api/products?ids=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`, undefined, 'query.ids'],
      ['GET', '/api/products/bad%20id', undefined, 'params.id'],
      ['GET', '/api/stock', undefined, 'query.productIds'],
      ['GET', '/api/stock?productIds=p1&region=mars', undefined, 'query.region'],
      ['GET', '/api/similar', undefined, 'query.productId'],
      ['GET', '/api/trending?first=51', undefined, 'query.first'],
      ['GET', '/api/recommendations/contextual?cartSkus=,', undefined, 'query.cartSkus'],
      ['POST', '/api/cart/add', { sku: 'tee-red-m', quantity: 0 }, 'body.quantity'],
      ['POST', '/api/cart/add', { sku: 'tee-red-m', quantity: 1.5 }, 'body.quantity'],
      ['POST', '/api/cart/add', { quantity: 1 }, 'body.sku'],
      ['POST', '/api/click', { productId: 'tee-red' }, 'body.source'],
      ['POST', '/api/view-event', { productId: 'tee-red', eventId: 'not-a-uuid' }, 'body.eventId'],
      ['POST', '/api/view-event', { productId: 'tee-red', at: 'yesterday' }, 'body.at'],
      ['POST', '/api/orders', { idempotencyKey: 'key-12345678' }, 'body.shippingAddress'],
    ];
    for (const [method, path, body, where] of cases) {
      // when
      const response = await shop.call<ErrorBody>(method, path, { body });
      // then
      expect({ path, body, status: response.status, code: response.body.error.code }).toEqual({ path, body, status: 400, code: 'BAD_USER_INPUT' });
      const issue = response.body.error.details!.issues![0]!;
      expect([issue.in, issue.path].filter(Boolean).join('.')).toBe(where);
    }
  });

  it('when the body is not JSON or too large, then the answer is a JSON 400, 413 or 415 and nothing runs', async () => {
    // when
    const broken = await shop.call<ErrorBody>('POST', '/api/cart/add', { rawBody: '{"sku":', headers: { 'content-type': 'application/json' } });
    const text = await shop.call<ErrorBody>('POST', '/api/cart/add', { rawBody: 'sku=tee-red-m', headers: { 'content-type': 'text/plain' } });
    const form = await shop.call<ErrorBody>('POST', '/api/orders', {
      rawBody: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const huge = await shop.call<ErrorBody>('POST', '/api/view-event', { body: { productId: 'tee-red', sku: 'x'.repeat(70_000) } });
    // then
    expect([huge.status, huge.body.error.code]).toEqual([413, 'LIMIT_EXCEEDED']);
    expect([broken.status, broken.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    expect([text.status, text.body.error.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect([form.status, form.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('when GET /api/orders names the shopper only by an X-User-Email header, then it is refused with 401', async () => {
    // when
    const response = await shop.call<ErrorBody>('GET', '/api/orders', { headers: { 'x-user-email': 'victim@example.com' } });
    // then
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
    expect(response.body.error.message).toMatch(/X-User-Email/);
  });

  it('when a guest calls the service-only stock decrement, then it is refused with 401 before its body is read', async () => {
    // when
    const response = await shop.call<ErrorBody>('PATCH', '/api/stock/decrement', { body: { nonsense: true } });
    // then
    expect([response.status, response.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('when the subgraphs behind a route are down, then the answer is 502 without internal details', async () => {
    for (const path of ['/api/products', '/api/products/tee-red', '/api/cart', '/api/trending']) {
      // when
      const response = await shop.call<ErrorBody>('GET', path);
      // then
      expect({ path, status: response.status, code: response.body.error.code }).toEqual({ path, status: 502, code: 'BAD_GATEWAY' });
      expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    }
  });

  it('when a client goes over the per-address rate limit, then REST answers 429 with Retry-After and a JSON error', async () => {
    // given
    const limited = await startLoneGateway(supergraphSdl, { perAddressPerMinute: 2 });
    try {
      await limited.shop.call('GET', '/api/openapi.json');
      await limited.shop.call('GET', '/api/openapi.json');
      // when
      const response = await limited.shop.call<ErrorBody>('GET', '/api/products');
      // then
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(response.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.running.close();
    }
  });
});
