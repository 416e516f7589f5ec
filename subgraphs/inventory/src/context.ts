import { keyedLoader, type BaseContext } from '@shop/platform';
import type { StockRepository } from './data-access/stock-repository';
import type { StockLoaders } from './use-cases/read-stock';
import type { InventoryStore } from './use-cases/store';

export interface Context extends BaseContext {
  store: InventoryStore;
  loaders: StockLoaders;
}

export function createLoaders(stock: StockRepository): StockLoaders {
  return {
    skusByProduct: keyedLoader((productIds) => stock.skusOfProducts(productIds), (mapping) => [mapping.productId]),
    stockBySku: keyedLoader((skus) => stock.stockOfSkus(skus), (entry) => [entry.sku]),
  };
}
