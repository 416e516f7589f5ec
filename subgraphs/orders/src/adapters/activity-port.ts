import type { Logger, ServiceClient } from '@shop/platform';
import type { ActivityPort } from '../domain/ports';

const RECORD_SHOPPER_EVENTS = /* GraphQL */ `
  mutation OrdersRecordShopperEvents($shopper: String!, $events: [ActivityEventInput!]!) {
    recordShopperEvents(shopper: $shopper, events: $events) {
      accepted
      duplicates
      rejected { index eventId code message }
    }
  }
`;

interface RecordEventsData {
  recordShopperEvents: {
    accepted: number;
    duplicates: number;
    rejected: Array<{ index: number; eventId: string | null; code: string; message: string }>;
  };
}

export const MAX_EVENTS_PER_CALL = 100;

/**
 * Purchase events to activity (service identity). Activity drops repeats by event id, so the
 * outbox may deliver twice. A rejected event would be rejected again: it is logged, not retried.
 */
export function createActivityPort(client: ServiceClient, logger: Logger): ActivityPort {
  return {
    async recordPurchases(shopper, events) {
      // Activity takes at most MAX_EVENTS_PER_CALL events a call; more would be rejected, not retried.
      for (let start = 0; start < events.length; start += MAX_EVENTS_PER_CALL) {
        const data = await client.request<RecordEventsData>(RECORD_SHOPPER_EVENTS, {
          shopper,
          events: events
            .slice(start, start + MAX_EVENTS_PER_CALL)
            .map(({ id, type, productId, sku, quantity, at }) => ({ id, type, productId, sku, quantity, at })),
        });
        const { rejected } = data.recordShopperEvents;
        if (rejected.length > 0) logger.warn({ shopper, rejected }, 'activity rejected purchase events');
      }
    },
  };
}
