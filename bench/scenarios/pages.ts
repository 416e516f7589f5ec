import { interleave, warmUp, type BenchContext, type Scenario } from '../lib/context';
import { dataOf, guestHeaders, postGraphQL } from '../lib/graphql-http';
import type { Load, LoadResult } from '../lib/load-protocol';
import { RATE_LIMITED } from '../lib/load-runner';
import { addToCartOperation, CHECKOUT_INPUT, CLEAR_CART, pageOperations, REGION, WEB, type PageName } from '../lib/operations';
import { figureOf, ms, rate, type RunFigure } from '../lib/stats';

const P99_BUDGET_MS = 100;
/** SKUs an add-to-cart run adds (one unit at a time, rotated), to a cart of 2 other lines: carts stay at most 6 lines. */
const ADDED_SKUS = 4;

/** The checkout SKUs (eu stock raised for the run) split into a cart's first lines and those the add-to-cart run adds. */
function addToCartSkus(context: BenchContext) {
  const pool = context.fixtures.checkoutSkus;
  return { base: pool.slice(0, pool.length - ADDED_SKUS), added: pool.slice(-ADDED_SKUS) };
}

/** Guest sessions of their own for add-to-cart, so the browsers' 2-line carts (the Cart page) and the buyers' stay as they are. */
async function newGuestTokens(context: BenchContext, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await postGraphQL(context.system.gatewayUrl, WEB.navCategories);
    if (answer.status === 429) throw new Error(RATE_LIMITED);
    const token = answer.headers.get('x-guest-token');
    if (!token) throw new Error(`The gateway handed out no guest token (HTTP ${answer.status})`);
    tokens.push(token);
  }
  return tokens;
}

/** Untimed, before each add-to-cart run: every cart it uses back to 2 lines of 1 unit. */
async function resetCarts(context: BenchContext, tokens: readonly string[]): Promise<void> {
  const { base } = addToCartSkus(context);
  const send = async (query: string, variables: Record<string, unknown>, token: string, what: string) => {
    const answer = await postGraphQL<Record<string, { userErrors: Array<{ message: string }> }>>(context.system.gatewayUrl, query, variables, guestHeaders(token));
    const errors = Object.values(dataOf(answer, what))[0]?.userErrors ?? [];
    if (errors.length > 0) throw new Error(`${what}: ${errors[0]!.message}`);
  };
  await Promise.all(
    tokens.map(async (token, i) => {
      await send(CLEAR_CART, {}, token, 'clearing a cart');
      for (const sku of [base[i % base.length]!, base[(i + 3) % base.length]!]) {
        await send(WEB.addToCart, { sku, quantity: 1, region: REGION }, token, 'filling a cart');
      }
    }),
  );
}

/** The load of one page, as its shoppers send it through the gateway (`adders`: the add-to-cart shoppers' guest tokens). */
export function pageLoad(context: BenchContext, page: PageName, adders: string[] = []): Load {
  const { system, fixtures } = context;
  if (page === 'addToCart') {
    return { kind: 'graphql', url: system.gatewayUrl, auth: { kind: 'guest-token', tokens: adders }, operation: addToCartOperation(addToCartSkus(context).added) };
  }
  if (page === 'checkout') {
    return {
      kind: 'checkout',
      url: system.gatewayUrl,
      auth: { kind: 'guest-token', tokens: fixtures.buyers.map((shopper) => shopper.token) },
      addToCart: WEB.addToCart,
      placeOrder: WEB.placeOrder,
      skus: fixtures.checkoutSkus,
      input: CHECKOUT_INPUT,
    };
  }
  const operation = pageOperations(fixtures)[page];
  return { kind: 'graphql', url: system.gatewayUrl, auth: { kind: 'guest-token', tokens: fixtures.browsers.map((shopper) => shopper.token) }, operation };
}

const PAGES: Array<{ page: PageName; label: string }> = [
  { page: 'home', label: 'home (Home)' },
  { page: 'category', label: 'category listing (CategoryListing)' },
  { page: 'product', label: 'product page (ProductPage)' },
  { page: 'cart', label: 'cart (Cart)' },
  { page: 'addToCart', label: 'add to cart (AddToCart)' },
  { page: 'checkout', label: 'checkout (PlaceOrder)' },
];

/** Where p99 first passes the budget as the shoppers grow: the best throughput under it and the step that broke it. */
function budgetCrossing(steps: readonly number[], figures: readonly RunFigure[]): string {
  const over = figures.findIndex((figure) => !(figure.p99 <= P99_BUDGET_MS));
  if (over === -1) return `not passed: ${rate(figures[figures.length - 1]!.rps)} req/s at ${steps[steps.length - 1]} shoppers, p99 ${ms(figures[figures.length - 1]!.p99)} ms`;
  if (over === 0) return `already at 1 shopper (${rate(figures[0]!.rps)} req/s, p99 ${ms(figures[0]!.p99)} ms)`;
  const under = figures[over - 1]!;
  return `${rate(under.rps)} req/s at ${steps[over - 1]} shoppers (p99 ${ms(under.p99)} ms); ${steps[over]} shoppers: ${rate(figures[over]!.rps)} req/s, p99 ${ms(figures[over]!.p99)} ms`;
}

/** The shopper counts stepped through; 1 and 32 are always measured for every page. */
const FULL_STEPS = [1, 4, 16, 32, 64];
/** A quick run measures 1 and 8 shoppers only (a smoke run: 32 shoppers take long to drain here). */
const QUICK_STEPS = [1, 8];

export const pagesScenario: Scenario = {
  id: 'pages',
  title: 'Page operations through the gateway',
  about: 'home, category listing, product page, cart, add to cart, checkout: p50/p99 at 1 and 32 shoppers, and the throughput at which p99 passes 100 ms',
  quick: true,
  async run(context) {
    const { options, log } = context;
    const steps = options.quick ? QUICK_STEPS : FULL_STEPS;
    const many = steps.includes(32) ? 32 : steps[steps.length - 1]!;
    const required = new Set([1, many]);
    const adders = await newGuestTokens(context, steps[steps.length - 1]!);
    await resetCarts(context, adders);
    await warmUp(context, PAGES.map(({ page }) => pageLoad(context, page, adders)));
    const results = new Map<string, LoadResult[]>();
    const key = (page: PageName, connections: number) => `${page}@${connections}`;
    const figure = (page: PageName, connections: number): RunFigure | undefined => {
      const runs = results.get(key(page, connections));
      return runs ? figureOf(runs) : undefined;
    };
    // Step up the shoppers; a page leaves the sweep once its p99 passed the budget (beyond that
    // only the 1- and 32-shopper figures are still needed). Each step's runs are interleaved across pages.
    const over = new Set<PageName>();
    for (const connections of steps) {
      const pages = PAGES.filter(({ page }) => required.has(connections) || !over.has(page));
      if (pages.length === 0) continue;
      const rounds = await interleave(
        options.runs,
        pages.map(({ page }) => async () => {
          if (page === 'addToCart') await resetCarts(context, adders.slice(0, connections));
          const result = await context.load.run({ load: pageLoad(context, page, adders), connections, durationSec: options.seconds });
          log(`  ${page} × ${connections}: p50 ${ms(result.latency.p50)} ms, p99 ${ms(result.latency.p99)} ms, ${rate(result.rps)} req/s`);
          return result;
        }),
      );
      pages.forEach(({ page }, i) => {
        results.set(key(page, connections), rounds[i]!);
        if (!(figureOf(rounds[i]!).p99 <= P99_BUDGET_MS)) over.add(page);
      });
    }
    const findings: string[] = [];
    const notes: string[] = [];
    const rows = PAGES.map(({ page, label }) => {
      const one = figure(page, 1)!;
      const crowd = figure(page, many)!;
      const failures = one.failures + crowd.failures;
      if (failures > 0) findings.push(`${label}: ${failures} failed requests, e.g. ${one.firstError ?? crowd.firstError}`);
      return [label, ms(one.p50), ms(one.p99), rate(one.rps), ms(crowd.p50), ms(crowd.p99), rate(crowd.rps), String(failures)];
    });
    const sweep = PAGES.map(({ page, label }) => {
      const measured = steps.filter((connections) => results.has(key(page, connections)));
      const figures = measured.map((connections) => figure(page, connections)!);
      return [label, ...steps.map((connections) => (results.has(key(page, connections)) ? `${rate(figure(page, connections)!.rps)} (${ms(figure(page, connections)!.p99)})` : '–')), budgetCrossing(measured, figures)];
    });
    const checkoutOutcomes: Record<string, number> = {};
    for (const runs of [...results].filter(([name]) => name.startsWith('checkout@')).map(([, runs]) => runs)) {
      for (const run of runs) for (const [outcome, count] of Object.entries(run.checkout?.outcomes ?? {})) checkoutOutcomes[outcome] = (checkoutOutcomes[outcome] ?? 0) + count;
    }
    notes.push(`checkout outcomes over all runs: ${Object.entries(checkoutOutcomes).map(([outcome, count]) => `${outcome} ${count}`).join(', ') || 'none'}; each checkout adds one SKU to the shopper's cart first (AddToCart, not timed in the checkout figures).`);
    notes.push('product page: the web app reads the cart line from the Cart query it shares with every page (measured as "cart").');
    notes.push(`add to cart: AddToCart as the product page sends it (one unit; the payload is the whole cart as the web app shows it), by guests of its own whose carts are put back to 2 lines before each run (untimed); each run adds units of ${ADDED_SKUS} SKUs in turn, so a cart holds at most ${2 + ADDED_SKUS} lines.`);
    if (!options.quick) notes.push(`"–" in the sweep: not run, the page's p99 had passed ${P99_BUDGET_MS} ms at fewer shoppers.`);
    return {
      method: `The web app's own operations (web/src/gql), sent through the gateway by autocannon from a separate process, each connection a guest shopper with a cart of 2 lines and 8 product views (add to cart: see below); region eu. ${options.runs} runs of ${options.seconds} s (then the answers in flight) per page and shopper count, interleaved across pages.`,
      tables: [
        { title: 'Latency (ms) and throughput (req/s)', columns: ['page', 'p50 @1', 'p99 @1', 'req/s @1', `p50 @${many}`, `p99 @${many}`, `req/s @${many}`, 'failed'], rows },
        { title: `Throughput req/s (p99 ms) as shoppers grow, and where p99 passes ${P99_BUDGET_MS} ms`, columns: ['page', ...steps.map((c) => `${c} shoppers`), `p99 > ${P99_BUDGET_MS} ms from`], rows: sweep },
      ],
      findings,
      notes,
      data: [...results].map(([name, runs]) => ({ run: name, results: runs })),
    };
  },
};
