import type { HistoryEntry } from '../domain/history';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export type ProductModel = { id: string };
export type UserModel = { id: string };
export type ShopperActivityModel = HistoryEntry;
