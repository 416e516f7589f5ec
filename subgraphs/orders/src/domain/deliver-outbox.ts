import type { Logger } from '@shop/platform';
import type { ActivityPort, OutboxMessage, OutboxStore } from './ports';

export interface OutboxDeps {
  outbox: OutboxStore;
  activity: ActivityPort;
  logger: Logger;
  /** How long a claimed batch is ours before another dispatcher may retry it. */
  leaseMs: number;
}

export interface DeliveryReport {
  delivered: number;
  failed: number;
}

function byShopper(messages: OutboxMessage[]): Map<string, OutboxMessage[]> {
  const groups = new Map<string, OutboxMessage[]>();
  for (const message of messages) groups.set(message.shopper, [...(groups.get(message.shopper) ?? []), message]);
  return groups;
}

/**
 * One pass of the outbox: claims due messages, sends each shopper's purchase events to activity in
 * one call, and marks them delivered, or schedules a retry with a growing delay when activity is
 * down. Delivery is at least once; event ids are stable so activity can drop a repeat.
 */
export async function deliverOutbox(deps: OutboxDeps, options: { limit?: number } = {}): Promise<DeliveryReport> {
  const messages = await deps.outbox.claimDue(options.limit ?? 100, deps.leaseMs);
  const report: DeliveryReport = { delivered: 0, failed: 0 };
  for (const [shopper, group] of byShopper(messages)) {
    const ids = group.map((message) => message.id);
    try {
      await deps.activity.recordPurchases(shopper, group.flatMap((message) => message.events));
      await deps.outbox.markDelivered(ids);
      report.delivered += ids.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await deps.outbox.markFailed(ids, reason.slice(0, 500));
      deps.logger.warn({ err: error, outboxIds: ids, attempts: group[0]!.attempts + 1 }, 'purchase events not delivered; will retry');
      report.failed += ids.length;
    }
  }
  return report;
}
