import { toMoney, type Money } from '@shop/platform';
import type { CartLineRecord, VariantPrice } from './cart';

export const lineTotal = (quantity: number, variant: VariantPrice): Money =>
  toMoney(variant.priceMinor * quantity, variant.currencyCode);

/**
 * Sum of the lines at current prices; lines the catalog no longer sells count for nothing.
 * Null when nothing is priced, or when prices come in more than one currency (no exchange here).
 */
export function subtotal(lines: readonly CartLineRecord[], variants: ReadonlyMap<string, VariantPrice | null>): Money | null {
  let sum = 0;
  let currency: string | null = null;
  for (const line of lines) {
    const variant = variants.get(line.sku);
    if (!variant) continue;
    if (currency !== null && currency !== variant.currencyCode) return null;
    currency = variant.currencyCode;
    sum += variant.priceMinor * line.quantity;
  }
  return currency === null ? null : toMoney(sum, currency);
}
