import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LogController, type FastifyBaseLogger } from 'fastify';
import { REQUEST_ID_HEADER } from './identity';
import type { Logger } from './logger';

/** Carries the caller's request id (when well-formed) so log lines join up across services. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
}

/**
 * Fastify options every service shares: our pino logger without a line per request (services
 * log what matters themselves) and request ids carried from the caller.
 */
export function baseHttpOptions(logger: Logger) {
  return {
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdOf,
  };
}
