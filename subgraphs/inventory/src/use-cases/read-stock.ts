import type DataLoader from 'dataloader';
import { keyedLoader, REGIONS, type Region } from '@shop/platform';
import type { Lru } from '../caching/lru';
import { keyId, keyOfId, productKey, stockKey } from '../data-access/keys';
import type { StockItem } from '../data-access/stock-item-reader';
import { stockLevel, sumRegions, type RegionAmounts, type StockLevel } from '../domain/stock-level';
import type { StockReadSources } from './store';

interface FoundItem {
  id: string;
  item: StockItem;
}

/** Per request: every stock item and product map asked in one tick (by keyId) is read in one batch. */
export interface StockLoaders {
  items: DataLoader<string, FoundItem | null>;
  skuHints: Lru<string, readonly string[]>;
}

export interface VariantStockView {
  sku: string;
  stock: StockLevel;
}

export interface ProductStockView {
  productId: string;
  stock: StockLevel;
  variants: VariantStockView[];
}

/**
 * `cached`: may answer from the per-process read cache (shopper-facing requests). Service and
 * admin requests always read the store.
 */
export function createStockLoaders(sources: StockReadSources, { cached }: { cached: boolean }): StockLoaders {
  const cache = cached ? sources.cache : null;
  const load = async (ids: readonly string[]): Promise<FoundItem[]> => {
    const found: FoundItem[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const hit = cache?.get(id);
      if (!hit) missing.push(id);
      else if (hit.value) found.push({ id, item: hit.value });
    }
    if (missing.length === 0) return found;
    const ticket = cache?.begin();
    const read = await sources.reader.read(missing.map(keyOfId));
    if (cache && ticket) cache.keep(ticket, missing.map((id) => [id, read.get(id) ?? null] as const));
    for (const id of missing) {
      const item = read.get(id);
      if (item) found.push({ id, item });
    }
    return found;
  };
  return { items: keyedLoader(load, (entry) => [entry.id]), skuHints: sources.skuHints };
}

/** The regions a read needs: every region when the breakdown is asked for, else only the one reported. */
export const regionsToRead = (region: Region, breakdown: boolean): readonly Region[] => (breakdown ? REGIONS : [region]);

async function loadAll<V>(loader: DataLoader<string, V | null>, keys: readonly string[]): Promise<Array<V | null>> {
  const results = await loader.loadMany(keys);
  return results.map((result) => {
    if (result instanceof Error) throw result;
    return result;
  });
}

/** Units per SKU in the regions asked; a region without a stock item holds none. */
async function amountsOf(loaders: StockLoaders, skus: readonly string[], regions: readonly Region[]): Promise<Map<string, RegionAmounts>> {
  const found = await loadAll(loaders.items, skus.flatMap((sku) => regions.map((region) => keyId(stockKey(sku, region)))));
  const amounts = new Map<string, RegionAmounts>();
  let i = 0;
  for (const sku of skus) {
    const amount: RegionAmounts = {};
    for (const region of regions) {
      const available = found[i++]?.item.available;
      if (available !== undefined) amount[region] = available;
    }
    amounts.set(sku, amount);
  }
  return amounts;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * A product's SKUs (from its map item, read every time) and their units. With the SKU list seen
 * last, the stock is asked in the same batch as the map; SKUs the map has gained since are read after.
 */
async function readProduct(
  loaders: StockLoaders,
  productId: string,
  regions: readonly Region[],
): Promise<{ skus: readonly string[]; amounts: Map<string, RegionAmounts> }> {
  const hint = loaders.skuHints.get(productId);
  const [map, hinted] = await Promise.all([
    loaders.items.load(keyId(productKey(productId))),
    hint && hint.length > 0 ? amountsOf(loaders, hint, regions) : Promise.resolve(new Map<string, RegionAmounts>()),
  ]);
  const skus = map?.item.skus ?? [];
  if (!hint || !sameList(hint, skus)) loaders.skuHints.set(productId, skus);
  const unread = skus.filter((sku) => !hinted.has(sku));
  const late = unread.length > 0 ? await amountsOf(loaders, unread, regions) : new Map<string, RegionAmounts>();
  return { skus, amounts: new Map(skus.map((sku) => [sku, hinted.get(sku) ?? late.get(sku) ?? {}])) };
}

export async function variantStockLevel(
  loaders: StockLoaders,
  sku: string,
  region: Region,
  regions: readonly Region[],
  threshold: number,
): Promise<StockLevel> {
  const amounts = await amountsOf(loaders, [sku], regions);
  return stockLevel(amounts.get(sku) ?? {}, region, threshold);
}

/** Stock of products (zero for a product inventory does not know), in the order asked. */
export async function productStocks(
  loaders: StockLoaders,
  productIds: readonly string[],
  region: Region,
  regions: readonly Region[],
  threshold: number,
): Promise<ProductStockView[]> {
  const reads = await Promise.all(productIds.map((productId) => readProduct(loaders, productId, regions)));
  return productIds.map((productId, i) => {
    const { skus, amounts } = reads[i]!;
    const variants = skus.map((sku) => ({ sku, stock: stockLevel(amounts.get(sku) ?? {}, region, threshold) }));
    const total = sumRegions(skus.map((sku) => amounts.get(sku) ?? {}));
    return { productId, stock: stockLevel(total, region, threshold), variants };
  });
}

export async function productStockLevel(
  loaders: StockLoaders,
  productId: string,
  region: Region,
  regions: readonly Region[],
  threshold: number,
): Promise<StockLevel> {
  const [view] = await productStocks(loaders, [productId], region, regions, threshold);
  return view!.stock;
}
