import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Identity } from '@shop/platform';
import { GUEST_TOKEN_HEADER } from '../authenticate';
import { RestError } from './rest-error';
import type { Access } from './rest-route';

/** A header the seed's clients sent to name the shopper; never trusted. */
export const USER_EMAIL_HEADER = 'x-user-email';

/**
 * Whether the caller came without any session: the authenticator just started a guest session
 * for them (it hands the new guest token back in a response header).
 */
function startedGuestSessionNow(identity: Identity, reply: FastifyReply): boolean {
  return identity.role === 'guest' && reply.hasHeader(GUEST_TOKEN_HEADER);
}

/** Refuses a caller a route is not for, before its input is read or any GraphQL runs. */
export function checkAccess(access: Access, identity: Identity, request: FastifyRequest, reply: FastifyReply): void {
  if (access === 'anyone') return;
  if (access === 'session') {
    if (!startedGuestSessionNow(identity, reply)) return;
    const namedByHeader = request.headers[USER_EMAIL_HEADER] !== undefined;
    throw new RestError(
      401,
      'UNAUTHENTICATED',
      namedByHeader
        ? 'The X-User-Email header does not identify anyone: sign in and send the session (cookie or Authorization: Bearer)'
        : 'A session is required: sign in (cookie or Authorization: Bearer), or send your guest session',
    );
  }
  if (identity.role === 'admin' || identity.role === 'service') return;
  if (identity.role === 'guest') {
    throw new RestError(401, 'UNAUTHENTICATED', 'This operation is for services and admins: authenticate as one');
  }
  throw new RestError(403, 'FORBIDDEN', 'This operation is for services and admins only');
}
