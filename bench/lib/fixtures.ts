import { randomUUID } from 'node:crypto';
import type { Identity } from '@shop/platform';
import { dataOf, guestHeaders, postGraphQL, signedHeaders } from './graphql-http';
import { RATE_LIMITED } from './load-runner';
import { REGION, WEB } from './operations';
import type { System } from './system';

/** A guest session handed out by the gateway: its token, and the guest id it signs. */
export interface Shopper {
  token: string;
  identity: Identity;
}

export interface Fixtures {
  /** Browsing shoppers: a cart of two lines and a few product views each. */
  browsers: Shopper[];
  /** Shoppers who check out in the page scenario, and the 50 of the contention scenario. */
  buyers: Shopper[];
  contenders: Shopper[];
  categorySlugs: string[];
  productIds: string[];
  productSlugs: string[];
  /** SKUs the page checkout buys: their eu stock is raised for the run and put back after. */
  checkoutSkus: string[];
  /** The 5 SKUs every contender buys. */
  hotSkus: string[];
  /** Available eu units of the SKUs the bench changes, as found, to put back at the end. */
  savedStock: Map<string, number>;
}

interface ProductsPage {
  products: { edges: Array<{ node: { id: string; slug: string; variants: Array<{ sku: string; stock: { available: number } }> } }> };
}
interface CategoryTree {
  categories: Array<{ slug: string; productCount: number; children: Array<{ slug: string; productCount: number }> }>;
}

const PRODUCTS = `query BenchProducts($first: Int!) { products(first: $first, sort: NEWEST) { edges { node { id slug variants { sku stock(region: "${REGION}") { available } } } } } }`;
const CATEGORIES = `query BenchCategories { categories { slug productCount children { slug productCount } } }`;
const STOCK_OF = `query BenchStockOf($r: [_Any!]!) { _entities(representations: $r) { ... on ProductVariant { sku stock(region: "${REGION}") { available } } } }`;
const SET_STOCK = `mutation BenchSetStock($sku: ID!, $quantity: Int!) { setStock(sku: $sku, region: "${REGION}", quantity: $quantity) { userErrors { code message } } }`;
const ADMIN: Identity = { role: 'admin', userId: 'bench-admin', scopes: [] };
const SERVICE: Identity = { role: 'service', service: 'bench', scopes: [] };

/** A new guest session: the gateway creates one on a first request and returns its token. */
async function newShopper(system: System): Promise<Shopper> {
  const answer = await postGraphQL(system.gatewayUrl, WEB.navCategories);
  const token = answer.headers.get('x-guest-token');
  if (answer.status === 429) throw new Error(RATE_LIMITED);
  if (!token) throw new Error(`The gateway handed out no guest token (HTTP ${answer.status})`);
  return { token, identity: { role: 'guest', guestId: token.split('.')[0]!, scopes: [] } };
}

async function inBatches<T, R>(items: readonly T[], size: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => task(item, start + offset)))));
  }
  return results;
}

export async function readStock(system: System, skus: readonly string[]): Promise<Map<string, number>> {
  const answer = await postGraphQL<{ _entities: Array<{ sku: string; stock: { available: number } } | null> }>(
    system.subgraphUrl('inventory'),
    STOCK_OF,
    { r: skus.map((sku) => ({ __typename: 'ProductVariant', sku })) },
    signedHeaders(SERVICE, system.identitySecret),
  );
  const entities = dataOf(answer, 'reading stock from inventory')._entities;
  return new Map(entities.flatMap((entity) => (entity ? [[entity.sku, entity.stock.available] as const] : [])));
}

export async function setStock(system: System, stock: ReadonlyMap<string, number>): Promise<void> {
  await inBatches([...stock], 10, async ([sku, quantity]) => {
    const answer = await postGraphQL<{ setStock: { userErrors: Array<{ message: string }> } }>(
      system.subgraphUrl('inventory'),
      SET_STOCK,
      { sku, quantity },
      signedHeaders(ADMIN, system.identitySecret),
    );
    const errors = dataOf(answer, `setting the stock of ${sku}`).setStock.userErrors;
    if (errors.length > 0) throw new Error(`setStock ${sku}: ${errors[0]!.message}`);
  });
}

/**
 * Shoppers, products and categories from the running shop. Browsing shoppers get a two-line cart
 * and eight product views (so home has history to recommend from); the checkout SKUs get plenty
 * of eu stock, their units as found are kept in `savedStock` for `restoreStock`.
 */
export async function prepareFixtures(system: System, log: (line: string) => void, counts = { browsers: 64, buyers: 64, contenders: 50 }): Promise<Fixtures> {
  const tree = dataOf(await postGraphQL<CategoryTree>(system.gatewayUrl, CATEGORIES), 'reading categories');
  const categorySlugs = tree.categories
    .flatMap((category) => [category, ...category.children])
    .filter((category) => category.productCount >= 24)
    .sort((a, b) => b.productCount - a.productCount)
    .slice(0, 8)
    .map((category) => category.slug);
  const products = dataOf(await postGraphQL<ProductsPage>(system.gatewayUrl, PRODUCTS, { first: 100 }), 'reading products').products.edges.map((edge) => edge.node);
  if (products.length < 80 || categorySlugs.length === 0) throw new Error(`The catalog is too small for the bench (${products.length} products); seed it with npm run seed.`);
  const inStock = (from: number, to: number) =>
    products.slice(from, to).flatMap((product) => product.variants.filter((variant) => variant.stock.available >= 3).slice(0, 2).map((variant) => variant.sku));
  const cartSkus = inStock(0, 30);
  const checkoutSkus = inStock(48, 72).slice(0, 24);
  const hotSkus = inStock(72, 100).slice(0, 5);
  if (cartSkus.length < 10 || checkoutSkus.length < 10 || hotSkus.length < 5) throw new Error('Too few SKUs in stock in the eu region for the bench.');

  log(`fixtures: ${counts.browsers + counts.buyers + counts.contenders} guest sessions, carts, product views…`);
  const shoppers = await inBatches(Array.from({ length: counts.browsers + counts.buyers + counts.contenders }), 16, () => newShopper(system));
  const browsers = shoppers.slice(0, counts.browsers);
  const productIds = products.map((product) => product.id);
  await inBatches(browsers, 8, async (shopper, i) => {
    for (const sku of [cartSkus[i % cartSkus.length]!, cartSkus[(i + 7) % cartSkus.length]!]) {
      const added = await postGraphQL<{ addToCart: { userErrors: Array<{ message: string }> } }>(system.gatewayUrl, WEB.addToCart, { sku, quantity: 1, region: REGION }, guestHeaders(shopper.token));
      const errors = dataOf(added, 'filling a cart').addToCart.userErrors;
      if (errors.length > 0) throw new Error(`addToCart ${sku}: ${errors[0]!.message}`);
    }
    const at = new Date().toISOString();
    const events = Array.from({ length: 8 }, (_, k) => ({ id: randomUUID(), at, type: 'view', productId: productIds[(i * 3 + k * 11) % 48]! }));
    const recorded = await postGraphQL<{ recordEvents: { accepted: number; rejected: Array<{ message: string }> } }>(system.gatewayUrl, WEB.recordEvents, { events }, guestHeaders(shopper.token));
    const { accepted, rejected } = dataOf(recorded, 'recording views').recordEvents;
    if (accepted !== events.length) throw new Error(`recordEvents accepted ${accepted} of ${events.length}: ${rejected[0]?.message ?? ''}`);
  });

  const savedStock = await readStock(system, [...checkoutSkus, ...hotSkus]);
  await setStock(system, new Map(checkoutSkus.map((sku) => [sku, 1_000_000])));
  return {
    browsers,
    buyers: shoppers.slice(counts.browsers, counts.browsers + counts.buyers),
    contenders: shoppers.slice(counts.browsers + counts.buyers),
    categorySlugs,
    productIds,
    productSlugs: products.slice(0, 48).map((product) => product.slug),
    checkoutSkus,
    hotSkus,
    savedStock,
  };
}

/** Puts the eu stock of every SKU the bench changed back to what it was before the run. */
export async function restoreStock(system: System, fixtures: Fixtures): Promise<void> {
  await setStock(system, fixtures.savedStock);
}
