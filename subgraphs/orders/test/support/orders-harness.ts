import { createLogger, listen, RoundTripCounter, type Identity, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, TEST_IDENTITY_SECRET, type GraphQLResult } from '@shop/platform/testing';
import { TestPaymentProvider } from '../../src/adapters/test-payment-provider';
import type { PaymentProvider } from '../../src/domain/ports';
import { createOrdersRuntime, createOrdersServer, type OrdersDeps, type OrdersRuntime } from '../../src/server';
import { testSchema, type TestSchema } from './postgres';

/** Nothing listens on port 9: calls to it fail like a service that is down. */
export const UNREACHABLE = 'http://127.0.0.1:9/graphql';

export interface OrdersHarness {
  url: string;
  pg: TestSchema;
  runtime: OrdersRuntime;
  payments: PaymentProvider;
  roundTrips: RoundTripCounter;
  call<T = Record<string, unknown>>(identity: Identity | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Like call, but fails on any GraphQL error. */
  data<T>(identity: Identity, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Another runtime on the same schema, e.g. with activity at another URL. */
  runtimeWith(overrides: Partial<Omit<OrdersDeps, 'urls'>> & { urls?: Partial<OrdersDeps['urls']> }): OrdersRuntime;
  close(): Promise<void>;
}

export interface OrdersHarnessOptions {
  urls?: Partial<OrdersDeps['urls']>;
  payments?: PaymentProvider;
  leaseMs?: number;
}

/** The orders subgraph on port 0, on a PostgreSQL schema of its own, without background jobs. */
export async function startOrders(prefix: string, options: OrdersHarnessOptions = {}): Promise<OrdersHarness> {
  const pg = testSchema(prefix);
  const roundTrips = new RoundTripCounter();
  const payments = options.payments ?? new TestPaymentProvider();
  const deps: OrdersDeps = {
    pool: pg.pool,
    schema: pg.schema,
    logger: createLogger('orders', 'silent'),
    identitySecret: TEST_IDENTITY_SECRET,
    urls: { catalog: UNREACHABLE, inventory: UNREACHABLE, cart: UNREACHABLE, activity: UNREACHABLE, ...options.urls },
    payments,
    leaseMs: options.leaseMs ?? 60_000,
    outbox: { retryBaseMs: 0, retryMaxMs: 0, leaseMs: 30_000 },
    roundTrips,
  };
  const runtime = createOrdersRuntime(deps);
  const server: RunningSubgraph = await listen(await createOrdersServer(deps, runtime), 0);
  const call: OrdersHarness['call'] = (identity, query, variables = {}) => callGraphQL(server.url, query, variables, { identity });
  return {
    url: server.url,
    pg,
    runtime,
    payments,
    roundTrips,
    call,
    async data<T>(identity: Identity, query: string, variables: Record<string, unknown> = {}) {
      const result = await call<T>(identity, query, variables);
      if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data;
    },
    runtimeWith: (overrides) => createOrdersRuntime({ ...deps, ...overrides, urls: { ...deps.urls, ...overrides.urls } }),
    async close() {
      await server.close();
      await pg.drop();
    },
  };
}

export const ORDER_FIELDS = `
  id status email region itemCount failureCode failureReason createdAt confirmedAt cancelledAt
  lines { sku name variantTitle quantity unitPrice { amount currencyCode } lineTotal { amount currencyCode } product { id } variant { sku } }
  totals { subtotal { amount currencyCode } shipping { amount } tax { amount } total { amount currencyCode } }
  shippingAddress { fullName line1 line2 city province postalCode countryCode phone }
  payment { provider brand last4 status }`;

export const PLACE_ORDER = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { ${ORDER_FIELDS} } userErrors { field message code } } }`;

export const CANCEL_ORDER = `mutation($id: ID!) {
  cancelOrder(id: $id) { order { ${ORDER_FIELDS} } userErrors { field message code } } }`;

export const ORDERS = `query($first: Int, $after: String) {
  orders(first: $first, after: $after) { edges { cursor node { id status lines { sku } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

export interface OrderView {
  id: string;
  status: string;
  email: string | null;
  region: string;
  itemCount: number;
  failureCode: string | null;
  failureReason: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  lines: Array<{ sku: string; name: string; variantTitle: string | null; quantity: number; unitPrice: { amount: string; currencyCode: string }; lineTotal: { amount: string } }>;
  totals: { subtotal: { amount: string; currencyCode: string }; shipping: { amount: string }; tax: { amount: string }; total: { amount: string; currencyCode: string } } | null;
  shippingAddress: Record<string, string | null>;
  payment: { provider: string; brand: string; last4: string; status: string } | null;
}

export interface PayloadView {
  order: OrderView | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
}

export const address = {
  fullName: 'Ada Lovelace',
  line1: '12 Analytical Street',
  city: 'London',
  postalCode: 'N1 9GU',
  countryCode: 'GB',
};

export const card = (cardNumber = '4242 4242 4242 4242') => ({ cardNumber, expiryMonth: 12, expiryYear: 2099, cvc: '123' });

export function checkoutInput(idempotencyKey: string, overrides: Record<string, unknown> = {}) {
  return { idempotencyKey, shippingAddress: address, payment: card(), region: 'eu', ...overrides };
}
