import { z } from 'zod';
import { restErrorOfUserErrors } from '../rest-error';
import { defineRoute } from '../rest-route';
import { component, intParam, ORDER_FIELDS, orderSchema, pageInfoSchema, regionSchema, type Order, type UserErrors } from '../schemas';

const text = (min: number, max: number) => z.string().min(min).max(max);

const placeOrderSchema = z
  .object({
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'must be 8 to 128 letters, digits or - _ . :')
      .describe('Client-made key: the same key always gives the first outcome; use a new key for a new attempt.'),
    shippingAddress: z
      .object({
        fullName: text(1, 200),
        line1: text(1, 200),
        line2: text(0, 200).optional(),
        city: text(1, 100),
        province: text(0, 100).optional(),
        postalCode: text(2, 12),
        countryCode: z
          .string()
          .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
          .describe('ISO 3166-1 alpha-2, e.g. "DE".'),
        phone: text(0, 32).optional(),
      })
      .strict(),
    payment: z
      .object({
        cardNumber: z.string().regex(/^[0-9 -]{12,23}$/, 'must be 12 to 19 digits, optionally with spaces or dashes'),
        expiryMonth: z.number().int().min(1).max(12),
        expiryYear: z.number().int().min(2000).max(2200),
        cvc: z.string().regex(/^[0-9]{3,4}$/, 'must be 3 or 4 digits'),
      })
      .strict()
      .describe('Card details, used once and never stored (only brand and last four digits are kept).'),
    region: regionSchema.optional().describe("Region to take stock from; the session's region, else eu, by default."),
    email: z.email().max(254).optional().describe('Contact email; required for guests.'),
  })
  .strict()
  .describe("Checkout of the caller's cart.");

const placedSchema = component('PlacedOrder', z.object({ order: orderSchema }).describe('The confirmed order.'));

const orderPageSchema = component(
  'OrderPage',
  z.object({ orders: z.array(orderSchema), pageInfo: pageInfoSchema }).describe("A page of the caller's orders, newest first."),
);

interface PlaceOrderData {
  placeOrder: { order: Order | null; userErrors: UserErrors };
}

export const placeOrder = defineRoute({
  operationId: 'placeOrder',
  method: 'POST',
  path: '/api/orders',
  tag: 'orders',
  summary: "Check out the caller's cart",
  description:
    'Reserves stock, takes payment and confirms the order; safe to retry with the same idempotencyKey (GraphQL `placeOrder`). A failed checkout answers its most severe userError (402 PAYMENT_DECLINED, 409 OUT_OF_STOCK / EMPTY_CART / IN_PROGRESS / IDEMPOTENCY_KEY_REUSED, 400 CARD_INVALID…) with the FAILED order, when one was recorded, in `error.details.order`.',
  body: placeOrderSchema,
  document: `mutation RestPlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${ORDER_FIELDS} } userErrors { field message code } } }`,
  variables: ({ body }) => ({ input: body }),
  respond: (data: PlaceOrderData) => {
    const { order, userErrors } = data.placeOrder;
    if (userErrors.length > 0 || !order) {
      throw restErrorOfUserErrors(userErrors.length > 0 ? userErrors : [{ message: 'The order was not placed', code: 'UNAVAILABLE' }], { order });
    }
    return { order };
  },
  success: { status: 201, schema: placedSchema, description: 'The order is confirmed (a retry with the same key answers the same order).' },
  errors: [402, 403, 409],
});

export const listOrders = defineRoute({
  operationId: 'listOrders',
  method: 'GET',
  path: '/api/orders',
  tag: 'orders',
  summary: "The caller's orders",
  description:
    "The placed orders of the session's shopper (or guest session), newest first (GraphQL `orders`). The shopper is identified by the session only: a request without one, e.g. with just an `X-User-Email` header, is refused with 401.",
  access: 'session',
  query: z
    .object({
      first: intParam(1, 100, 'Page size, 1 to 100; 20 by default.').optional(),
      after: z.string().min(1).max(500).optional().describe('`pageInfo.endCursor` of the previous page.'),
    })
    .strict(),
  document: `query RestOrders($first: Int, $after: String) {
    orders(first: $first, after: $after) { edges { node { ${ORDER_FIELDS} } } pageInfo { hasNextPage endCursor } }
  }`,
  variables: ({ query }) => ({ first: query.first, after: query.after }),
  respond: (data: { orders: { edges: Array<{ node: Order }>; pageInfo: z.infer<typeof pageInfoSchema> } }) => ({
    orders: data.orders.edges.map((edge) => edge.node),
    pageInfo: data.orders.pageInfo,
  }),
  success: { status: 200, schema: orderPageSchema, description: 'A page of orders.' },
  errors: [403],
});
