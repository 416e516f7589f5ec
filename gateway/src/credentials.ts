import {
  API_KEY_IDENTITY_QUERY,
  SESSION_IDENTITY_QUERY,
  sha256Hex,
  type ApiKeyIdentityResult,
  type SessionIdentityResult,
} from '@shop/accounts';
import { GraphQLError } from 'graphql';
import { createServiceClient, ShopError } from '@shop/platform';
import { CredentialCache } from './credential-cache';
import { SubgraphFailure, type SubgraphBreakers } from './subgraph-breakers';

export interface SessionCredential {
  sessionId: string;
  userId: string;
  role: 'shopper' | 'admin';
  expiresAt: number;
}

export interface ApiKeyCredential {
  keyId: string;
  partnerId: string;
  scopes: string[];
  rateLimitPerMinute: number;
  /** The key may run only safelisted operations. */
  safelistOnly: boolean;
}

/** Resolves session tokens and API keys through accounts' internal queries, with a short cache. */
export interface CredentialResolver {
  session(token: string): Promise<SessionCredential | null>;
  apiKey(key: string): Promise<ApiKeyCredential | null>;
  forgetSessions(sessionIds: readonly string[]): void;
  forgetApiKeys(keyIds: readonly string[]): void;
}

/** Unknown tokens are remembered briefly too, so junk cannot hammer accounts. */
const NEGATIVE_TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/** A failure of accounts itself (no GraphQL answer: unreachable, timed out, HTTP error), for its breaker. */
const isAvailabilityFailure = (error: unknown) => error instanceof GraphQLError && !('upstreamCode' in error.extensions);

export function createCredentialResolver(options: {
  accountsUrl: string;
  identitySecret: string;
  ttlMs: number;
  /** The gateway's subgraph breakers: accounts calls then fail fast while accounts' breaker is open. */
  breakers?: SubgraphBreakers;
  timeoutMs?: number;
}): CredentialResolver {
  const client = createServiceClient({ service: 'gateway', url: options.accountsUrl, identitySecret: options.identitySecret });
  const call = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    try {
      return await client.request<T>(query, variables, { timeoutMs: options.timeoutMs ?? 5_000 });
    } catch (error) {
      throw isAvailabilityFailure(error) ? new SubgraphFailure('unreachable', error) : error;
    }
  };
  // The client's error names the internal URL; the caller only learns that sign-in is unavailable.
  const accounts = {
    request: async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      try {
        return await (options.breakers ? options.breakers.run('accounts', () => call<T>(query, variables)) : call<T>(query, variables));
      } catch {
        throw new ShopError('UNAVAILABLE', 'Credentials cannot be checked right now; try again shortly', { http: { status: 503 } });
      }
    },
  };
  const sessions = new CredentialCache<SessionCredential | null>({
    maxEntries: MAX_ENTRIES,
    ttlMs: (session) => (session ? Math.min(options.ttlMs, session.expiresAt - Date.now()) : Math.min(options.ttlMs, NEGATIVE_TTL_MS)),
  });
  const apiKeys = new CredentialCache<ApiKeyCredential | null>({
    maxEntries: MAX_ENTRIES,
    ttlMs: (key) => (key ? options.ttlMs : Math.min(options.ttlMs, NEGATIVE_TTL_MS)),
  });
  return {
    async session(token) {
      if (!TOKEN_SHAPE.test(token)) return null;
      const tokenHash = sha256Hex(token);
      const session = await sessions.get(tokenHash, async () => {
        const { sessionIdentity } = await accounts.request<SessionIdentityResult>(SESSION_IDENTITY_QUERY, { tokenHash });
        return sessionIdentity && { ...sessionIdentity, expiresAt: Date.parse(sessionIdentity.expiresAt) };
      });
      return session && session.expiresAt > Date.now() ? session : null;
    },
    async apiKey(key) {
      if (key.length > 128 || !/^[\w-]+$/.test(key)) return null;
      const keyHash = sha256Hex(key);
      return apiKeys.get(keyHash, async () => {
        const { apiKeyIdentity } = await accounts.request<ApiKeyIdentityResult>(API_KEY_IDENTITY_QUERY, { keyHash });
        return apiKeyIdentity;
      });
    },
    forgetSessions(sessionIds) {
      sessions.deleteWhere((session) => session !== null && sessionIds.includes(session.sessionId));
    },
    forgetApiKeys(keyIds) {
      apiKeys.deleteWhere((key) => key !== null && keyIds.includes(key.keyId));
    },
  };
}
