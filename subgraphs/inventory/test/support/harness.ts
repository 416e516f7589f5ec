import { createLogger, listen, RoundTripCounter, type Identity, type Region } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName, type GraphQLResult } from '@shop/platform/testing';
import {
  createDynamoClient,
  createInventoryServer,
  createInventoryStore,
  dropInventoryTable,
  tableName,
  type Dynamo,
  type InventoryStoreDeps,
} from '../../src/public-api';
import type { InventoryStore } from '../../src/use-cases/store';

export interface Harness {
  client: Dynamo;
  tablePrefix: string;
  /** The same repositories the server uses, for setting up and inspecting state. */
  store: InventoryStore;
  roundTrips: RoundTripCounter;
  url: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, identity?: Identity | null): Promise<GraphQLResult<T>>;
  /** Writes exact stock (and the product → SKU map) for test fixtures. */
  putStock(items: Array<{ productId: string; sku: string; region: Region; available: number }>): Promise<void>;
  /** Available units of a SKU in a region, read consistently (undefined when there is no item). */
  available(sku: string, region?: Region): Promise<number | undefined>;
  close(): Promise<void>;
}

type Options = Partial<Omit<InventoryStoreDeps, 'client' | 'tablePrefix' | 'roundTrips'>>;

/** Starts the inventory subgraph in-process on port 0 against its own table in DynamoDB Local. */
export async function startInventory(options: Options = {}): Promise<Harness> {
  const client = createDynamoClient(process.env.DYNAMODB_ENDPOINT!);
  const tablePrefix = `${uniqueName('inv')}_`;
  const roundTrips = new RoundTripCounter();
  const deps = { client, tablePrefix, roundTrips, ...options };
  const server = await listen(
    await createInventoryServer({ ...deps, logger: createLogger('inventory', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  const store = createInventoryStore(deps);
  return {
    client,
    tablePrefix,
    store,
    roundTrips,
    url: server.url,
    gql: (query, variables = {}, identity = identities.service()) => callGraphQL(server.url, query, variables, { identity }),
    putStock: async (items) => {
      await store.stock.seedMissing(items);
    },
    available: async (sku, region = 'eu') => (await store.stock.stockOfSkus([sku], { consistent: true }))[0]?.available[region],
    close: async () => {
      await server.close();
      await dropInventoryTable(client, tableName(tablePrefix));
      client.close();
    },
  };
}

export const RESERVE = `mutation($orderId: ID!, $lines: [ReserveLineInput!]!, $region: String!) {
  reserve(orderId: $orderId, lines: $lines, region: $region) {
    reserved shortages { sku requested available } userErrors { field message code } } }`;
export const RELEASE = `mutation($orderId: ID!) { release(orderId: $orderId) { ok userErrors { field message code } } }`;
export const COMMIT = `mutation($orderId: ID!) { commit(orderId: $orderId) { ok userErrors { field message code } } }`;
export const RESERVATION = `query($orderId: ID!) { reservation(orderId: $orderId) {
  orderId region status releaseReason lines { sku quantity } expiresAt } }`;

export interface ReservePayload {
  reserved: boolean;
  shortages: Array<{ sku: string; requested: number; available: number }>;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
}
export interface OperationPayload {
  ok: boolean;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
}

export async function reserve(h: Harness, orderId: string, lines: Array<{ sku: string; quantity: number }>, region = 'eu') {
  const result = await h.gql<{ reserve: ReservePayload }>(RESERVE, { orderId, lines, region });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.reserve;
}

export async function release(h: Harness, orderId: string) {
  const result = await h.gql<{ release: OperationPayload }>(RELEASE, { orderId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.release;
}

export async function commit(h: Harness, orderId: string) {
  const result = await h.gql<{ commit: OperationPayload }>(COMMIT, { orderId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.commit;
}
