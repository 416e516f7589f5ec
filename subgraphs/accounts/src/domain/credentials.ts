import { z } from 'zod';
import { userError, type UserError } from '@shop/platform';

/** Emails are compared and stored trimmed and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
const MAX_NAME_LENGTH = 100;

const emailSchema = z.email().max(254);

/** Checks sign-up input; returns the cleaned values or the problems as payload userErrors. */
export function validateSignUp(input: { email: string; password: string; name: string }):
  | { ok: true; email: string; password: string; name: string }
  | { ok: false; userErrors: UserError[] } {
  const userErrors: UserError[] = [];
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  if (!emailSchema.safeParse(email).success) userErrors.push(userError('BAD_USER_INPUT', 'Enter a valid email address', ['email']));
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    userErrors.push(
      userError('BAD_USER_INPUT', `The password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, ['password']),
    );
  }
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(name)) {
    userErrors.push(userError('BAD_USER_INPUT', `The name must have 1 to ${MAX_NAME_LENGTH} printable characters`, ['name']));
  }
  return userErrors.length > 0 ? { ok: false, userErrors } : { ok: true, email, password: input.password, name };
}

/** Sign-in input too long to be real is refused before any hashing (no CPU for junk). */
export function isPlausibleSignIn(email: string, password: string): boolean {
  return email.length <= 254 && password.length <= MAX_PASSWORD_LENGTH && !/[\u0000-\u001f\u007f]/.test(email);
}
