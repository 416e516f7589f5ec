import type DataLoader from 'dataloader';
import type { Region } from '@shop/platform';
import type { ProductSkus, SkuStock } from '../data-access/stock-repository';
import { stockLevel, sumRegions, type StockLevel } from '../domain/stock-level';

/** Per-request loaders: every product and SKU asked in one tick is read in one batch. */
export interface StockLoaders {
  skusByProduct: DataLoader<string, ProductSkus | null>;
  stockBySku: DataLoader<string, SkuStock | null>;
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

async function loadAll<K, V>(loader: DataLoader<K, V | null>, keys: readonly K[]): Promise<Array<V | null>> {
  const results = await loader.loadMany(keys);
  return results.map((result) => {
    if (result instanceof Error) throw result;
    return result;
  });
}

export async function variantStockLevel(loaders: StockLoaders, sku: string, region: Region, threshold: number): Promise<StockLevel> {
  const stock = await loaders.stockBySku.load(sku);
  return stockLevel(stock?.available ?? {}, region, threshold);
}

/** Stock of products (zero for a product inventory does not know), in the order asked. */
export async function productStocks(
  loaders: StockLoaders,
  productIds: readonly string[],
  region: Region,
  threshold: number,
): Promise<ProductStockView[]> {
  const mappings = await loadAll(loaders.skusByProduct, productIds);
  const skus = [...new Set(mappings.flatMap((mapping) => mapping?.skus ?? []))];
  const stocks = await loadAll(loaders.stockBySku, skus);
  const bySku = new Map(skus.map((sku, i) => [sku, stocks[i]?.available ?? {}]));
  return productIds.map((productId, i) => {
    const variants = (mappings[i]?.skus ?? []).map((sku) => ({ sku, stock: stockLevel(bySku.get(sku) ?? {}, region, threshold) }));
    const total = sumRegions(variants.map((variant) => bySku.get(variant.sku) ?? {}));
    return { productId, stock: stockLevel(total, region, threshold), variants };
  });
}

export async function productStockLevel(loaders: StockLoaders, productId: string, region: Region, threshold: number): Promise<StockLevel> {
  const [view] = await productStocks(loaders, [productId], region, threshold);
  return view!.stock;
}
