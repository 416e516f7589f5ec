import type Redis from 'ioredis';
import { createLogger, listen, RoundTripCounter, type Identity, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, TEST_IDENTITY_SECRET, uniqueName, type GraphQLResult } from '@shop/platform/testing';
import { connectRedis } from '../../src/data-access/redis';
import type { CartSettings } from '../../src/domain/cart';
import { createCartServer } from '../../src/server';
import { createCartRepository } from '../../src/data-access/cart-repository';
import { DEFAULT_CART_SETTINGS } from '../../src/domain/cart';
import { basePrice, startCatalog, type CatalogFixture } from './catalog-fixture';
import { startInventory, type InventoryFixture } from './inventory-fixture';
import { stopServer } from './stop-server';

export interface CartHarness {
  url: string;
  redis: Redis;
  keyPrefix: string;
  roundTrips: RoundTripCounter;
  catalog: CatalogFixture;
  inventory: InventoryFixture;
  call<T = Record<string, unknown>>(identity: Identity | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /**
   * Puts lines straight into an owner's cart through the cart's own repository (same atomic
   * script, no catalog or inventory call): fast setup for big carts. Prices are the fixture's.
   */
  seedCart(owner: string, lines: Array<{ sku: string; quantity: number }>): Promise<void>;
  /** Like call, but fails the test on any GraphQL error. */
  data<T = Record<string, unknown>>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The cart subgraph on port 0 against the real catalog and inventory subgraphs (also on port 0,
 * on their own database and table) and real Redis under a key prefix of its own.
 */
export async function startCartHarness(
  options: { products?: number; stock?: number; settings?: Partial<CartSettings>; redisUrl?: string } = {},
): Promise<CartHarness> {
  const productCount = options.products ?? 10;
  const catalog = await startCatalog(productCount);
  const inventory = await startInventory();
  const skus = Array.from({ length: productCount }, (_, index) => catalog.skusOf(index)).flat();
  await inventory.setStock(
    skus.map((sku, index) => ({ sku, productId: catalog.productId(Math.floor(index / 2)), region: 'eu', available: options.stock ?? 500 })),
  );
  const redis = await connectRedis(options.redisUrl ?? process.env.REDIS_URL!);
  const keyPrefix = `${uniqueName('carttest')}:`;
  const roundTrips = new RoundTripCounter();
  const server: RunningSubgraph = await listen(
    await createCartServer({
      redis,
      logger: createLogger('cart', 'silent'),
      identitySecret: TEST_IDENTITY_SECRET,
      catalogUrl: catalog.url,
      inventoryUrl: inventory.url,
      keyPrefix,
      settings: options.settings,
      roundTrips,
    }),
    0,
  );
  const repository = createCartRepository(redis, { keyPrefix, settings: { ...DEFAULT_CART_SETTINGS, ...options.settings } });
  const call: CartHarness['call'] = (identity, query, variables = {}) => callGraphQL(server.url, query, variables, { identity });
  return {
    url: server.url,
    redis,
    keyPrefix,
    roundTrips,
    catalog,
    inventory,
    call,
    async seedCart(owner, lines) {
      for (const { sku, quantity } of lines) {
        const index = Number(/^prod-(\d+)-/.exec(sku)?.[1]);
        const variant = { sku, productId: catalog.productId(index), priceMinor: basePrice(index), currencyCode: 'INR' };
        const result = await repository.writeLine(owner, { sku, quantity, mode: 'add', variant, available: options.stock ?? 500 });
        if (result.status !== 'OK') throw new Error(`seeding ${sku} into ${owner}: ${result.status}`);
      }
    },
    async data(identity, query, variables) {
      const result = await call<never>(identity, query, variables);
      if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    async close() {
      await stopServer(server);
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await inventory.close();
      await catalog.close();
    },
  };
}

export const CART_FIELDS = `
  id region expiresAt updatedAt totalQuantity
  subtotal { amount currencyCode }
  lines { sku quantity unitPrice { amount currencyCode } lineTotal { amount } addedUnitPrice { amount } available product { id } variant { sku } }
  warnings { code sku message }`;

export const PAYLOAD_FIELDS = `cart { ${CART_FIELDS} } userErrors { field message code } warnings { code sku }`;

export interface CartLineView {
  sku: string;
  quantity: number;
  unitPrice: { amount: string; currencyCode: string };
  lineTotal: { amount: string };
  addedUnitPrice: { amount: string };
  available: number;
  product: { id: string };
  variant: { sku: string };
}

export interface CartView {
  id: string;
  region: string;
  expiresAt: string | null;
  updatedAt: string | null;
  totalQuantity: number;
  subtotal: { amount: string; currencyCode: string } | null;
  lines: CartLineView[];
  warnings: Array<{ code: string; sku: string; message: string }>;
}

export interface PayloadView {
  cart: CartView;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
  warnings: Array<{ code: string; sku: string }>;
}

export const ADD = `mutation($sku: ID!, $quantity: Int!, $region: String, $cartId: ID) {
  addToCart(sku: $sku, quantity: $quantity, region: $region, cartId: $cartId) { ${PAYLOAD_FIELDS} } }`;
export const UPDATE = `mutation($sku: ID!, $quantity: Int!, $cartId: ID) {
  updateCartLine(sku: $sku, quantity: $quantity, cartId: $cartId) { ${PAYLOAD_FIELDS} } }`;
export const REMOVE = `mutation($sku: ID!, $cartId: ID) { removeFromCart(sku: $sku, cartId: $cartId) { ${PAYLOAD_FIELDS} } }`;
export const CLEAR = `mutation($cartId: ID) { clearCart(cartId: $cartId) { ${PAYLOAD_FIELDS} } }`;
export const CART = `query($cartId: ID, $region: String) { cart(cartId: $cartId, region: $region) { ${CART_FIELDS} } }`;
