import { createDynamoClient, createInventoryServer, dropInventoryTable, tableName } from '@shop/inventory';
import { createLogger, listen, type Region, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { stopServer } from './stop-server';

export interface StockEntry {
  sku: string;
  productId: string;
  region: Region;
  available: number;
}

/** The real inventory subgraph on port 0, on its own table; stock is set through its admin API. */
export interface InventoryFixture {
  url: string;
  setStock(entries: StockEntry[]): Promise<void>;
  close(): Promise<void>;
}

const SET_STOCK = `mutation($sku: ID!, $region: String!, $quantity: Int!, $productId: ID) {
  setStock(sku: $sku, region: $region, quantity: $quantity, productId: $productId) { userErrors { code message } } }`;

export async function startInventory(): Promise<InventoryFixture> {
  const client = createDynamoClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
  const tablePrefix = `${uniqueName('cart_inv')}_`;
  const server: RunningSubgraph = await listen(
    await createInventoryServer({ client, tablePrefix, logger: createLogger('inventory', 'silent'), identitySecret: TEST_IDENTITY_SECRET }),
    0,
  );
  return {
    url: server.url,
    async setStock(entries) {
      const admin = identities.admin();
      await Promise.all(
        entries.map(async ({ sku, productId, region, available }) => {
          const result = await callGraphQL<{ setStock: { userErrors: unknown[] } }>(
            server.url,
            SET_STOCK,
            { sku, region, quantity: available, productId },
            { identity: admin },
          );
          if (result.errors || result.data?.setStock.userErrors.length) {
            throw new Error(`setStock ${sku} failed: ${JSON.stringify(result.errors ?? result.data?.setStock.userErrors)}`);
          }
        }),
      );
    },
    async close() {
      await stopServer(server);
      await dropInventoryTable(client, tableName(tablePrefix));
      client.close();
    },
  };
}
