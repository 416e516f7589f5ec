import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The header in which the gateway forwards the client's network address to subgraphs (for
 * per-address limits such as sign-in throttling). It is signed like the identity, under its
 * own label so that one signed value can never be replayed as the other.
 */
export const CLIENT_ADDRESS_HEADER = 'x-shop-client-address';

const VERSION = 'a1';
const TTL_SECONDS = 60;
const CLOCK_SKEW_SECONDS = 5;
const MAX_ADDRESS_LENGTH = 64;

function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(`client-address:${data}`).digest();
}

/** Signs a client address into a short-lived header value: `a1.<address b64>.<exp>.<hmac>`. */
export function signClientAddress(address: string, secret: string, now: number = Date.now()): string {
  const exp = Math.floor(now / 1000) + TTL_SECONDS;
  const signed = `${VERSION}.${Buffer.from(address.slice(0, MAX_ADDRESS_LENGTH)).toString('base64url')}.${exp}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
}

/** The address in a header made by `signClientAddress`, or null when it is missing, forged or expired. */
export function verifyClientAddress(header: string | null | undefined, secret: string, now: number = Date.now()): string | null {
  if (!header || header.length > 256) return null;
  const parts = header.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [version, address, exp, signature] = parts as [string, string, string, string];
  const expected = mac(secret, `${version}.${address}.${exp}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(exp) || Number(exp) < Math.floor(now / 1000) - CLOCK_SKEW_SECONDS) return null;
  return Buffer.from(address, 'base64url').toString('utf8');
}
