import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const GUEST_COOKIE = 'shop_guest';
const GUEST_ID_BYTES = 16;

/** A guest session is 128 random bits, signed so a client cannot pick someone else's. */
export function newGuestId(): string {
  return randomBytes(GUEST_ID_BYTES).toString('base64url');
}

export function signGuestId(guestId: string, secret: string): string {
  return `${guestId}.${createHmac('sha256', secret).update(`guest:${guestId}`).digest('base64url')}`;
}

export function verifyGuestToken(token: string | undefined, secret: string): string | null {
  if (!token) return null;
  const [guestId, signature, extra] = token.split('.');
  if (!guestId || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(guestId)) return null;
  const expected = Buffer.from(signGuestId(guestId, secret).split('.')[1]!, 'base64url');
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? guestId : null;
}
