import type { BenchContext, Scenario } from '../lib/context';
import { readStock, setStock, type Shopper } from '../lib/fixtures';
import { dataOf, guestHeaders, postGraphQL } from '../lib/graphql-http';
import type { LoadResult } from '../lib/load-protocol';
import { CHECKOUT_INPUT, PLACE_ORDER_WITH_LINES, REGION, WEB } from '../lib/operations';
import { median, ms, rate } from '../lib/stats';

const CLEAR_CART = `mutation BenchClearCart($region: String) { clearCart(region: $region) { userErrors { code } } }`;
const MY_ORDERS = `query BenchMyOrders($after: String) { orders(first: 50, after: $after) { edges { node { id status createdAt lines { sku quantity } } } pageInfo { hasNextPage endCursor } } }`;
const SETTLE_MS = 60_000;

interface OrdersPage {
  orders: { edges: Array<{ node: { id: string; status: string; createdAt: string; lines: Array<{ sku: string; quantity: number }> } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Placed orders (the orders subgraph's truth) of these shoppers since `since`: how many, and units per SKU. */
async function placedSince(context: BenchContext, shoppers: readonly Shopper[], since: Date): Promise<{ orders: number; units: Map<string, number> }> {
  const units = new Map<string, number>();
  let orders = 0;
  await Promise.all(
    shoppers.map(async (shopper) => {
      let after: string | null = null;
      for (;;) {
        const page: OrdersPage['orders'] = dataOf(await postGraphQL<OrdersPage>(context.system.gatewayUrl, MY_ORDERS, { after }, guestHeaders(shopper.token)), 'listing orders').orders;
        const recent = page.edges.map((edge) => edge.node).filter((order) => new Date(order.createdAt) >= since);
        for (const order of recent) {
          if (order.status === 'CANCELLED') continue;
          orders += 1;
          for (const line of order.lines) units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity);
        }
        if (!page.pageInfo.hasNextPage || recent.length < page.edges.length) break;
        after = page.pageInfo.endCursor;
      }
    }),
  );
  return { orders, units };
}

interface Check {
  result: LoadResult;
  unitsPerSku: number;
  /** Orders the orders subgraph placed in the run, and the units they hold of the hot SKUs. */
  placed: number;
  placedUnits: number;
  /** Units gone from the hot SKUs' stock. */
  gone: number;
  /** Σ |gone − placed units| per SKU once settled: units sold twice or lost. Must be 0. */
  discrepancy: number;
  negative: boolean;
  settleSec: number;
}

async function contend(context: BenchContext, unitsPerSku: number, seconds: number): Promise<Check> {
  const { system, fixtures, load } = context;
  const shoppers = fixtures.contenders;
  await Promise.all(shoppers.map((shopper) => postGraphQL(system.gatewayUrl, CLEAR_CART, { region: REGION }, guestHeaders(shopper.token))));
  await setStock(system, new Map(fixtures.hotSkus.map((sku) => [sku, unitsPerSku])));
  const since = new Date(Date.now() - 200);
  const result = await load.run({
    load: {
      kind: 'checkout',
      url: system.gatewayUrl,
      auth: { kind: 'guest-token', tokens: shoppers.map((shopper) => shopper.token) },
      addToCart: WEB.addToCart,
      placeOrder: PLACE_ORDER_WITH_LINES,
      skus: fixtures.hotSkus,
      input: CHECKOUT_INPUT,
    },
    connections: shoppers.length,
    durationSec: seconds,
    timeoutSec: 60,
  });
  // A checkout the gateway gave up on (subgraph timeout) may still be finishing in orders: wait
  // until the units gone from stock and the units in placed orders agree, or SETTLE_MS.
  const settleStart = Date.now();
  let check: Omit<Check, 'result' | 'settleSec'>;
  for (;;) {
    const after = await readStock(system, fixtures.hotSkus);
    const placed = await placedSince(context, shoppers, since);
    let gone = 0;
    let placedUnits = 0;
    let discrepancy = 0;
    let negative = false;
    for (const sku of fixtures.hotSkus) {
      const left = after.get(sku) ?? Number.NaN;
      gone += unitsPerSku - left;
      placedUnits += placed.units.get(sku) ?? 0;
      discrepancy += Math.abs(unitsPerSku - left - (placed.units.get(sku) ?? 0));
      if (left < 0) negative = true;
    }
    check = { unitsPerSku, placed: placed.orders, placedUnits, gone, discrepancy, negative };
    if (discrepancy === 0 || Date.now() - settleStart > SETTLE_MS) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  return { ...check, result, settleSec: (Date.now() - settleStart) / 1000 };
}

export const contentionScenario: Scenario = {
  id: 'contention',
  title: 'Contention: 50 shoppers buy the same 5 SKUs',
  about: 'checkouts per second when 50 shoppers buy the same 5 SKUs at once, plenty and scarce stock; verifies no oversell against the placed orders',
  quick: true,
  async run(context) {
    const { options, log } = context;
    const seconds = options.quick ? 2 : 8;
    const kinds = [
      { label: 'plenty (5 SKUs × 100,000 units)', units: 100_000 },
      { label: 'scarce (5 SKUs × 2 units)', units: 2 },
    ];
    const rows: string[][] = [];
    const findings: string[] = [];
    const data: unknown[] = [];
    for (const kind of kinds) {
      const checks: Check[] = [];
      for (let run = 0; run < options.runs; run++) {
        const check = await contend(context, kind.units, seconds);
        log(`  ${kind.label}: answers ${JSON.stringify(check.result.checkout?.outcomes ?? {})}; placed ${check.placed} orders, ${check.placedUnits} units; ${check.gone} units gone from stock`);
        checks.push(check);
      }
      const outcomes: Record<string, number> = {};
      for (const check of checks) for (const [outcome, count] of Object.entries(check.result.checkout?.outcomes ?? {})) outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
      const told = (check: Check) => check.result.checkout?.outcomes.CONFIRMED ?? 0;
      const unseen = checks.reduce((sum, check) => sum + Math.max(0, check.placed - told(check)), 0);
      const bad = checks.filter((check) => check.discrepancy > 0 || check.negative || check.placedUnits > 5 * check.unitsPerSku);
      if (bad.length > 0) {
        findings.push(`${kind.label}: units gone from stock and units in placed orders still disagree after ${SETTLE_MS / 1000} s in ${bad.length} run(s): ${bad.map((check) => `${check.gone} gone, ${check.placedUnits} placed`).join('; ')}.`);
      }
      if (unseen > 0) findings.push(`${kind.label}: ${unseen} orders were placed although the shopper's placeOrder answered with an error (the gateway's subgraph timeout ran out first; the order completed behind it).`);
      const errors = checks.reduce((sum, check) => sum + check.result.non2xx + check.result.socketErrors + check.result.timeouts + check.result.graphqlErrors, 0);
      if (errors > 0) findings.push(`${kind.label}: ${errors} requests failed, e.g. ${checks.find((check) => check.result.firstError)?.result.firstError}`);
      rows.push([
        kind.label,
        rate(median(checks.map((check) => check.placed / check.result.seconds))),
        `${ms(median(checks.map((check) => check.result.latency.p50)))} / ${ms(median(checks.map((check) => check.result.latency.p99)))}`,
        Object.entries(outcomes).map(([outcome, count]) => `${outcome} ${count}`).join(', '),
        checks.map((check) => `${check.placedUnits}/${check.gone}`).join(', '),
        String(checks.reduce((sum, check) => sum + check.discrepancy, 0)),
        checks.some((check) => check.negative) ? 'yes' : 'no',
      ]);
      data.push({ kind: kind.label, checks });
    }
    return {
      method: `50 guest shoppers (one connection each) loop: add one of the same 5 SKUs to the cart, place the order; through the gateway, ${seconds} s per run (then every answer in flight is awaited). After each run the 5 SKUs' eu stock is read from inventory and every shopper's placed orders from orders, until they agree (at most ${SETTLE_MS / 1000} s). ${options.runs} runs per kind; the stock is set before each run and put back at the end.`,
      tables: [
        {
          columns: ['stock', 'orders placed/s', 'placeOrder ms p50 / p99', 'answers the shoppers got (all runs)', 'units in placed orders / gone from stock, per run', 'units sold twice or lost', 'stock below 0'],
          rows,
        },
      ],
      findings,
      notes: ['"orders placed/s" counts the orders the orders subgraph placed in a run (its own list), whatever the answers said.'],
      data,
    };
  },
};
