import type { ProductRecord, VariantRecord } from '../data-access/product-repository';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export type ProductModel = ProductRecord;
export type ProductVariantModel = VariantRecord & { productId: string; currencyCode: string };
