import { interleave, warmUp, type BenchContext, type Scenario } from '../lib/context';
import type { GraphQLOperation, LoadAuth, LoadResult } from '../lib/load-protocol';
import { pageOperations, REGION } from '../lib/operations';
import { planCost } from '../lib/planner';
import { figureOf, ms, pairedRatio, rate, times } from '../lib/stats';
import type { SubgraphName } from '@shop/platform';

const PRODUCT_BY_ID = `query BenchProductById($id: ID!) { product(id: $id) { id slug name brand description price { amount currencyCode } images { url alt } } }`;
const STOCK_OF_PAGE = `query BenchStockOfPage($ids: [ID!]!) { stock(productIds: $ids, region: "${REGION}") { productId stock { available inStock lowStock } } }`;

interface Pair {
  label: string;
  subgraph: SubgraphName;
  operation: GraphQLOperation;
}

function pairs(context: BenchContext): Pair[] {
  const ids = context.fixtures.productIds;
  return [
    { label: 'catalog: product(id)', subgraph: 'catalog', operation: { query: PRODUCT_BY_ID, variants: ids.slice(0, 48).map((id) => ({ id })) } },
    {
      label: 'inventory: stock of 24 products',
      subgraph: 'inventory',
      operation: { query: STOCK_OF_PAGE, variants: [0, 24, 48].map((from) => ({ ids: ids.slice(from, from + 24) })) },
    },
  ];
}

async function overhead(context: BenchContext) {
  const { system, fixtures, load, options } = context;
  const viaGateway: LoadAuth = { kind: 'guest-token', tokens: fixtures.browsers.map((shopper) => shopper.token) };
  const direct: LoadAuth = { kind: 'signed', identities: fixtures.browsers.map((shopper) => shopper.identity), secret: system.identitySecret };
  const rows: string[][] = [];
  const data: unknown[] = [];
  for (const pair of pairs(context)) {
    const loadOf = (url: string, auth: LoadAuth) => ({ kind: 'graphql' as const, url, auth, operation: pair.operation });
    await warmUp(context, [loadOf(system.gatewayUrl, viaGateway), loadOf(system.subgraphUrl(pair.subgraph), direct)]);
    for (const connections of options.quick ? [1] : [1, 16]) {
      const run = (url: string, auth: LoadAuth) => () => load.run({ load: loadOf(url, auth), connections, durationSec: options.pairSeconds });
      const [gateway, subgraph] = await interleave(options.runs, [run(system.gatewayUrl, viaGateway), run(system.subgraphUrl(pair.subgraph), direct)]);
      const g = figureOf(gateway!);
      const s = figureOf(subgraph!);
      const p50Ratio = pairedRatio(gateway!.map((r) => r.latency.p50), subgraph!.map((r) => r.latency.p50));
      const rpsRatio = pairedRatio(subgraph!.map((r) => r.rps), gateway!.map((r) => r.rps));
      rows.push([pair.label, String(connections), `${ms(g.p50)} / ${ms(g.p99)}`, `${ms(s.p50)} / ${ms(s.p99)}`, ms(g.p50 - s.p50), times(p50Ratio), `${rate(g.rps)} / ${rate(s.rps)}`, times(rpsRatio), String(g.failures + s.failures)]);
      data.push({ pair: pair.label, connections, gateway, subgraph, p50Ratio, rpsRatio });
    }
  }
  return { rows, data };
}

/** The same page query with a warm plan cache (same text) and with a miss on every request (unique text), side by side. */
async function planCache(context: BenchContext) {
  const { system, fixtures, load, options } = context;
  const auth: LoadAuth = { kind: 'guest-token', tokens: fixtures.browsers.map((shopper) => shopper.token) };
  const operations = pageOperations(fixtures);
  const rows: string[][] = [];
  const planner: string[][] = [];
  const data: unknown[] = [];
  const all = [
    ['CategoryListing', operations.category],
    ['ProductPage', operations.product],
    ['Home', operations.home],
  ] as const;
  for (const [label, operation] of options.quick ? all.slice(0, 1) : all) {
    const loadOf = (uniqueText: boolean) => ({ kind: 'graphql' as const, url: system.gatewayUrl, auth, operation, uniqueText });
    await warmUp(context, [loadOf(false), loadOf(true)]);
    const run = (uniqueText: boolean) => () => load.run({ load: loadOf(uniqueText), connections: 1, durationSec: options.pairSeconds });
    const [warm, cold] = await interleave<LoadResult>(options.runs, [run(false), run(true)]);
    const w = figureOf(warm!);
    const c = figureOf(cold!);
    rows.push([label, ms(w.p50), ms(c.p50), ms(c.p50 - w.p50), times(pairedRatio(cold!.map((r) => r.latency.p50), warm!.map((r) => r.latency.p50))), String(w.failures + c.failures)]);
    const cost = planCost(operation.query, operation.operationName, options.quick ? 5 : 15);
    planner.push([
      label,
      `${ms(cost.miss.p50)} / ${ms(cost.miss.p99)}`,
      `${(cost.hitKey.p50 * 1000).toFixed(0)} µs`,
      Object.entries(cost.fetches).map(([name, count]) => `${name} ${count}`).join(', '),
    ]);
    data.push({ operation: label, warm, cold, planner: cost });
  }
  return { rows, planner, data };
}

export const gatewayOverheadScenario: Scenario = {
  id: 'gateway',
  title: 'Gateway overhead and query planning',
  about: 'the same fetch through the gateway and straight from the subgraph (signed identity) as a ratio; plan-cache hit vs miss; planner time',
  quick: true,
  async run(context) {
    const first = await overhead(context);
    const second = await planCache(context);
    return {
      method:
        'Each pair runs side by side (gateway, subgraph, subgraph, gateway, …): the same query with the same variables, through the gateway as a guest and straight to the subgraph with that guest\'s identity signed as the gateway signs it. The plan-cache pair sends the same page query with the same text (plan, parsed document and validation cached) and with a unique comment per request (none cached). The planner rows time @apollo/query-planner in this process on the committed supergraph.',
      tables: [
        {
          title: 'Gateway vs subgraph (ms p50 / p99; req/s)',
          columns: ['fetch', 'shoppers', 'gateway', 'subgraph', 'added p50', 'p50 ratio', 'req/s gw / sub', 'throughput cost', 'failed'],
          rows: first.rows,
        },
        { title: 'Plan cache through the gateway, 1 shopper (ms p50)', columns: ['page query', 'warm cache', 'miss every request', 'miss costs', 'ratio', 'failed'], rows: second.rows },
        { title: 'Query planner in-process', columns: ['page query', 'plan on a miss (ms p50 / p99)', 'cache key on a hit', 'subgraph fetches in the plan'], rows: second.planner },
      ],
      findings: [],
      notes: [
        '"throughput cost" = subgraph req/s ÷ gateway req/s at the same concurrency; on 2 shared cores the gateway and the subgraph compete for the same CPU.',
        'A plan-cache miss also re-parses and re-validates the document (Apollo Server caches those by the same text), so "miss costs" is parse + validate + plan.',
      ],
      data: { overhead: first.data, planCache: second.data },
    };
  },
};
