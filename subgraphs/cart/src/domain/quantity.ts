import { userError, type UserError } from '@shop/platform';
import type { CartLimits } from './cart';

/** A quantity the shopper may ask for: a whole number of units from 1 to the line limit. */
export function quantityError(quantity: number, limits: CartLimits): UserError | null {
  if (!Number.isInteger(quantity) || quantity < 1) {
    return userError('BAD_USER_INPUT', 'Quantity must be a whole number of at least 1', ['quantity']);
  }
  if (quantity > limits.maxLineQuantity) {
    return userError('LIMIT_EXCEEDED', `At most ${limits.maxLineQuantity} units of a SKU fit in a cart`, ['quantity']);
  }
  return null;
}

/** As inventory accepts them: 1 to 256 letters, digits or `_ . : @ / -`. */
const SKU_PATTERN = /^[\p{L}\p{N}_.:@/-]{1,256}$/u;

export function skuError(sku: string): UserError | null {
  return SKU_PATTERN.test(sku) ? null : userError('BAD_USER_INPUT', 'Not a SKU', ['sku']);
}
