export const EVENT_TYPES = ['view', 'click', 'add_to_cart', 'search', 'purchase'] as const;
export type ActivityEventType = (typeof EVENT_TYPES)[number];

/** Types that are about one product and feed trending and counts. */
export const PRODUCT_EVENT_TYPES: ReadonlySet<ActivityEventType> = new Set(['view', 'click', 'add_to_cart', 'purchase']);

export const MAX_EVENTS_PER_CALL = 100;
export const MAX_QUERY_LENGTH = 256;
export const MAX_CATEGORY_IDS = 5;
export const MAX_QUANTITY = 1000;
/** Clock skew tolerated on client timestamps. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** What a client sends (the GraphQL input, before any check). */
export interface ActivityEventInputLike {
  id: string;
  type: string;
  productId?: string | null;
  sku?: string | null;
  source?: string | null;
  query?: string | null;
  categoryIds?: readonly string[] | null;
  quantity?: number | null;
  at?: string | null;
}

/** An event that passed every check. */
export interface ActivityEvent {
  id: string;
  type: ActivityEventType;
  productId: string | null;
  sku: string | null;
  source: string | null;
  query: string | null;
  categoryIds: string[];
  quantity: number;
  at: Date;
}

export type RejectionCode =
  | 'LIMIT_EXCEEDED'
  | 'INVALID_ID'
  | 'UNKNOWN_TYPE'
  | 'FORBIDDEN'
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  | 'TOO_LONG'
  | 'INVALID_TIMESTAMP'
  | 'TIMESTAMP_IN_FUTURE'
  | 'TIMESTAMP_TOO_OLD';

export interface EventRejection {
  index: number;
  eventId: string | null;
  code: RejectionCode;
  message: string;
  field: string | null;
}

export interface ValidationPolicy {
  now: Date;
  maxEventAgeMs: number;
  /** Purchases may only come from a service (the orders outbox). */
  allowPurchase: boolean;
}

export interface ValidatedBatch {
  events: ActivityEvent[];
  rejected: EventRejection[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const SOURCE = /^[a-z][a-z0-9_-]{0,31}$/;
// A date, a time and an explicit zone: "2025-01-31T12:00:00Z" or "...+05:30".
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

class Rejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

const reject = (code: RejectionCode, message: string, field: string | null = null): never => {
  throw new Rejected(code, message, field);
};

function entityId(value: string | null | undefined, field: string, required: boolean): string | null {
  if (value === null || value === undefined) {
    return required ? reject('MISSING_FIELD', `${field} is required for this event type`, field) : null;
  }
  if (!ENTITY_ID.test(value)) {
    reject('INVALID_FIELD', `${field} must be 1 to 64 letters, digits or . _ : - characters`, field);
  }
  return value;
}

function timestamp(value: string | null | undefined, policy: ValidationPolicy): Date {
  if (value === null || value === undefined) return policy.now;
  if (value.length > 40 || !ISO_TIMESTAMP.test(value)) {
    reject('INVALID_TIMESTAMP', 'at must be an ISO 8601 timestamp with a time zone, e.g. 2025-01-31T12:00:00Z', 'at');
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) reject('INVALID_TIMESTAMP', 'at is not a real date', 'at');
  if (at.getTime() > policy.now.getTime() + MAX_FUTURE_SKEW_MS) {
    reject('TIMESTAMP_IN_FUTURE', 'at is in the future', 'at');
  }
  if (at.getTime() < policy.now.getTime() - policy.maxEventAgeMs) {
    reject('TIMESTAMP_TOO_OLD', `at is more than ${Math.round(policy.maxEventAgeMs / 3_600_000)} hours ago`, 'at');
  }
  return at;
}

function eventType(value: string, policy: ValidationPolicy): ActivityEventType {
  const type = EVENT_TYPES.find((candidate) => candidate === value);
  if (!type) return reject('UNKNOWN_TYPE', `type must be one of ${EVENT_TYPES.join(', ')}`, 'type');
  if (type === 'purchase' && !policy.allowPurchase) {
    reject('FORBIDDEN', 'purchase events are recorded by the orders service only', 'type');
  }
  return type;
}

function searchQuery(value: string | null | undefined, type: ActivityEventType): string | null {
  if (value === null || value === undefined) {
    return type === 'search' ? reject('MISSING_FIELD', 'query is required for search events', 'query') : null;
  }
  if (value.length > MAX_QUERY_LENGTH) reject('TOO_LONG', `query is longer than ${MAX_QUERY_LENGTH} characters`, 'query');
  const trimmed = value.trim();
  if (trimmed.length === 0) reject('INVALID_FIELD', 'query is empty', 'query');
  return trimmed;
}

function categoryIds(values: readonly string[] | null | undefined): string[] {
  if (!values) return [];
  if (values.length > MAX_CATEGORY_IDS) reject('TOO_LONG', `at most ${MAX_CATEGORY_IDS} categoryIds`, 'categoryIds');
  for (const value of values) entityId(value, 'categoryIds', true);
  return [...new Set(values)];
}

function quantity(value: number | null | undefined): number {
  if (value === null || value === undefined) return 1;
  if (!Number.isInteger(value) || value < 1 || value > MAX_QUANTITY) {
    reject('INVALID_FIELD', `quantity must be a whole number from 1 to ${MAX_QUANTITY}`, 'quantity');
  }
  return value;
}

function validateOne(input: ActivityEventInputLike, policy: ValidationPolicy): ActivityEvent {
  if (!UUID.test(input.id)) reject('INVALID_ID', 'id must be a UUID made by the client', 'id');
  const type = eventType(input.type, policy);
  const source = input.source ?? null;
  if (source === null && type === 'click') reject('MISSING_FIELD', 'source is required for click events', 'source');
  if (source !== null && !SOURCE.test(source)) {
    reject('INVALID_FIELD', 'source must be a short lowercase name such as home, sidebar or similar', 'source');
  }
  return {
    id: input.id.toLowerCase(),
    type,
    productId: entityId(input.productId, 'productId', PRODUCT_EVENT_TYPES.has(type)),
    sku: entityId(input.sku, 'sku', false),
    source,
    query: searchQuery(input.query, type),
    categoryIds: categoryIds(input.categoryIds),
    quantity: quantity(input.quantity),
    at: timestamp(input.at, policy),
  };
}

/** Checks every event on its own: the good ones are kept, each bad one gets a reason. */
export function validateEvents(inputs: readonly ActivityEventInputLike[], policy: ValidationPolicy): ValidatedBatch {
  const events: ActivityEvent[] = [];
  const rejected: EventRejection[] = [];
  inputs.forEach((input, index) => {
    const eventId = typeof input.id === 'string' && input.id.length > 0 ? input.id.slice(0, 64) : null;
    if (index >= MAX_EVENTS_PER_CALL) {
      rejected.push({
        index,
        eventId,
        code: 'LIMIT_EXCEEDED',
        message: `at most ${MAX_EVENTS_PER_CALL} events a call; send this one in the next batch`,
        field: null,
      });
      return;
    }
    try {
      events.push(validateOne(input, policy));
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      rejected.push({ index, eventId, code: error.code, message: error.message, field: error.field });
    }
  });
  return { events, rejected };
}

/** Keeps the first of events sharing an id; the others are duplicates of it. */
export function distinctById(events: readonly ActivityEvent[]): { unique: ActivityEvent[]; repeated: number } {
  const seen = new Set<string>();
  const unique = events.filter((event) => !seen.has(event.id) && seen.add(event.id));
  return { unique, repeated: events.length - unique.length };
}
