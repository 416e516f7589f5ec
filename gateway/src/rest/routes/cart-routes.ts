import { z } from 'zod';
import { restErrorOfUserErrors } from '../rest-error';
import { defineRoute } from '../rest-route';
import { CART_FIELDS, cartSchema, component, idSchema, regionSchema, type Cart, type UserErrors } from '../schemas';

const cartResponseSchema = component(
  'CartResponse',
  z.object({ cart: cartSchema }).describe("The caller's cart; its `warnings` say what changed since lines were added."),
);

const regionQuery = z
  .object({ region: regionSchema.optional().describe("Region whose stock the lines are checked against; the caller's region, else eu, by default.") })
  .strict();

interface CartPayload {
  cart: Cart;
  userErrors: UserErrors;
}

/** A cart mutation answers the cart, or the most severe of its userErrors (the cart, unchanged, in details). */
function cartOrRefusal(payload: CartPayload) {
  if (payload.userErrors.length > 0) throw restErrorOfUserErrors(payload.userErrors, { cart: payload.cart });
  return { cart: payload.cart };
}

export const getCart = defineRoute({
  operationId: 'getCart',
  method: 'GET',
  path: '/api/cart',
  tag: 'cart',
  summary: "The caller's cart",
  description:
    "The cart of the caller's guest session or signed-in shopper, priced at current prices; empty when there is none (GraphQL `cart`). A first request without a session starts a guest session (cookie and `x-guest-token` header).",
  query: regionQuery,
  document: `query RestCart($region: String) { cart(region: $region) { ${CART_FIELDS} } }`,
  variables: ({ query }) => ({ region: query.region }),
  respond: (data: { cart: Cart }) => ({ cart: data.cart }),
  success: { status: 200, schema: cartResponseSchema, description: 'The cart.' },
});

export const addToCart = defineRoute({
  operationId: 'addToCart',
  method: 'POST',
  path: '/api/cart/add',
  tag: 'cart',
  summary: 'Add units of a SKU to the cart',
  description:
    "Adds units to the caller's cart, never more than the stock of the region (GraphQL `addToCart`). Refusals: 404 NOT_FOUND (unknown SKU), 409 OUT_OF_STOCK, 400 LIMIT_EXCEEDED (more than 99 units or 50 lines); the unchanged cart is in `error.details.cart`.",
  body: z
    .object({
      sku: idSchema.describe('SKU of the variant.'),
      quantity: z.number().int().min(1).max(99).default(1).describe('Units to add, 1 to 99; 1 by default.'),
      region: regionSchema.optional(),
    })
    .strict()
    .describe('What to add.'),
  document: `mutation RestAddToCart($sku: ID!, $quantity: Int!, $region: String) {
    addToCart(sku: $sku, quantity: $quantity, region: $region) { cart { ${CART_FIELDS} } userErrors { field message code } }
  }`,
  variables: ({ body }) => ({ sku: body.sku, quantity: body.quantity, region: body.region }),
  respond: (data: { addToCart: CartPayload }) => cartOrRefusal(data.addToCart),
  success: { status: 200, schema: cartResponseSchema, description: 'The cart with the units added.' },
  errors: [404, 409],
});

export const clearCart = defineRoute({
  operationId: 'clearCart',
  method: 'DELETE',
  path: '/api/cart',
  tag: 'cart',
  summary: 'Empty the cart',
  description: "Removes every line of the caller's cart (GraphQL `clearCart`).",
  query: regionQuery,
  document: `mutation RestClearCart($region: String) { clearCart(region: $region) { cart { ${CART_FIELDS} } userErrors { field message code } } }`,
  variables: ({ query }) => ({ region: query.region }),
  respond: (data: { clearCart: CartPayload }) => cartOrRefusal(data.clearCart),
  success: { status: 200, schema: cartResponseSchema, description: 'The emptied cart.' },
});
