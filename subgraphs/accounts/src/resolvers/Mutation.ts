import type { MutationResolvers } from '../generated/resolvers-types';
import { createApiKey, revokeApiKey } from '../domain/api-keys';
import { signIn } from '../domain/sign-in';
import { signUp } from '../domain/sign-up';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const Mutation: MutationResolvers = {
  signUp: async (_parent, args, context) => {
    const result = await signUp(context, args);
    return { ...result, sessionExpiresAt: iso(result.sessionExpiresAt) };
  },
  signIn: async (_parent, args, context) => {
    const result = await signIn(context, args);
    return { ...result, sessionExpiresAt: iso(result.sessionExpiresAt) };
  },
  signOut: async (_parent, _args, context) => {
    const { identity, repositories } = context;
    if (!identity.sessionId || !identity.userId) return { signedOut: false, userErrors: [] };
    const signedOut = await repositories.sessions.revoke(identity.sessionId, identity.userId);
    // Tell the gateway even when the row was already revoked, so it drops its cache entry and cookie.
    context.effects.revokedSessionIds = [...(context.effects.revokedSessionIds ?? []), identity.sessionId];
    return { signedOut, userErrors: [] };
  },
  createApiKey: (_parent, args, context) => createApiKey(context, args),
  revokeApiKey: (_parent, { id }, context) => revokeApiKey(context, id),
};
