import type { CategoryNode } from '../domain/category-tree';
import type { ListingIndex } from '../domain/listing/listing-index';
import type { ProductRecord, VariantRecord } from '../domain/product';
import type { ListingResult } from '../services/product-listing';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export type ProductModel = ProductRecord;
export type ProductVariantModel = VariantRecord & { product: ProductRecord };
/** A category node together with the read model (tree) it belongs to. */
export interface CategoryModel {
  node: CategoryNode;
  index: ListingIndex;
}
export interface ProductConnectionModel {
  result: ListingResult;
  index: ListingIndex;
}
