import type { ActivityEventType } from './events';

/** One row of a shopper's history as stored. */
export interface HistoryEntry {
  shopper: string;
  eventId: string;
  type: ActivityEventType;
  productId: string | null;
  sku: string | null;
  source: string | null;
  query: string | null;
  quantity: number;
  at: Date;
}

/** Newest first; events of the same instant in a stable order. */
export function newestFirst<T extends HistoryEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0),
  );
}

/** The products viewed, each once at its latest view, newest first. */
export function distinctViewedProducts(entries: readonly HistoryEntry[], first: number): string[] {
  const products = new Set<string>();
  for (const entry of newestFirst(entries)) {
    if (products.size >= first) break;
    if (entry.type === 'view' && entry.productId) products.add(entry.productId);
  }
  return [...products];
}

/** How many rows to read per history partition to find `first` distinct products despite repeats. */
export function historyReadLimit(first: number): number {
  return Math.min(1000, Math.max(100, first * 10));
}

const DAY_MS = 86_400_000;

/** Seconds a history row keeps living so that it expires `retentionDays` after it happened. */
export function historyTtlSeconds(at: Date, now: Date, retentionDays: number): number {
  return Math.max(1, Math.floor((at.getTime() + retentionDays * DAY_MS - now.getTime()) / 1000));
}
