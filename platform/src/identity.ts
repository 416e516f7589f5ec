import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The header in which the gateway (or a service) forwards the signed identity. */
export const IDENTITY_HEADER = 'x-shop-identity';
export const REQUEST_ID_HEADER = 'x-request-id';

export const ROLES = ['guest', 'shopper', 'admin', 'partner', 'service'] as const;
export type Role = (typeof ROLES)[number];

const identitySchema = z.object({
  role: z.enum(ROLES),
  /** Signed-in user (shopper or admin). */
  userId: z.string().min(1).optional(),
  /** Guest session; a shopper keeps the guest id they signed in from, so guest data can be merged. */
  guestId: z.string().min(1).optional(),
  partnerId: z.string().min(1).optional(),
  /** Calling service, for role `service`. */
  service: z.string().min(1).optional(),
  sessionId: z.string().min(1).optional(),
  scopes: z.array(z.string()).default([]),
  region: z.string().optional(),
});

export type Identity = z.infer<typeof identitySchema>;

const envelopeSchema = identitySchema.extend({ iat: z.number().int(), exp: z.number().int() });

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityError';
  }
}

const VERSION = 'v1';
const DEFAULT_TTL_SECONDS = 60;
const CLOCK_SKEW_SECONDS = 5;

function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** Signs an identity into a short-lived header value: `v1.<payload>.<hmac>`. */
export function signIdentity(
  identity: Identity,
  secret: string,
  options: { ttlSeconds?: number; now?: number } = {},
): string {
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const exp = iat + (options.ttlSeconds ?? DEFAULT_TTL_SECONDS);
  const payload = Buffer.from(JSON.stringify({ ...identity, iat, exp })).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${mac(secret, signed).toString('base64url')}`;
}

/** Verifies a header value made by `signIdentity`; throws IdentityError when it is missing, forged or expired. */
export function verifyIdentity(header: string | undefined, secret: string, now: number = Date.now()): Identity {
  if (!header) throw new IdentityError('missing signed identity');
  const parts = header.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) throw new IdentityError('malformed signed identity');
  const [version, payload, signature] = parts as [string, string, string];
  const expected = mac(secret, `${version}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new IdentityError('invalid identity signature');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new IdentityError('malformed identity payload');
  }
  const parsed = envelopeSchema.safeParse(decoded);
  if (!parsed.success) throw new IdentityError('malformed identity payload');
  const nowSeconds = Math.floor(now / 1000);
  if (parsed.data.exp < nowSeconds - CLOCK_SKEW_SECONDS) throw new IdentityError('signed identity expired');
  if (parsed.data.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new IdentityError('signed identity from the future');
  const { iat: _iat, exp: _exp, ...identity } = parsed.data;
  return identity;
}

export function serviceIdentity(service: string): Identity {
  return { role: 'service', service, scopes: [] };
}

/**
 * The key that shopper-owned data (carts, activity) is stored under: the user when signed in,
 * else the guest session. Null when the caller is not a shopper.
 */
export function shopperKey(identity: Identity): string | null {
  if (identity.userId && (identity.role === 'shopper' || identity.role === 'admin')) return `user:${identity.userId}`;
  if (identity.guestId && identity.role === 'guest') return `guest:${identity.guestId}`;
  return null;
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return roles.includes(identity.role);
}

export function hasScope(identity: Identity, scope: string): boolean {
  return identity.role === 'admin' || identity.role === 'service' || identity.scopes.includes(scope);
}
