import type { Identity } from '@shop/platform';

/** How each connection (one shopper) authenticates. Connection i uses entry i modulo the list length. */
export type LoadAuth =
  /** Through our gateway: the guest token it handed the shopper (`x-guest-token`). */
  | { kind: 'guest-token'; tokens: string[] }
  /** Straight to a subgraph: the identity signed as the gateway would (`x-shop-identity`). */
  | { kind: 'signed'; identities: Identity[]; secret: string }
  /** Any header, e.g. the peer gateway's bench guest header. */
  | { kind: 'header'; name: string; values: string[] };

export interface GraphQLOperation {
  query: string;
  operationName?: string;
  /** Rotated per request across all connections. */
  variants: Array<Record<string, unknown>>;
}

/** One GraphQL operation sent again and again. */
export interface GraphQLLoad {
  kind: 'graphql';
  url: string;
  auth: LoadAuth;
  operation: GraphQLOperation;
  /** Prepends a unique comment to every request: no document or query-plan cache can answer it. */
  uniqueText?: boolean;
  /** Replaces `variables.events` with this many fresh events per request (recordEvents). */
  freshEvents?: { count: number; productIds: string[] };
}

/** A shopper's checkout, looped: add a SKU to the cart, then place the order. */
export interface CheckoutLoad {
  kind: 'checkout';
  url: string;
  auth: LoadAuth;
  addToCart: string;
  placeOrder: string;
  /** SKUs rotated across checkouts. */
  skus: string[];
  /** The PlaceOrder input without its idempotency key (a new one per attempt). */
  input: Record<string, unknown>;
}

export type Load = GraphQLLoad | CheckoutLoad;

export interface LoadJob {
  load: Load;
  connections: number;
  /** Bounded in time… */
  durationSec: number;
  /** …and in requests: exactly this many when set (the run waits for every answer). */
  amount?: number;
  timeoutSec?: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** Requests answered with 2xx per second (for checkout: placeOrder answers per second). */
  rps: number;
  /** Milliseconds, from every 2xx answer (for checkout: placeOrder only). */
  latency: LatencySummary;
  requests: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** 2xx answers carrying GraphQL `errors`. */
  graphqlErrors: number;
  /** The first failure seen, to tell what went wrong. */
  firstError?: string;
  /** Checkout only: outcomes by order status or error code, and units per SKU in confirmed orders. */
  checkout?: { outcomes: Record<string, number>; confirmedUnits: Record<string, number>; addToCart: LatencySummary };
}

export type WorkerMessage = { id: number; result: LoadResult } | { id: number; error: string };
