import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsEffects } from '@shop/accounts';
import { ShopError, type Identity } from '@shop/platform';
import { readCookies, setCookie } from './cookies';
import type { CredentialResolver } from './credentials';
import { GUEST_COOKIE, newGuestId, signGuestId, verifyGuestToken } from './guest-session';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';

/** Header by which non-browser clients carry the guest token the gateway handed them. */
export const GUEST_TOKEN_HEADER = 'x-guest-token';
/** Header by which partners send their API key. */
export const API_KEY_HEADER = 'x-api-key';

export interface AuthenticatorOptions {
  cookieSecret: string;
  secureCookies: boolean;
  /** Resolves session tokens and API keys (accounts); without it only guests are served. */
  credentials?: CredentialResolver;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for partner requests: the key's id and per-minute limit, for the per-key rate limit. */
    apiKeyLimit?: { keyId: string; perMinute: number };
    /** Set for a partner key in safelist mode: it may run only safelisted operations (safelist-guard.ts). */
    safelistOnly?: boolean;
  }
}

export interface Authenticator {
  (request: FastifyRequest, reply: FastifyReply): Promise<Identity>;
  /** Applies what accounts reported for this request: sets or clears the session cookie, forgets revoked credentials. */
  applyAccountsEffects?(effects: AccountsEffects, request: FastifyRequest, reply: FastifyReply): void;
}

const MAX_VERIFIED_GUESTS = 10_000;

const refused = (message: string) => new ShopError('UNAUTHENTICATED', message, { http: { status: 401 } });

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  if (!match) throw refused('The Authorization header must be "Bearer <session token>"');
  return match[1]!;
}

function singleHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Resolves who is calling, in this order: an `X-Api-Key` (partner; an unknown key is refused),
 * a `Bearer` session token (an unknown one is refused), the `shop_session` cookie (an unknown
 * one is cleared and the caller continues as a guest), else a guest. The guest session comes
 * from the signed cookie (browsers) or the `x-guest-token` header (servers); a first request
 * gets a new one in both. A signed-in shopper keeps their guest id so guest data can merge.
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { credentials, secureCookies } = options;

  // Tokens already verified: an HMAC per request is a good part of a guest request's own cost.
  const verifiedGuests = new Map<string, string>();
  const existingGuestId = (request: FastifyRequest): string | null => {
    const token = singleHeader(request, GUEST_TOKEN_HEADER) ?? readCookies(request)[GUEST_COOKIE];
    if (!token) return null;
    const known = verifiedGuests.get(token);
    if (known) return known;
    const guestId = verifyGuestToken(token, options.cookieSecret);
    if (guestId) {
      if (verifiedGuests.size >= MAX_VERIFIED_GUESTS) verifiedGuests.delete(verifiedGuests.keys().next().value!);
      verifiedGuests.set(token, guestId);
    }
    return guestId;
  };

  const sessionIdentity = async (token: string, request: FastifyRequest): Promise<Identity | null> => {
    if (!credentials) return null;
    const session = await credentials.session(token);
    if (!session) return null;
    const guestId = existingGuestId(request);
    return { role: session.role, userId: session.userId, sessionId: session.sessionId, ...(guestId ? { guestId } : {}), scopes: [] };
  };

  const authenticate: Authenticator = async (request, reply) => {
    const apiKey = singleHeader(request, API_KEY_HEADER);
    if (apiKey !== undefined) {
      const key = credentials ? await credentials.apiKey(apiKey) : null;
      if (!key) throw refused('Unknown or revoked API key');
      request.apiKeyLimit = { keyId: key.keyId, perMinute: key.rateLimitPerMinute };
      request.safelistOnly = key.safelistOnly;
      return { role: 'partner', partnerId: key.partnerId, scopes: key.scopes };
    }
    const bearer = bearerToken(request);
    if (bearer !== null) {
      const identity = await sessionIdentity(bearer, request);
      if (!identity) throw refused('The session is unknown, expired or signed out');
      return identity;
    }
    const cookie = readCookies(request)[SESSION_COOKIE];
    if (cookie) {
      const identity = await sessionIdentity(cookie, request);
      if (identity) return identity;
      clearSessionCookie(reply, secureCookies);
    }
    let guestId = existingGuestId(request);
    if (!guestId) {
      guestId = newGuestId();
      const signed = signGuestId(guestId, options.cookieSecret);
      setCookie(reply, GUEST_COOKIE, signed, { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAgeSeconds: 60 * 60 * 24 * 30 });
      reply.header(GUEST_TOKEN_HEADER, signed);
    }
    return { role: 'guest', guestId, scopes: [] };
  };

  authenticate.applyAccountsEffects = (effects, _request, reply) => {
    if (effects.revokedSessionIds?.length) credentials?.forgetSessions(effects.revokedSessionIds);
    if (effects.revokedApiKeyIds?.length) credentials?.forgetApiKeys(effects.revokedApiKeyIds);
    if (effects.issuedSession) {
      setSessionCookie(reply, effects.issuedSession.token, new Date(effects.issuedSession.expiresAt), secureCookies);
    } else if (effects.revokedSessionIds?.length) {
      clearSessionCookie(reply, secureCookies);
    }
  };
  return authenticate;
}
