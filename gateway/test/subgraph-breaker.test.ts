import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { connectMongo, createCatalogServer, createRepositories } from '@shop/catalog';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import type { Db, MongoClient } from 'mongodb';
import { CATEGORIES, catalogRecords } from './rest-support/fixture';
import { cookieValue, post, SIGN_UP, startAccounts, startGateway, type AccountsUnderTest, type GatewayUnderTest } from './support/gateway-harness';

const PAGE = '{ me { email } product(id: "tee-red") { id name } }';

interface Page {
  me: { email: string } | null;
  product: { id: string; name: string } | null;
}

interface Ready {
  status: string;
  subgraphs: Record<string, { state: string; retryAt?: string; lastFailure?: string }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('gateway: subgraph timeouts and circuit breakers', () => {
  let accounts: AccountsUnderTest;
  let mongo: { client: MongoClient; db: Db };
  let token: string;
  /** Every catalog instance started, and how many /graphql calls each received. */
  const catalogs: Array<{ running: RunningSubgraph; calls: number; closed: boolean }> = [];
  const gateways: GatewayUnderTest[] = [];

  /** A real catalog subgraph on the test database (on a given port, to come back where it was). */
  async function startCatalog(port = 0) {
    const app = await createCatalogServer({ db: mongo.db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET });
    const entry = { running: undefined as unknown as RunningSubgraph, calls: 0, closed: false };
    app.addHook('onRequest', async (request) => {
      if (request.url === '/graphql') entry.calls += 1;
    });
    entry.running = await listen(app, port);
    catalogs.push(entry);
    return entry;
  }

  async function stopCatalog(entry: (typeof catalogs)[number]) {
    entry.closed = true;
    await entry.running.close();
  }

  async function gatewayOver(catalogUrl: string, settings: Parameters<typeof startGateway>[0]['settings']) {
    const gateway = await startGateway({ accountsUrl: accounts.server.url, subgraphUrls: { catalog: catalogUrl }, settings });
    gateways.push(gateway);
    return gateway;
  }

  const page = (gateway: GatewayUnderTest) => post<Page>(gateway.url, PAGE, {}, { bearer: token });
  const ready = async (gateway: GatewayUnderTest) => (await (await fetch(gateway.url.replace('/graphql', '/ready'))).json()) as Ready;

  beforeAll(async () => {
    accounts = await startAccounts();
    mongo = await connectMongo(process.env.MONGODB_URL!, uniqueName('gateway_breaker'));
    const repositories = createRepositories(mongo.db);
    await repositories.categories.saveMany(CATEGORIES);
    await repositories.products.upsertMany(catalogRecords(new Date()));
    const gateway = await gatewayOver('http://127.0.0.1:9/graphql', {});
    token = cookieValue((await post(gateway.url, SIGN_UP, { email: 'breaker@example.com', password: 'breaker password', name: 'B' })).cookies, 'shop_session')!;
    expect(token).toBeDefined();
  });

  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    for (const entry of catalogs) if (!entry.closed) await entry.running.close();
    await mongo?.db.dropDatabase();
    await mongo?.client.close();
    await accounts?.close();
  });

  it('when a subgraph goes down, then after N failures its breaker opens: its fields fail fast while the rest still resolves', async () => {
    // given: a gateway whose breaker opens after 3 failures and stays open for a minute
    const catalog = await startCatalog();
    const gateway = await gatewayOver(catalog.running.url, { breaker: { failureThreshold: 3, coolDownMs: 60_000 } });
    const before = await page(gateway);
    expect(before.data).toEqual({ me: { email: 'breaker@example.com' }, product: { id: 'tee-red', name: 'Acme Men Red Crew T-shirt' } });
    expect((await ready(gateway)).subgraphs.catalog).toEqual({ state: 'closed' });

    // when: the catalog stops, and three pages fail to reach it
    await stopCatalog(catalog);
    for (let i = 0; i < 3; i += 1) {
      const failed = await page(gateway);
      expect(failed.status).toBe(200);
      expect(failed.data).toEqual({ me: { email: 'breaker@example.com' }, product: null });
      expect(failed.errors).toHaveLength(1);
      expect(failed.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'catalog', reason: 'unreachable' });
      expect(JSON.stringify(failed.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
    }

    // then: the breaker is open, and the gateway says so on /ready
    const state = await ready(gateway);
    expect(state.status).toBe('degraded');
    expect(state.subgraphs.catalog).toMatchObject({ state: 'open', lastFailure: 'unreachable' });
    expect(Date.parse(state.subgraphs.catalog!.retryAt!)).toBeGreaterThan(Date.now());
    expect(state.subgraphs.accounts).toEqual({ state: 'closed' });

    // and: with the catalog back on its port, calls still fail fast without reaching it until the cool-down ends
    const back = await startCatalog(catalog.running.port);
    const fast = await page(gateway);
    expect(fast.data).toEqual({ me: { email: 'breaker@example.com' }, product: null });
    expect(fast.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'circuit-open' });
    expect(fast.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(back.calls).toBe(0);
  });

  it('when the cool-down ends, then one probe goes through: a failed probe opens the breaker again, a successful one closes it', async () => {
    // given: an open breaker (cool-down 1.5 s) over a stopped catalog
    const catalog = await startCatalog();
    const gateway = await gatewayOver(catalog.running.url, { breaker: { failureThreshold: 2, coolDownMs: 1_500 } });
    expect((await page(gateway)).data?.product).not.toBeNull();
    await stopCatalog(catalog);
    for (let i = 0; i < 2; i += 1) expect((await page(gateway)).errors![0]!.extensions!.reason).toBe('unreachable');
    const opened = await ready(gateway);
    expect(opened.subgraphs.catalog!.state).toBe('open');

    // when: the cool-down passes while the catalog is still down
    await sleep(1_600);
    const probe = await page(gateway);

    // then: the probe tried the catalog, failed, and the breaker opened again for a new cool-down
    expect(probe.errors![0]!.extensions!.reason).toBe('unreachable');
    const reopened = await ready(gateway);
    expect(reopened.subgraphs.catalog!.state).toBe('open');
    expect(Date.parse(reopened.subgraphs.catalog!.retryAt!)).toBeGreaterThan(Date.parse(opened.subgraphs.catalog!.retryAt!));

    // when: the catalog comes back, the next probe after the cool-down closes the breaker
    const back = await startCatalog(catalog.running.port);
    let recovered: Page | null | undefined;
    for (let attempt = 0; attempt < 60 && !recovered?.product; attempt += 1) {
      await sleep(100);
      recovered = (await page(gateway)).data;
    }

    // then
    expect(recovered).toEqual({ me: { email: 'breaker@example.com' }, product: { id: 'tee-red', name: 'Acme Men Red Crew T-shirt' } });
    expect(back.calls).toBeGreaterThan(0);
    const state = await ready(gateway);
    expect(state.status).toBe('ready');
    expect(state.subgraphs.catalog).toEqual({ state: 'closed', lastFailure: 'unreachable' });
  });

  it('when a subgraph accepts connections but never answers, then its call times out and the rest of the query resolves', async () => {
    // given: a server that takes connections and never says a word, and a 300 ms subgraph timeout
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const gateway = await gatewayOver(`http://127.0.0.1:${port}/graphql`, { subgraphTimeoutMs: 300, breaker: { failureThreshold: 2, coolDownMs: 60_000 } });

      // when
      const first = await page(gateway);
      const second = await page(gateway);
      const third = await page(gateway);

      // then
      for (const result of [first, second, third]) expect(result.data).toEqual({ me: { email: 'breaker@example.com' }, product: null });
      expect(first.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'catalog', reason: 'timeout' });
      expect(first.errors![0]!.message).toBe('The catalog service did not answer in time; try again shortly');
      expect(second.errors![0]!.extensions!.reason).toBe('timeout');
      expect(third.errors![0]!.extensions!.reason).toBe('circuit-open');
      expect((await ready(gateway)).subgraphs.catalog).toMatchObject({ state: 'open', lastFailure: 'timeout' });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
