import type { Address, OrderLineRecord, OrderRecord, PaymentSummary, Totals } from '../domain/order';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export type OrderModel = OrderRecord;
export type OrderLineModel = OrderLineRecord & { currencyCode: string };
export type OrderTotalsModel = Totals & { currencyCode: string };
export type OrderAddressModel = Address;
export type OrderPaymentModel = PaymentSummary;
export type UserModel = { id: string };
export type ProductModel = { id: string };
export type ProductVariantModel = { sku: string };
export interface OrderEdgeModel {
  cursor: string;
  node: OrderRecord;
}
export interface OrderConnectionModel {
  edges: OrderEdgeModel[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
