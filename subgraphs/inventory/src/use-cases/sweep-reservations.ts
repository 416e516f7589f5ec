import type { Logger } from '@shop/platform';
import { releaseStock } from './release-stock';
import type { InventoryStore } from './store';

export interface SweepResult {
  /** Expired reservations found in the index. */
  found: number;
  /** Of those, the ones this sweep released. */
  released: number;
}

const PAGE = 100;

/**
 * Releases every reservation that expired by `now` (PENDING ones left by a crashed reserve too).
 * Safe to run from several instances at once: each release is conditional and idempotent.
 */
export async function sweepExpiredReservations(store: InventoryStore, now: number = Date.now()): Promise<SweepResult> {
  let found = 0;
  let released = 0;
  const seen = new Set<string>();
  for (;;) {
    const orderIds = (await store.reservations.expiredOrderIds(now, PAGE)).filter((orderId) => !seen.has(orderId));
    if (orderIds.length === 0) return { found, released };
    found += orderIds.length;
    for (const orderId of orderIds) {
      seen.add(orderId);
      const result = await releaseStock(store, orderId, { reason: 'EXPIRED', expiredBy: now });
      if (result.ok) released += 1;
    }
  }
}

/** Runs the sweep every `intervalMs` until stopped (skipping a tick while one still runs); failures are logged. */
export function startSweeper(store: InventoryStore, intervalMs: number, logger: Logger): { stop: () => Promise<void> } {
  let current: Promise<void> | null = null;
  const sweep = async () => {
    try {
      const result = await sweepExpiredReservations(store);
      if (result.found > 0) logger.info(result, 'released expired reservations');
    } catch (error) {
      logger.warn({ err: error }, 'reservation sweep failed');
    }
  };
  const timer = setInterval(() => {
    current ??= sweep().finally(() => {
      current = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
