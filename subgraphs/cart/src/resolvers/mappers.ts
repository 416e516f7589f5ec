import type { Region, UserError } from '@shop/platform';
import type { CartLineRecord, CartRecord } from '../domain/cart';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export interface ProductModel {
  id: string;
}

export interface ProductVariantModel {
  sku: string;
}

/** A cart as read: its owner, the region it is checked against, and what is stored (null: none). */
export interface CartModel {
  owner: string;
  region: Region;
  record: CartRecord | null;
}

export type CartLineModel = CartLineRecord & { region: Region };

export interface CartPayloadModel {
  cart: CartModel;
  userErrors: UserError[];
}
