import type DataLoader from 'dataloader';
import { keyedLoader, type BaseContext } from '@shop/platform';
import type { ProductRecord, ProductRepository } from './data-access/product-repository';

export interface CatalogRepositories {
  products: ProductRepository;
}

export interface CatalogLoaders {
  productById: DataLoader<string, ProductRecord | null>;
  productBySku: DataLoader<string, ProductRecord | null>;
}

export interface Context extends BaseContext {
  repositories: CatalogRepositories;
  loaders: CatalogLoaders;
}

export function createLoaders(repositories: CatalogRepositories): CatalogLoaders {
  return {
    productById: keyedLoader((ids) => repositories.products.findByIds(ids), (product) => [product.id]),
    productBySku: keyedLoader(
      (skus) => repositories.products.findBySkus(skus),
      (product) => product.variants.map((variant) => variant.sku),
    ),
  };
}
