import { toMoney } from '@shop/platform';
import type { CartLineRecord, VariantPrice } from './cart';

export type CartWarningCode = 'PRICE_CHANGED' | 'STOCK_REDUCED' | 'OUT_OF_STOCK' | 'NO_LONGER_SOLD';

export interface CartWarning {
  code: CartWarningCode;
  message: string;
  sku: string;
}

const show = (minor: number, currencyCode: string) => {
  const money = toMoney(minor, currencyCode);
  return `${money.amount} ${money.currencyCode}`;
};

/**
 * What changed since each line was added: the SKU left the catalog, its price moved, or the
 * region no longer has as many units as the line holds. Stock is optional: without it only
 * catalog warnings are given.
 */
export function cartWarnings(
  lines: readonly CartLineRecord[],
  variants: ReadonlyMap<string, VariantPrice | null>,
  available?: ReadonlyMap<string, number>,
): CartWarning[] {
  const warnings: CartWarning[] = [];
  for (const line of lines) {
    const variant = variants.get(line.sku);
    if (!variant) {
      warnings.push({ code: 'NO_LONGER_SOLD', sku: line.sku, message: `${line.sku} is no longer sold; remove it from the cart` });
      continue;
    }
    if (variant.priceMinor !== line.addedPriceMinor || variant.currencyCode !== line.currencyCode) {
      warnings.push({
        code: 'PRICE_CHANGED',
        sku: line.sku,
        message: `The price of ${line.sku} changed from ${show(line.addedPriceMinor, line.currencyCode)} to ${show(variant.priceMinor, variant.currencyCode)}`,
      });
    }
    const units = available?.get(line.sku);
    if (units === undefined) continue;
    if (units <= 0) {
      warnings.push({ code: 'OUT_OF_STOCK', sku: line.sku, message: `${line.sku} is out of stock` });
    } else if (units < line.quantity) {
      warnings.push({
        code: 'STOCK_REDUCED',
        sku: line.sku,
        message: `Only ${units} of ${line.sku} left (was ${line.stockSeen} when added); the cart holds ${line.quantity}`,
      });
    }
  }
  return warnings;
}
