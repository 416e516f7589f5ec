import { counterIncrements, type CountedEvent } from '../domain/counters';
import {
  distinctById,
  PRODUCT_EVENT_TYPES,
  validateEvents,
  type ActivityEvent,
  type ActivityEventInputLike,
  type EventRejection,
} from '../domain/events';
import { historyTtlSeconds } from '../domain/history';
import { dedupeTtlSeconds } from '../domain/settings';
import type { CategoryRepository } from '../data-access/category-repository';
import type { ActivityDeps } from './deps';

export interface RecordEventsResult {
  accepted: number;
  duplicates: number;
  rejected: EventRejection[];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Categories each product event counts under: those the event carries (remembered for later),
 * else those last seen with the product. One read for the whole batch.
 */
async function categoriesOf(categories: CategoryRepository, events: readonly ActivityEvent[]): Promise<Map<string, string[]>> {
  const productEvents = events.filter((event) => event.productId && PRODUCT_EVENT_TYPES.has(event.type));
  const known = await categories.find(productEvents.map((event) => event.productId!));
  const changed = new Map<string, string[]>();
  for (const event of productEvents) {
    if (event.categoryIds.length === 0) continue;
    if (!sameList(known.get(event.productId!) ?? [], event.categoryIds)) changed.set(event.productId!, event.categoryIds);
    known.set(event.productId!, event.categoryIds);
  }
  if (changed.size > 0) await categories.save(changed);
  return known;
}

/**
 * Records a batch for one shopper: check each event → claim each event id once → write history
 * (rows keyed by shopper, time and id, so rewriting an event lands on the same row) → count only
 * the events this call claimed. A retried batch rewrites the same history rows, at the time first
 * recorded, and counts nothing again. A crash between the claim and the writes is repaired for
 * history by the retry; counters stay at most once rather than ever counting twice.
 */
export async function recordEvents(
  deps: ActivityDeps,
  shopper: string,
  inputs: readonly ActivityEventInputLike[],
  options: { allowPurchase: boolean },
): Promise<RecordEventsResult> {
  const now = deps.now();
  const { settings, repositories } = deps;
  const { events, rejected } = validateEvents(inputs, {
    now,
    maxEventAgeMs: settings.maxEventAgeHours * 3_600_000,
    allowPurchase: options.allowPurchase,
  });
  const { unique, repeated } = distinctById(events);
  if (unique.length === 0) return { accepted: events.length, duplicates: repeated, rejected };

  const claims = await repositories.events.claimEventIds(
    unique.map((event) => ({ eventId: event.id, shopper, at: event.at })),
    dedupeTtlSeconds(settings),
  );
  const recorded = unique.map((event) => ({ ...event, at: claims.get(event.id)?.at ?? event.at }));
  const fresh = recorded.filter((event) => claims.get(event.id)?.claimed);

  await Promise.all([
    repositories.events.appendHistory(
      recorded.map((event) => ({
        shopper,
        eventId: event.id,
        type: event.type,
        productId: event.productId,
        sku: event.sku,
        source: event.source,
        query: event.query,
        quantity: event.quantity,
        at: event.at,
        ttlSeconds: historyTtlSeconds(event.at, now, settings.retentionDays),
      })),
    ),
    count(repositories, fresh),
  ]);
  return { accepted: events.length, duplicates: repeated + unique.length - fresh.length, rejected };
}

async function count(repositories: ActivityDeps['repositories'], fresh: readonly ActivityEvent[]): Promise<void> {
  if (fresh.length === 0) return;
  const categories = await categoriesOf(repositories.categories, fresh);
  const counted: CountedEvent[] = fresh.map((event) => ({
    event,
    categoryIds: (event.productId && categories.get(event.productId)) || [],
  }));
  const { buckets, totals } = counterIncrements(counted);
  await repositories.counters.increment(buckets, totals);
}
