import type { Region } from '@shop/platform';
import type { PricedCart, PricedLine, Totals } from './order';

/**
 * Simple configurable rules. Amounts are minor units of the order's currency; the tax rate is
 * in basis points (2000 = 20 %) per region and applies to the subtotal.
 */
export interface PricingRules {
  taxRateBps: Record<Region, number>;
  shippingFeeMinor: number;
  /** Orders whose subtotal reaches this ship free; null means never free. */
  freeShippingFromMinor: number | null;
}

/** Rounds numerator / denominator half away from zero, on integers (no floats touch money). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount out of range');
  return result;
}

export function computeTotals(lines: readonly PricedLine[], region: Region, rules: PricingRules): Totals {
  const subtotal = lines.reduce((sum, line) => sum + BigInt(line.unitPriceMinor) * BigInt(line.quantity), 0n);
  const freeShipping = rules.freeShippingFromMinor !== null && subtotal >= BigInt(rules.freeShippingFromMinor);
  const shipping = lines.length === 0 || freeShipping ? 0n : BigInt(rules.shippingFeeMinor);
  const tax = divideRounded(subtotal * BigInt(rules.taxRateBps[region]), 10_000n);
  return {
    subtotalMinor: toSafeNumber(subtotal),
    shippingMinor: toSafeNumber(shipping),
    taxMinor: toSafeNumber(tax),
    totalMinor: toSafeNumber(subtotal + shipping + tax),
  };
}

export function priceCart(currencyCode: string, lines: PricedLine[], region: Region, rules: PricingRules): PricedCart {
  return { currencyCode, lines, totals: computeTotals(lines, region, rules) };
}

/** Parses "eu:2000,us:800,asia:1000" into rates per region; every region must be given. */
export function parseTaxRates(text: string, regions: readonly Region[]): Record<Region, number> {
  const rates: Partial<Record<Region, number>> = {};
  for (const part of text.split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z]+)\s*:\s*(\d{1,5})$/.exec(part);
    if (!match || !regions.includes(match[1] as Region)) throw new Error(`bad tax rate "${part}" (expected region:basisPoints)`);
    const bps = Number(match[2]);
    if (bps > 10_000) throw new Error(`tax rate for ${match[1]} above 100 %`);
    rates[match[1] as Region] = bps;
  }
  const missing = regions.filter((region) => rates[region] === undefined);
  if (missing.length > 0) throw new Error(`tax rate missing for ${missing.join(', ')}`);
  return rates as Record<Region, number>;
}
