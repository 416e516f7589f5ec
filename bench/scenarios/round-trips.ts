import { randomUUID } from 'node:crypto';
import { SUBGRAPH_NAMES, type ServiceName } from '@shop/platform';
import type { BenchContext, Scenario } from '../lib/context';
import { dataOf, guestHeaders, postGraphQL } from '../lib/graphql-http';
import { CHECKOUT_INPUT, pageOperations, REGION, WEB } from '../lib/operations';
import { median } from '../lib/stats';

export type Counts = Record<string, number>;

interface Probe {
  label: string;
  /** Runs before the counted request (not counted), e.g. filling the cart a checkout buys. */
  before?: () => Promise<void>;
  send: () => Promise<void>;
}

export async function probeAll(context: BenchContext, reset: boolean): Promise<Record<string, Counts>> {
  const names: ServiceName[] = ['gateway', ...SUBGRAPH_NAMES];
  const answers = await Promise.all(
    names.map(async (name) => {
      const response = await fetch(`${context.system.serviceBase(name)}/__bench/round-trips${reset ? '/reset' : ''}`, { method: reset ? 'POST' : 'GET' });
      return [name, (await response.json()) as Counts] as const;
    }),
  );
  return Object.fromEntries(answers);
}

function probes(context: BenchContext): Probe[] {
  const { system, fixtures } = context;
  const operations = pageOperations(fixtures);
  const browser = fixtures.browsers[0]!;
  const buyer = fixtures.buyers[0]!;
  const adder = fixtures.buyers[1]!;
  let attempt = 0;
  const send = (query: string, variables: Record<string, unknown>, token: string, what: string) => async () => {
    dataOf(await postGraphQL(system.gatewayUrl, query, variables, guestHeaders(token)), what);
  };
  const [categoryVariables] = operations.category.variants;
  const [productVariables] = operations.product.variants;
  return [
    { label: 'home (Home)', send: send(operations.home.query, { region: REGION }, browser.token, 'Home') },
    { label: 'category listing (CategoryListing)', send: send(operations.category.query, categoryVariables!, browser.token, 'CategoryListing') },
    { label: 'product page (ProductPage)', send: send(operations.product.query, productVariables!, browser.token, 'ProductPage') },
    {
      label: 'product sidebar (SidebarRecommendations)',
      send: send(WEB.sidebarRecommendations, { context: { productId: fixtures.productIds[0] }, region: REGION }, browser.token, 'SidebarRecommendations'),
    },
    { label: 'cart (Cart)', send: send(WEB.cart, { region: REGION }, browser.token, 'Cart') },
    { label: 'add to cart (AddToCart)', send: send(WEB.addToCart, { sku: fixtures.checkoutSkus[1], quantity: 1, region: REGION }, adder.token, 'AddToCart') },
    {
      label: 'checkout (PlaceOrder, 2-line cart)',
      before: async () => {
        for (const sku of fixtures.checkoutSkus.slice(2, 4)) await send(WEB.addToCart, { sku, quantity: 1, region: REGION }, buyer.token, 'AddToCart')();
      },
      send: async () => {
        const answer = await postGraphQL<{ placeOrder: { order: { status: string } | null } }>(
          system.gatewayUrl,
          WEB.placeOrder,
          { input: { ...CHECKOUT_INPUT, idempotencyKey: `bench-rt-${Date.now()}-${attempt++}` } },
          guestHeaders(buyer.token),
        );
        const status = dataOf(answer, 'PlaceOrder').placeOrder.order?.status;
        if (status !== 'CONFIRMED') throw new Error(`PlaceOrder ended ${status ?? 'without an order'}`);
      },
    },
    {
      label: 'activity batch (RecordEvents, 50 events)',
      send: async () => {
        const at = new Date().toISOString();
        const events = Array.from({ length: 50 }, (_, i) => ({ id: randomUUID(), at, type: 'view', productId: fixtures.productIds[i % 48] }));
        await send(WEB.recordEvents, { events }, browser.token, 'RecordEvents')();
      },
    },
  ];
}

/** Why a subgraph makes several calls for one request, where its code says so. */
const WHY: Array<{ subgraph: string; call: string; operation?: string; why: string }> = [
  {
    subgraph: 'inventory',
    call: 'dynamodb:BatchGetItem',
    why: 'a product this inventory process has not seen yet costs its product → SKUs map first, then its stock rows; a breakdown by region (`regions`) reads all 3 regions; batches hold at most 100 keys',
  },
  { subgraph: 'orders', call: 'postgres:', why: 'the checkout saga records its state before each side effect, one statement per step, plus the confirm transaction' },
  {
    subgraph: 'activity',
    call: 'cassandra:',
    operation: 'PlaceOrder',
    why: 'purchase events from the orders outbox: claim the event ids (conditional batch), append history (batch), read the products\' categories, bump counters',
  },
  {
    subgraph: 'activity',
    call: 'cassandra:',
    operation: 'RecordEvents',
    why: 'claim the event ids (one conditional batch), read the products\' categories, append history in batches of 25 rows, bump the counters in one batch per counter partition (sent at once)',
  },
  { subgraph: 'cart', call: 'redis:pipeline', why: 'a cart this cart process has not seen yet is read first (so every line is priced in one catalog call), then written by the atomic script' },
];

const whyOf = (operation: string, subgraph: string, calls: Array<[string, number]>) =>
  WHY.find((entry) => entry.subgraph === subgraph && (!entry.operation || operation.includes(entry.operation)) && calls.some(([key]) => key.startsWith(entry.call)))?.why;

const storeCalls = (counts: Counts) => Object.entries(counts).filter(([key]) => !key.startsWith('http:'));

export const roundTripsScenario: Scenario = {
  id: 'round-trips',
  title: 'Round trips per page operation',
  about: 'datastore calls and subgraph requests per page operation, counted by driver instrumentation in the services',
  quick: true,
  async run(context) {
    if (!context.system.probe) {
      return {
        method: '',
        tables: [],
        findings: [],
        notes: [],
        data: null,
        skipped: 'the running shop has no round-trip probe: it was not started by the bench. Stop `npm start` and run `npm run bench` to let the bench start the shop with the probe.',
      };
    }
    const rows: string[][] = [];
    const findings: string[] = [];
    const data: Record<string, Record<string, Counts>> = {};
    const runs = context.options.runs;
    for (const probe of probes(context)) {
      const samples: Array<Record<string, Counts>> = [];
      await probe.before?.();
      await probe.send(); // warm-up: prepared statements, loaders, connections
      for (let run = 0; run < runs; run++) {
        await probe.before?.();
        await probeAll(context, true);
        await probe.send();
        await new Promise((resolve) => setTimeout(resolve, 300)); // work the request left running (outbox wake-ups)
        samples.push(await probeAll(context, false));
      }
      const services = [...new Set(samples.flatMap((sample) => Object.keys(sample)))];
      const typical: Record<string, Counts> = {};
      for (const service of services) {
        const keys = [...new Set(samples.flatMap((sample) => Object.keys(sample[service] ?? {})))];
        const counts = Object.fromEntries(keys.map((key) => [key, median(samples.map((sample) => sample[service]?.[key] ?? 0))]).filter(([, count]) => Number(count) > 0));
        if (Object.keys(counts).length > 0) typical[service] = counts;
      }
      data[probe.label] = typical;
      for (const [service, counts] of Object.entries(typical)) {
        if (service === 'gateway') continue;
        const fromGateway = counts['http:from gateway'] ?? 0;
        const fromServices = Object.entries(counts).filter(([key]) => key.startsWith('http:from service')).reduce((sum, [, count]) => sum + count, 0);
        const calls = storeCalls(counts);
        const total = calls.reduce((sum, [, count]) => sum + count, 0);
        const requests = fromGateway + fromServices;
        const perRequest = requests > 0 ? total / requests : total;
        rows.push([
          probe.label,
          service,
          `${fromGateway} + ${fromServices}`,
          String(total),
          perRequest.toFixed(1),
          calls.map(([key, count]) => `${key.replace(/^[a-z]+:/, '')}×${count}`).join(', ') || '–',
        ]);
        if (perRequest > 1) {
          const why = whyOf(probe.label, service, calls);
          findings.push(
            `${probe.label}: ${service} makes ${total} datastore calls for ${requests} request(s) (${calls.map(([key, count]) => `${key}×${count}`).join(', ')}) — more than one call per subgraph per batch${why ? `; ${why}` : ''}.`,
          );
        }
      }
    }
    return {
      method: `One request per operation through the gateway as a guest, after a warm-up, ${runs} times; the services (started by the bench) count, while they handle a GraphQL request, the requests they receive (from the gateway or from another subgraph) and the datastore calls their drivers send: MongoDB command monitoring, pg Client.query, ioredis commands (a pipeline counts once), DynamoDB HTTP requests, Cassandra execute/batch. Figures are medians over the runs.`,
      tables: [{ columns: ['operation', 'subgraph', 'requests (gateway + services)', 'datastore calls', 'calls per request', 'calls'], rows }],
      findings,
      notes: ['recommendations keeps its vectors in memory (no datastore); its requests to activity and catalog show up as requests "from services" there.'],
      data,
    };
  },
};
