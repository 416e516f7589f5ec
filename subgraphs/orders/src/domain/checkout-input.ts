import { createHash } from 'node:crypto';
import { DEFAULT_REGION, REGIONS, regionSchema, userError, type Region, type UserError } from '@shop/platform';
import { cardProblems, normalizeCardNumber, summarizeCard, type CardDetails } from './card';
import type { Address } from './order';

export interface AddressInput {
  fullName: string;
  line1: string;
  line2?: string | null;
  city: string;
  province?: string | null;
  postalCode: string;
  countryCode: string;
  phone?: string | null;
}

export interface PlaceOrderInput {
  idempotencyKey: string;
  shippingAddress: AddressInput;
  payment: { cardNumber: string; expiryMonth: number; expiryYear: number; cvc: string };
  region?: string | null;
  email?: string | null;
}

export interface CheckoutRequest {
  /** `user:<id>` or `guest:<id>` (platform's shopperKey). */
  customer: string;
  isGuest: boolean;
  /** Region of the session, used when the input gives none. */
  sessionRegion?: string | null;
  input: PlaceOrderInput;
}

export interface ValidCheckout {
  customer: string;
  idempotencyKey: string;
  address: Address;
  card: CardDetails;
  region: Region;
  email: string | null;
  /** Hash of everything but the cart and the card's secret parts: a retry must match it. */
  requestFingerprint: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;
const POSTAL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$/;

type TextRule = { required: boolean; max: number };
const ADDRESS_RULES: Record<keyof AddressInput, TextRule> = {
  fullName: { required: true, max: 200 },
  line1: { required: true, max: 200 },
  line2: { required: false, max: 200 },
  city: { required: true, max: 100 },
  province: { required: false, max: 100 },
  postalCode: { required: true, max: 12 },
  countryCode: { required: true, max: 2 },
  phone: { required: false, max: 32 },
};

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function validateAddress(input: AddressInput, errors: UserError[]): Address {
  const field = (name: keyof AddressInput) => ['input', 'shippingAddress', name];
  const values = {} as Record<keyof AddressInput, string | null>;
  for (const name of Object.keys(ADDRESS_RULES) as Array<keyof AddressInput>) {
    const rule = ADDRESS_RULES[name];
    const value = clean(input[name]);
    if (rule.required && value === null) errors.push(userError('BAD_USER_INPUT', `shippingAddress.${name} is required`, field(name)));
    else if (value !== null && value.length > rule.max) {
      errors.push(userError('BAD_USER_INPUT', `shippingAddress.${name} is longer than ${rule.max} characters`, field(name)));
    }
    values[name] = value;
  }
  const countryCode = values.countryCode?.toUpperCase() ?? '';
  if (values.countryCode !== null && !/^[A-Z]{2}$/.test(countryCode)) {
    errors.push(userError('BAD_USER_INPUT', 'shippingAddress.countryCode must be a two-letter ISO 3166 code', field('countryCode')));
  }
  if (values.postalCode !== null && !POSTAL_PATTERN.test(values.postalCode)) {
    errors.push(userError('BAD_USER_INPUT', 'shippingAddress.postalCode must be 2–12 letters, digits, spaces or dashes', field('postalCode')));
  }
  return {
    fullName: values.fullName ?? '',
    line1: values.line1 ?? '',
    line2: values.line2,
    city: values.city ?? '',
    province: values.province,
    postalCode: values.postalCode ?? '',
    countryCode,
    phone: values.phone,
  };
}

function validateCard(payment: PlaceOrderInput['payment'], now: Date, errors: UserError[]): CardDetails {
  const card: CardDetails = {
    number: normalizeCardNumber(payment.cardNumber),
    expiryMonth: payment.expiryMonth,
    expiryYear: payment.expiryYear,
    cvc: payment.cvc.trim(),
  };
  const messages = {
    number: ['cardNumber', 'The card number is not valid'],
    expiry: ['expiryMonth', 'The expiry date is not valid'],
    expired: ['expiryYear', 'The card has expired'],
    cvc: ['cvc', 'The security code must be 3 or 4 digits'],
  } as const;
  for (const problem of cardProblems(card, now)) {
    const [field, message] = messages[problem];
    errors.push(userError('CARD_INVALID', message, ['input', 'payment', field]));
  }
  return card;
}

function validateRegion(region: string | null | undefined, sessionRegion: string | null | undefined, errors: UserError[]): Region {
  const asked = region ?? sessionRegion ?? DEFAULT_REGION;
  const parsed = regionSchema.safeParse(asked.toLowerCase());
  if (parsed.success) return parsed.data;
  errors.push(userError('BAD_USER_INPUT', `Unknown region; expected one of ${REGIONS.join(', ')}`, ['input', 'region']));
  return DEFAULT_REGION;
}

function validateEmail(email: string | null | undefined, isGuest: boolean, errors: UserError[]): string | null {
  const value = clean(email);
  if (value === null) {
    if (isGuest) errors.push(userError('BAD_USER_INPUT', 'Guests must give an email', ['input', 'email']));
    return null;
  }
  if (value.length > 254 || !EMAIL_PATTERN.test(value)) {
    errors.push(userError('BAD_USER_INPUT', 'The email address is not valid', ['input', 'email']));
  }
  return value.toLowerCase();
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Checks everything that needs no other service; a refused input records nothing. */
export function validateCheckout(request: CheckoutRequest, now: Date): Validated<ValidCheckout> {
  const errors: UserError[] = [];
  const { input } = request;
  if (!KEY_PATTERN.test(input.idempotencyKey)) {
    errors.push(
      userError('BAD_USER_INPUT', 'idempotencyKey must be 8–128 letters, digits or - _ . :', ['input', 'idempotencyKey']),
    );
  }
  const address = validateAddress(input.shippingAddress, errors);
  const card = validateCard(input.payment, now, errors);
  const region = validateRegion(input.region, request.sessionRegion, errors);
  const email = validateEmail(input.email, request.isGuest, errors);
  if (errors.length > 0) return { ok: false, errors };
  const { brand, last4, expiryMonth, expiryYear } = summarizeCard(card);
  const requestFingerprint = sha256({ address, region, email, card: { brand, last4, expiryMonth, expiryYear } });
  return {
    ok: true,
    value: { customer: request.customer, idempotencyKey: input.idempotencyKey, address, card, region, email, requestFingerprint },
  };
}

/** Identifies a cart's content regardless of line order. */
export function cartFingerprint(lines: ReadonlyArray<{ sku: string; quantity: number }>): string {
  return sha256([...lines].map((line) => `${line.sku}×${line.quantity}`).sort());
}
