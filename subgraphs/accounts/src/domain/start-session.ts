import { shopperKey } from '@shop/platform';
import type { Context } from '../context';
import type { UserRecord } from '../data-access/user-repository';
import { newId, newSessionToken, sha256Hex } from './tokens';

/**
 * Signs a user in on this client: a brand-new session id every time (no fixation), the
 * client's previous session revoked, the token handed to the gateway (never to the client's
 * JavaScript), and the guest's cart and activity merged into the user's.
 */
export async function startSession(context: Context, user: UserRecord): Promise<{ expiresAt: Date }> {
  const { repositories, services, identity } = context;
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + services.settings.sessionTtlSeconds * 1000);
  await repositories.sessions.create({ id: newId(), tokenHash: sha256Hex(token), userId: user.id, expiresAt });
  if (identity.sessionId && identity.userId) {
    await repositories.sessions.revoke(identity.sessionId, identity.userId);
    context.effects.revokedSessionIds = [...(context.effects.revokedSessionIds ?? []), identity.sessionId];
  }
  context.effects.issuedSession = { token, expiresAt: expiresAt.toISOString() };
  context.signedInUserId = user.id;

  const guest = identity.guestId ? shopperKey({ role: 'guest', guestId: identity.guestId, scopes: [] }) : null;
  if (guest) await services.mergeShopperData(guest, `user:${user.id}`, context.logger, context.requestId);
  return { expiresAt };
}
