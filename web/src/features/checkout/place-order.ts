import { graphql } from '../../gql';
import type { PlaceOrderMutation } from '../../gql/graphql';

export const PlaceOrder = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
        failureCode
        failureReason
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

export type CheckoutOutcome =
  | { kind: 'confirmed'; orderId: string }
  | { kind: 'processing'; orderId: string }
  /** The same attempt is still running on the server: retry later with the same key. */
  | { kind: 'in-progress'; message: string }
  | { kind: 'declined'; message: string }
  | { kind: 'out-of-stock'; message: string }
  | { kind: 'invalid'; message: string; fields: Record<string, string> }
  | { kind: 'failed'; message: string };

const fieldKey = (path: ReadonlyArray<string> | null | undefined) => (path ?? []).filter((part) => part !== 'input').join('.');

/** What the shopper should see after placeOrder answered. */
export function outcomeOf(payload: PlaceOrderMutation['placeOrder']): CheckoutOutcome {
  const { order, userErrors } = payload;
  const codes = new Set([order?.failureCode, ...userErrors.map((error) => error.code)].filter(Boolean));
  if (order?.status === 'CONFIRMED' || order?.status === 'SHIPPED' || order?.status === 'DELIVERED') return { kind: 'confirmed', orderId: order.id };
  if (order?.status === 'PENDING' && (userErrors.length === 0 || codes.has('IN_PROGRESS'))) return { kind: 'processing', orderId: order.id };
  if (codes.has('IN_PROGRESS')) {
    return { kind: 'in-progress', message: 'Your order is still being processed. Wait a moment and press “Try again”: you will not be charged twice.' };
  }
  if (codes.has('PAYMENT_DECLINED')) {
    return { kind: 'declined', message: 'Your card was declined by the bank. Nothing was charged and your cart is unchanged; please try another card.' };
  }
  if (codes.has('OUT_OF_STOCK') || codes.has('INSUFFICIENT_STOCK')) {
    const detail = userErrors.find((error) => error.code === 'OUT_OF_STOCK')?.message ?? order?.failureReason;
    return { kind: 'out-of-stock', message: `Some items sold out while you were checking out${detail ? `: ${detail}` : '.'} Nothing was charged. Please review your cart.` };
  }
  if (codes.has('PRODUCT_UNAVAILABLE')) {
    const detail = userErrors.find((error) => error.code === 'PRODUCT_UNAVAILABLE')?.message ?? order?.failureReason;
    return { kind: 'out-of-stock', message: `An item in your cart is no longer sold${detail ? ` (${detail})` : ''}. Nothing was charged. Please review your cart.` };
  }
  if (codes.has('EMPTY_CART') || codes.has('CART_EMPTY')) return { kind: 'failed', message: 'Your cart is empty.' };
  const fields: Record<string, string> = {};
  for (const error of userErrors) if (error.field && error.field.length > 1) fields[fieldKey(error.field)] = error.message;
  if (Object.keys(fields).length > 0) return { kind: 'invalid', message: 'Please check the highlighted fields.', fields };
  return { kind: 'failed', message: userErrors[0]?.message ?? order?.failureReason ?? 'The order could not be placed. Nothing was charged.' };
}
