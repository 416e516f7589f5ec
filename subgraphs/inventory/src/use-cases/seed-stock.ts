import { REGIONS, type Region } from '@shop/platform';
import { seedQuantity } from '../domain/seed-quantities';
import type { StockRepository, StockSeedItem } from '../data-access/stock-repository';

export interface SeedOptions {
  seed?: number;
  regions?: readonly Region[];
}

/** SKUs handled per round, so a 18,000-SKU catalog does not hold every key in flight at once. */
const SLICE = 500;

/**
 * Seeds deterministic regional stock for catalog variants. Idempotent, and it never overwrites
 * stock that already exists (that stock is live: reservations and restocks have moved it).
 */
export async function seedStockItems(
  stock: StockRepository,
  items: ReadonlyArray<{ productId: string; sku: string }>,
  options: SeedOptions = {},
): Promise<{ written: number }> {
  const seed = options.seed ?? 42;
  const regions = options.regions ?? REGIONS;
  let written = 0;
  for (let i = 0; i < items.length; i += SLICE) {
    const slice: StockSeedItem[] = items
      .slice(i, i + SLICE)
      .flatMap(({ productId, sku }) => regions.map((region) => ({ productId, sku, region, available: seedQuantity(seed, sku, region) })));
    written += (await stock.seedMissing(slice)).written;
  }
  return { written };
}
