import type { ReservationRecord } from '../data-access/reservation-repository';
import type { StockLevel } from '../domain/stock-level';
import type { ProductStockView, VariantStockView } from '../use-cases/read-stock';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export type ProductModel = { id: string };
export type ProductVariantModel = { sku: string };
export type StockLevelModel = StockLevel;
export type ProductStockModel = ProductStockView;
export type VariantStockModel = VariantStockView;
export type StockReservationModel = ReservationRecord;
