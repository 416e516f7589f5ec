import { forbidden, hasRole } from '@shop/platform';
import type { QueryResolvers } from '../generated/resolvers-types';
import { isTokenHash } from '../domain/tokens';

export const Query: QueryResolvers = {
  me: async (_parent, _args, { identity, loaders }) => {
    if (!identity.userId || !hasRole(identity, 'shopper', 'admin')) return null;
    return loaders.userById.load(identity.userId);
  },
  sessionIdentity: async (_parent, { tokenHash }, { identity, repositories }) => {
    if (!hasRole(identity, 'service')) throw forbidden('Internal operation');
    if (!isTokenHash(tokenHash)) return null;
    const session = await repositories.sessions.findActiveByTokenHash(tokenHash);
    return session && { ...session, expiresAt: session.expiresAt.toISOString() };
  },
  apiKeyIdentity: async (_parent, { keyHash }, { identity, repositories }) => {
    if (!hasRole(identity, 'service')) throw forbidden('Internal operation');
    if (!isTokenHash(keyHash)) return null;
    const key = await repositories.apiKeys.findActiveByHash(keyHash);
    return key && { keyId: key.id, partnerId: key.partnerId, scopes: key.scopes, rateLimitPerMinute: key.rateLimitPerMinute, safelistOnly: key.safelistOnly };
  },
};
