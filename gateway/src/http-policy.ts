import type { FastifyInstance } from 'fastify';
import { CLIENT_ADDRESS_HEADER, IDENTITY_HEADER } from '@shop/platform';

/** Headers only the gateway may set towards subgraphs; a client's copies are dropped on arrival. */
export const INTERNAL_HEADERS = [IDENTITY_HEADER, CLIENT_ADDRESS_HEADER];

const ALLOWED_REQUEST_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-guest-token',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
].join(', ');
const EXPOSED_HEADERS = ['x-guest-token', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'].join(', ');

export interface HttpPolicy {
  /** Browser origins allowed to call the API with credentials. */
  corsOrigins: string[];
  /** Serving over HTTPS: send HSTS. */
  secure: boolean;
}

/**
 * Strips internal headers a client sent, answers CORS for the configured origins only (a
 * preflight from any other origin gets 403 and no CORS headers), and sets security headers.
 */
export function registerHttpPolicy(app: FastifyInstance, policy: HttpPolicy): void {
  const origins = new Set(policy.corsOrigins);
  app.addHook('onRequest', async (request, reply) => {
    for (const header of INTERNAL_HEADERS) delete request.headers[header];

    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (policy.secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');

    const origin = request.headers.origin;
    const allowed = typeof origin === 'string' && origins.has(origin);
    if (allowed) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('access-control-expose-headers', EXPOSED_HEADERS);
    }
    reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      if (!allowed) return reply.code(403).send();
      reply.header('access-control-allow-methods', 'GET, POST, PATCH, DELETE, OPTIONS');
      reply.header('access-control-allow-headers', ALLOWED_REQUEST_HEADERS);
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    }
  });
}
