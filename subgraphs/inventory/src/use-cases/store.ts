import { userError, type UserError } from '@shop/platform';
import type { Lru } from '../caching/lru';
import type { ReadCache } from '../caching/read-cache';
import type { ReservationRepository } from '../data-access/reservation-repository';
import type { StockItem, StockItemReader } from '../data-access/stock-item-reader';
import type { StockRepository } from '../data-access/stock-repository';

export interface InventorySettings {
  lowStockThreshold: number;
  reservationTtlMs: number;
  /** Items one TransactWriteItems may hold on this DynamoDB. */
  maxTransactionItems: number;
}

/** Where stock pages read from (never reservations, admin changes or anything checkout decides on). */
export interface StockReadSources {
  reader: StockItemReader;
  /** Per-process cache of shopper-facing reads (stock items and product maps); null when turned off. */
  cache: ReadCache<StockItem | null> | null;
  /** The SKU list last seen per product: lets a read ask for the map and the stock at once; checked against the map every time. */
  skuHints: Lru<string, readonly string[]>;
}

/** What the use cases work with: the repositories, the read sources and the settings. */
export interface InventoryStore {
  stock: StockRepository;
  reservations: ReservationRepository;
  reads: StockReadSources;
  settings: InventorySettings;
}

export interface OperationResult {
  ok: boolean;
  userErrors: UserError[];
}

export const succeeded = (): OperationResult => ({ ok: true, userErrors: [] });
export const failed = (...userErrors: UserError[]): OperationResult => ({ ok: false, userErrors });

/** Retries of a write that lost a race (TransactionConflict on DynamoDB) before answering BUSY. */
export const MAX_WRITE_ATTEMPTS = 6;

export const busy = () => userError('BUSY', 'Stock is changing under heavy contention; try again');

export const hasConflict = (reasons: string[]) => reasons.includes('TransactionConflict');
