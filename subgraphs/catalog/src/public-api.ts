/** What other workspaces may use from the catalog subgraph. */
export { createCatalogServer, typeDefs, type CatalogDeps } from './server';
export { connectMongo } from './data-access/mongo';
export { createProductRepository, type ProductRepository } from './data-access/product-repository';
export { createRepositories, ensureIndexes, type CatalogRepositories, type ProductUpsert } from './services/repositories';
export type { ProductRecord, VariantRecord, ProductAttribute, ProductImage, VariantOption } from './domain/product';
export { generateCatalog, generateProduct, type GenerateCatalogOptions, type GeneratedCatalog } from './seed/generate-catalog';
export { importFashionCatalog } from './seed/import-fashion-catalog';
export { isCatalogEmpty, seedCatalog, type SeedCatalogOptions } from './seed/seed-catalog';
export type { SeedProduct, SeededVariant } from './seed/seed-product';
export { startCatalog } from './start';
export { loadCatalogConfig, type CatalogConfig } from './config';
