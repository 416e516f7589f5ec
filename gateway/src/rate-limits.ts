import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface RateLimits {
  perAddressPerMinute: number;
}

const WINDOW_MS = 60_000;

type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number; max: number }>;

async function enforce(limiter: Limiter, request: FastifyRequest, reply: FastifyReply, what: string) {
  const result = await limiter(request);
  if (result.isAllowed || !result.isExceeded) return;
  const retryAfter = Math.max(1, result.ttlInSeconds);
  return reply
    .code(429)
    .header('retry-after', String(retryAfter))
    .type('application/json')
    .send({ errors: [{ message: `Rate limit of ${result.max} requests per minute per ${what} exceeded`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] });
}

/**
 * Two fixed one-minute windows: per client address on every request (before any work), and per
 * partner API key after authentication (each key's own limit). Counters live in this process:
 * with several gateway instances behind a balancer, each allows the limit.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits) {
  await app.register(rateLimit, { global: false });
  const perAddress: Limiter = app.createRateLimit({
    keyGenerator: (request) => `address:${request.ip}`,
    max: limits.perAddressPerMinute,
    timeWindow: WINDOW_MS,
  });
  const perKey: Limiter = app.createRateLimit({
    keyGenerator: (request) => `key:${request.apiKeyLimit?.keyId ?? ''}`,
    max: (request) => request.apiKeyLimit?.perMinute ?? 1,
    timeWindow: WINDOW_MS,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/health' || request.url === '/ready') return;
    return enforce(perAddress, request, reply, 'address');
  });
  return {
    /** Run after authentication (a preHandler): limits partner requests per key. */
    perApiKey: async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.apiKeyLimit) return enforce(perKey, request, reply, 'API key');
    },
  };
}
