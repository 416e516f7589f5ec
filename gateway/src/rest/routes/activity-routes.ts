import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { restErrorOfUserErrors, type UserErrorLike } from '../rest-error';
import { defineRoute } from '../rest-route';
import { component, idSchema } from '../schemas';

const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const SOURCE = /^[a-z][a-z0-9_-]{0,31}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const eventFields = {
  eventId: z.uuid().optional().describe('Client-made UUID; sending the same event again never counts it twice. Made by the gateway when absent.'),
  productId: z.string().regex(ENTITY_ID, 'must be 1 to 64 letters, digits or . _ : -').describe('The product concerned.'),
  sku: idSchema.optional().describe('The variant concerned, when known.'),
  categoryIds: z
    .array(z.string().regex(ENTITY_ID, 'must be 1 to 64 letters, digits or . _ : -'))
    .max(5)
    .optional()
    .describe("The product's category and its ancestors (at most 5), so that trending can be filtered by category."),
  at: z
    .string()
    .regex(ISO_TIMESTAMP, 'must be ISO 8601 with a time zone')
    .optional()
    .describe('When it happened (ISO 8601 with a zone); now when absent.'),
};

const recordedSchema = component(
  'RecordedEvent',
  z
    .object({
      eventId: z.string().describe('The event id, to resend the same event safely.'),
      duplicate: z.boolean().describe('Whether the event had been recorded before (a retry), and so was not counted again.'),
    })
    .describe('The event was recorded.'),
);

interface RecordEventsData {
  recordEvents: { accepted: number; duplicates: number; userErrors: UserErrorLike[] };
}

const RECORD_EVENTS = `mutation RestRecordEvent($events: [ActivityEventInput!]!) {
  recordEvents(events: $events) { accepted duplicates userErrors { field message code } }
}`;

interface EventBody {
  eventId: string;
  productId: string;
  sku?: string;
  categoryIds?: string[];
  at?: string;
  source?: string;
}

/** The event id is the client's, else one made here, so the response can name it. */
const withEventId = <T extends { eventId?: string }>(body: T) => ({ ...body, eventId: body.eventId ?? randomUUID() });

/** Both event routes record one event of the caller's guest session or shopper with `recordEvents`. */
function eventRoute<B extends z.ZodType<EventBody>>(spec: {
  operationId: string;
  path: string;
  type: 'view' | 'click';
  summary: string;
  description: string;
  body: B;
}) {
  return defineRoute({
    operationId: spec.operationId,
    method: 'POST',
    path: spec.path,
    tag: 'activity',
    summary: spec.summary,
    description: spec.description,
    body: spec.body,
    document: RECORD_EVENTS,
    variables: ({ body }) => {
      const { eventId, ...fields } = body;
      return { events: [{ id: eventId, type: spec.type, ...fields }] };
    },
    respond: (data: RecordEventsData, { body }) => {
      const result = data.recordEvents;
      if (result.accepted === 0) {
        throw restErrorOfUserErrors(
          result.userErrors.length > 0 ? result.userErrors : [{ message: 'The event was not recorded', code: 'BAD_USER_INPUT' }],
        );
      }
      return { eventId: body.eventId, duplicate: result.duplicates > 0 };
    },
    success: { status: 201, schema: recordedSchema, description: 'The event was recorded (or had been, for a retry).' },
  });
}

export const recordView = eventRoute({
  operationId: 'recordViewEvent',
  path: '/api/view-event',
  type: 'view',
  summary: 'Record a product view',
  description:
    'Records that the caller (guest session or shopper) viewed a product; feeds trending, view counts and recommendations (GraphQL `recordEvents`).',
  body: z.object(eventFields).strict().describe('A product view.').transform(withEventId),
});

export const recordClick = eventRoute({
  operationId: 'recordClickEvent',
  path: '/api/click',
  type: 'click',
  summary: 'Record a click on a product',
  description: 'Records that the caller clicked a product somewhere (home, sidebar, similar, search, category…) (GraphQL `recordEvents`).',
  body: z
    .object({
      ...eventFields,
      source: z
        .string()
        .regex(SOURCE, 'must be 1 to 32 lower-case letters, digits, _ or -')
        .describe('Where the click happened, e.g. home, similar, search.'),
    })
    .strict()
    .describe('A click on a product.')
    .transform(withEventId),
});
