import { userError, type UserError } from '@shop/platform';
import type { ReservationRepository } from '../data-access/reservation-repository';
import type { StockRepository } from '../data-access/stock-repository';

export interface InventorySettings {
  lowStockThreshold: number;
  reservationTtlMs: number;
  /** Items one TransactWriteItems may hold on this DynamoDB. */
  maxTransactionItems: number;
}

/** What the use cases work with: the repositories and the settings. */
export interface InventoryStore {
  stock: StockRepository;
  reservations: ReservationRepository;
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
