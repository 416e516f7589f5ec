import { REGIONS, type Region } from '@shop/platform';

export type RegionAmounts = Partial<Record<Region, number>>;

export interface StockLevel {
  region: Region;
  available: number;
  inStock: boolean;
  lowStock: boolean;
  regions: Array<{ region: Region; available: number }>;
}

/** Adds up the regional amounts of several SKUs (a product's variants). */
export function sumRegions(amounts: readonly RegionAmounts[]): Record<Region, number> {
  const total = Object.fromEntries(REGIONS.map((region) => [region, 0])) as Record<Region, number>;
  for (const amount of amounts) for (const region of REGIONS) total[region] += Math.max(0, amount[region] ?? 0);
  return total;
}

/** Low stock means some units are left, but no more than the threshold. */
export function stockLevel(amounts: RegionAmounts, region: Region, lowStockThreshold: number): StockLevel {
  const total = sumRegions([amounts]);
  const available = total[region];
  return {
    region,
    available,
    inStock: available > 0,
    lowStock: available > 0 && available <= lowStockThreshold,
    regions: REGIONS.map((each) => ({ region: each, available: total[each] })),
  };
}
