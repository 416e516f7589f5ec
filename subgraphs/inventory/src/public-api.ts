/** What other workspaces (gateway, scripts, stack seeding, benchmarks) may use from inventory. */
import { REGIONS, type Region, type RoundTripCounter } from '@shop/platform';
import type { Dynamo } from './data-access/dynamo-client';
import { DEFAULT_TABLE_PREFIX, tableName } from './data-access/keys';
import { createStockRepository } from './data-access/stock-repository';
import { ensureInventoryTable } from './data-access/table';
import { seedStockItems } from './use-cases/seed-stock';

export { createInventoryServer, createInventoryStore, typeDefs, type InventoryDeps, type InventoryStoreDeps } from './server';
export { createDynamoClient, type Dynamo, type DynamoOptions } from './data-access/dynamo-client';
export { ensureInventoryTable, dropInventoryTable } from './data-access/table';
export { tableName } from './data-access/keys';
export { loadInventoryConfig, type InventoryConfig } from './config';
export { sweepExpiredReservations, type SweepResult } from './use-cases/sweep-reservations';
export { seedQuantity } from './domain/seed-quantities';

/**
 * Seeds deterministic regional stock (some zero, some low, most plenty) for catalog variants with
 * BatchWriteItem, creating the table if absent (prefix: INVENTORY_TABLE_PREFIX, else shop_). Idempotent: stock that exists is live and kept.
 */
export async function seedStock(
  deps: { client: Dynamo; tablePrefix?: string; roundTrips?: RoundTripCounter },
  items: ReadonlyArray<{ productId: string; sku: string }>,
  { seed = 42, regions = REGIONS }: { seed?: number; regions?: readonly Region[] } = {},
): Promise<{ written: number }> {
  const table = tableName(deps.tablePrefix ?? process.env.INVENTORY_TABLE_PREFIX ?? DEFAULT_TABLE_PREFIX);
  await ensureInventoryTable(deps.client, table, deps.roundTrips);
  return seedStockItems(createStockRepository(deps.client.doc, table, deps.roundTrips), items, { seed, regions });
}
export { startInventory } from './start';
