import {
  DEAD_URL,
  startAccounts,
  startGateway,
  type AccountsUnderTest,
  type GatewayUnderTest,
} from '../../../../gateway/test/support/gateway-harness';
import { Browser } from './browser';
import { startShop, type ShopHarness, type ShopOptions } from './shop-harness';

/**
 * Test settings of the real gateway: no per-address limit (every browser here is 127.0.0.1), and
 * room for checkouts that queue behind 50 others on two loaded cores.
 */
const GATEWAY_SETTINGS = { perAddressPerMinute: 1_000_000, subgraphTimeoutMs: 60_000 };

export interface ShopGateway {
  /** The gateway's `/graphql`. */
  url: string;
  /** A new browser: no cookies yet, so its first request makes it a guest. */
  browser(): Browser;
  close(): Promise<void>;
}

/**
 * The REAL gateway (`@apollo/gateway`, authentication, limits; started by the gateway's own test
 * harness) in-process on port 0 over the given subgraphs, with accounts when sign-up is needed.
 */
export async function startShopGateway(urls: { catalog: string; cart: string; orders: string }, options: { accounts?: boolean } = {}): Promise<ShopGateway> {
  const accounts: AccountsUnderTest | null = options.accounts ? await startAccounts() : null;
  let gateway: GatewayUnderTest;
  try {
    gateway = await startGateway({ accountsUrl: accounts?.server.url ?? DEAD_URL, subgraphUrls: urls, settings: GATEWAY_SETTINGS });
  } catch (error) {
    await accounts?.close();
    throw error;
  }
  return {
    url: gateway.url,
    browser: () => new Browser(gateway.url),
    async close() {
      await gateway.close();
      await accounts?.close();
    },
  };
}

/** The checkout harness (catalog, inventory, cart and orders in-process on the real stores) behind the real gateway. */
export interface GatewayShop extends ShopHarness {
  gateway: ShopGateway;
}

export async function startGatewayShop(prefix: string, options: ShopOptions & { accounts?: boolean } = {}): Promise<GatewayShop> {
  const shop = await startShop(prefix, options);
  try {
    const gateway = await startShopGateway({ catalog: shop.urls.catalog, cart: shop.urls.cart, orders: shop.orders.url }, options);
    return {
      ...shop,
      gateway,
      async close() {
        await gateway.close();
        await shop.close();
      },
    };
  } catch (error) {
    await shop.close();
    throw error;
  }
}
