/** Card checks that need no provider. The full number never leaves the request that carries it. */

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown';

export interface CardDetails {
  /** Digits only. */
  number: string;
  expiryMonth: number;
  expiryYear: number;
  cvc: string;
}

/** The only card facts ever stored or logged. */
export interface CardSummary {
  brand: CardBrand;
  last4: string;
  expiryMonth: number;
  expiryYear: number;
}

export function normalizeCardNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'visa';
  const firstFour = Number(digits.slice(0, 4));
  if (/^5[1-5]/.test(digits) || (firstFour >= 2221 && firstFour <= 2720)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

export function summarizeCard(card: CardDetails): CardSummary {
  return { brand: cardBrand(card.number), last4: card.number.slice(-4), expiryMonth: card.expiryMonth, expiryYear: card.expiryYear };
}

export type CardProblem = 'number' | 'expiry' | 'expired' | 'cvc';

/** What is wrong with a card before any provider sees it; empty when it may be charged. */
export function cardProblems(card: CardDetails, now: Date): CardProblem[] {
  const problems: CardProblem[] = [];
  if (!/^\d{12,19}$/.test(card.number) || !passesLuhn(card.number)) problems.push('number');
  const validMonth = Number.isInteger(card.expiryMonth) && card.expiryMonth >= 1 && card.expiryMonth <= 12;
  const validYear = Number.isInteger(card.expiryYear) && card.expiryYear >= 2000 && card.expiryYear <= 2100;
  if (!validMonth || !validYear) problems.push('expiry');
  else if (card.expiryYear * 12 + card.expiryMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) problems.push('expired');
  if (!/^\d{3,4}$/.test(card.cvc)) problems.push('cvc');
  return problems;
}
