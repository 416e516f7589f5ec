import { z } from 'zod';

/**
 * What accounts tells the gateway beside the GraphQL result, in a response extension that the
 * gateway reads from accounts' responses only and strips before answering the client:
 * a session token to set as a cookie (signIn/signUp), and sessions or API keys it revoked, so
 * the gateway drops them from its cache at once instead of after the cache TTL.
 */
export const ACCOUNTS_EFFECTS_EXTENSION = 'shopAccountsEffects';

export const accountsEffectsSchema = z.object({
  issuedSession: z.object({ token: z.string().min(32).max(128), expiresAt: z.string() }).optional(),
  revokedSessionIds: z.array(z.string()).optional(),
  revokedApiKeyIds: z.array(z.string()).optional(),
});

export type AccountsEffects = z.infer<typeof accountsEffectsSchema>;

export function hasEffects(effects: AccountsEffects): boolean {
  return Boolean(effects.issuedSession || effects.revokedSessionIds?.length || effects.revokedApiKeyIds?.length);
}

/** The internal queries the gateway calls (with its service identity) to resolve credentials. */
export const SESSION_IDENTITY_QUERY = `query SessionIdentity($tokenHash: String!) {
  sessionIdentity(tokenHash: $tokenHash) { sessionId userId role expiresAt }
}`;

export const API_KEY_IDENTITY_QUERY = `query ApiKeyIdentity($keyHash: String!) {
  apiKeyIdentity(keyHash: $keyHash) { keyId partnerId scopes rateLimitPerMinute safelistOnly }
}`;

export interface SessionIdentityResult {
  sessionIdentity: { sessionId: string; userId: string; role: 'shopper' | 'admin'; expiresAt: string } | null;
}

export interface ApiKeyIdentityResult {
  apiKeyIdentity: { keyId: string; partnerId: string; scopes: string[]; rateLimitPerMinute: number; safelistOnly: boolean } | null;
}
