/** Money is kept in integer minor units (e.g. paise, cents) and shown as an exact decimal string. */
export interface Money {
  amount: string;
  currencyCode: string;
}

const digitsCache = new Map<string, number>();

export function currencyDigits(currencyCode: string): number {
  let digits = digitsCache.get(currencyCode);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions()
      .maximumFractionDigits ?? 2;
    digitsCache.set(currencyCode, digits);
  }
  return digits;
}

export function toMoney(minorUnits: number | bigint, currencyCode: string): Money {
  const digits = currencyDigits(currencyCode);
  const value = BigInt(minorUnits);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = abs.toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return { amount: `${negative ? '-' : ''}${whole}${fraction}`, currencyCode };
}

/** Parses an exact decimal string ("12.50") into minor units; throws on more precision than the currency has. */
export function toMinorUnits(amount: string, currencyCode: string): number {
  const digits = currencyDigits(currencyCode);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not a decimal amount: ${amount}`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) throw new RangeError(`${amount} has more than ${digits} decimals for ${currencyCode}`);
  const minor = Number(BigInt(`${whole}${fraction.padEnd(digits, '0')}`));
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount too large: ${amount}`);
  return sign ? -minor : minor;
}
