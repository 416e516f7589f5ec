/** Money as the API sends it: an exact decimal string and an ISO 4217 code. */
export interface MoneyValue {
  amount: string;
  currencyCode: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currencyCode: string): Intl.NumberFormat {
  let formatter = formatters.get(currencyCode);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, { style: 'currency', currency: currencyCode });
    } catch {
      formatter = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2 });
    }
    formatters.set(currencyCode, formatter);
  }
  return formatter;
}

/** For display only: the exact amount stays a string everywhere else. */
export function formatMoney(money: MoneyValue): string {
  return formatterFor(money.currencyCode).format(Number(money.amount));
}

interface Scaled {
  units: bigint;
  scale: number;
}

function scaled(amount: string): Scaled {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: ${amount}`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function print(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${whole}` : whole;
}

/** Exact decimal sum, used for optimistic cart totals before the server answers. */
export function addAmounts(a: string, b: string): string {
  const left = scaled(a);
  const right = scaled(b);
  const scale = Math.max(left.scale, right.scale);
  return print(rescale(left, scale) + rescale(right, scale), scale);
}

export function multiplyAmount(amount: string, factor: number): string {
  const value = scaled(amount);
  return print(value.units * BigInt(factor), value.scale);
}
