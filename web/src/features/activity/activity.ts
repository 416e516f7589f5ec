import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { ActivityEventInput } from '../../gql/graphql';
import { newId } from '../../lib/ids';

const RecordEvents = graphql(`
  mutation RecordEvents($events: [ActivityEventInput!]!) {
    recordEvents(events: $events) {
      accepted
      rejected {
        index
        code
        message
      }
    }
  }
`);

export type ShopperEvent =
  | { type: 'view'; productId: string; categoryIds?: string[] }
  | { type: 'click'; productId: string; source: string; categoryIds?: string[] }
  | { type: 'add_to_cart'; productId: string; sku: string; quantity: number; categoryIds?: string[] }
  | { type: 'search'; query: string };

const FLUSH_DELAY_MS = 1_000;
const MAX_BATCH = 50;

/**
 * Batches what the shopper does into `recordEvents` calls: one request a second at most, and
 * whatever is left when the page is hidden goes with `keepalive` so it survives navigation away.
 * Each event has its own id, so a retried batch is never counted twice.
 */
export class ActivityRecorder {
  private queue: ActivityEventInput[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: ApolloClient) {
    window.addEventListener('pagehide', () => this.flush(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush(true);
    });
  }

  record(event: ShopperEvent): void {
    // No `at`: batches leave within a second, and the server's clock is the one trending trusts.
    this.queue.push({ id: newId(), ...event });
    if (this.queue.length >= MAX_BATCH) this.flush(false);
    else this.timer ??= setTimeout(() => this.flush(false), FLUSH_DELAY_MS);
  }

  flush(leavingPage: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const events = this.queue.splice(0, MAX_BATCH);
    this.client
      .mutate({
        mutation: RecordEvents,
        variables: { events },
        context: leavingPage ? { fetchOptions: { keepalive: true } } : undefined,
      })
      .catch(() => {
        // Activity is best effort: a lost batch only makes trending a little less fresh.
      });
    if (this.queue.length > 0) this.flush(leavingPage);
  }
}
