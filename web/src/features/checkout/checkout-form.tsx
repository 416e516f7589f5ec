import type { ChangeEvent, ReactNode } from 'react';

export interface CheckoutValues {
  email: string;
  fullName: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  countryCode: string;
  phone: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export const COUNTRIES = [
  ['AT', 'Austria'],
  ['BE', 'Belgium'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['ES', 'Spain'],
  ['GB', 'United Kingdom'],
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['IN', 'India'],
  ['JP', 'Japan'],
  ['SG', 'Singapore'],
  ['AU', 'Australia'],
] as const;

export const DEFAULT_COUNTRY: Record<string, string> = { eu: 'DE', us: 'US', asia: 'SG' };

interface FieldProps {
  name: keyof CheckoutValues;
  label: string;
  values: CheckoutValues;
  errors: Record<string, string>;
  errorKey?: string;
  onChange(name: keyof CheckoutValues, value: string): void;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'text';
  required?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  maxLength?: number;
  className?: string;
}

export function Field({ name, label, values, errors, errorKey, onChange, type = 'text', required = true, hint, className = '', ...rest }: FieldProps) {
  const error = errors[errorKey ?? name];
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''} ${className}`}>
      <label htmlFor={id}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={values[name]}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(name, event.target.value)}
        {...rest}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** "MM/YY" or "MM/YYYY" → month and four-digit year; null when it is not a date. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/** Checks the browser can make before asking the server, with the server's rules as the last word. */
export function validateCheckout(values: CheckoutValues, needsEmail: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (needsEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = 'Enter an email address so we can send the receipt.';
  if (!values.fullName.trim()) errors['shippingAddress.fullName'] = 'Enter the recipient’s name.';
  if (!values.line1.trim()) errors['shippingAddress.line1'] = 'Enter the street and number.';
  if (!values.city.trim()) errors['shippingAddress.city'] = 'Enter the city.';
  if (!/^[A-Za-z0-9 -]{2,12}$/.test(values.postalCode.trim())) errors['shippingAddress.postalCode'] = 'Enter a postal code (2–12 letters or digits).';
  const digits = values.cardNumber.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) errors['payment.cardNumber'] = 'Enter the card number (digits only).';
  const expiry = parseExpiry(values.expiry);
  if (!expiry) errors['payment.expiry'] = 'Enter the expiry as MM/YY.';
  else {
    const now = new Date();
    if (expiry.year < now.getFullYear() || (expiry.year === now.getFullYear() && expiry.month < now.getMonth() + 1)) errors['payment.expiry'] = 'This card has expired.';
  }
  if (!/^\d{3,4}$/.test(values.cvc.trim())) errors['payment.cvc'] = 'Enter the 3 or 4 digits on the back of the card.';
  return errors;
}
