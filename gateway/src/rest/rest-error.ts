import { z } from 'zod';

/** The body of every REST error: a stable code, a message for people, and details where they help. */
export const restErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. BAD_USER_INPUT, NOT_FOUND, OUT_OF_STOCK.'),
      message: z.string().describe('Human-readable message.'),
      details: z.record(z.string(), z.unknown()).optional().describe('What went wrong in detail: invalid fields, userErrors, shortages…'),
    }),
  })
  .describe('An error: the status code says its kind, `error.code` says exactly what.');

export type RestErrorBody = z.infer<typeof restErrorBodySchema>;

/** An expected refusal, answered as `{ error: { code, message, details? } }` with its HTTP status. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. `Allow` on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RestError';
  }

  body(): RestErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/**
 * HTTP status of a GraphQL error code or a payload's userError code. Codes of the subgraphs
 * (platform's ERROR_CODES and the userError codes of cart, orders and inventory); anything else
 * a mutation reports in `userErrors` is the caller's input refused (400).
 */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  INVALID_CURSOR: 400,
  LIMIT_EXCEEDED: 400,
  CARD_INVALID: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  PAYMENT_DECLINED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_SKU: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  EMPTY_CART: 409,
  PRODUCT_UNAVAILABLE: 409,
  CURRENCY_MISMATCH: 409,
  IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  ORDER_NOT_CANCELLABLE: 409,
  RESERVATION_MISMATCH: 409,
  RESERVATION_RELEASED: 409,
  RESERVATION_IN_PROGRESS: 409,
  RATE_LIMITED: 429,
  // The gateway runs no resolvers of its own: an internal error while executing is a subgraph's
  // failure or a subgraph it could not reach (the gateway masks both to this code).
  INTERNAL_SERVER_ERROR: 502,
  UNAVAILABLE: 503,
  BUSY: 503,
};

/** A subgraph the gateway could not use (SUBGRAPH_UNAVAILABLE), by why: its breaker open, a timeout, or a failure. */
const STATUS_OF_UNAVAILABLE_REASON: Readonly<Record<string, number>> = { 'circuit-open': 503, timeout: 504 };

function statusOfError(error: GraphQLErrorLike, code: string | undefined): number {
  if (code === 'SUBGRAPH_UNAVAILABLE') return STATUS_OF_UNAVAILABLE_REASON[String(error.extensions?.reason)] ?? 502;
  return statusOfCode(code);
}

export function statusOfCode(code: string | undefined): number {
  if (code === undefined) return 502;
  return STATUS_OF_CODE[code] ?? 400;
}

const MESSAGE_OF_UPSTREAM_STATUS: Readonly<Record<number, string>> = {
  502: 'A service behind the gateway failed or could not be reached; try again shortly',
  503: 'A service behind the gateway is unavailable; try again shortly',
  504: 'A service behind the gateway did not answer in time; try again shortly',
};

const CODE_OF_UPSTREAM_STATUS: Readonly<Record<number, string>> = { 502: 'BAD_GATEWAY', 503: 'UNAVAILABLE', 504: 'GATEWAY_TIMEOUT' };

export interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** The REST error for the errors of a GraphQL result: the most severe one decides (server failures first). */
export function restErrorOfGraphQL(errors: readonly GraphQLErrorLike[]): RestError {
  const ranked = errors
    .map((error) => {
      const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
      return { error, code, status: statusOfError(error, code) };
    })
    .sort((a, b) => b.status - a.status);
  const { error, code, status } = ranked[0]!;
  if (status >= 500) {
    const retryAfter = error.extensions?.retryAfterSeconds;
    const headers: Record<string, string> = typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
    return new RestError(status, CODE_OF_UPSTREAM_STATUS[status] ?? 'BAD_GATEWAY', MESSAGE_OF_UPSTREAM_STATUS[status] ?? error.message, undefined, headers);
  }
  const field = typeof error.extensions?.field === 'string' ? { field: error.extensions.field } : undefined;
  return new RestError(status, code ?? 'BAD_REQUEST', error.message, field);
}

export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** The REST error for a mutation's userErrors: the most severe code decides, all of them go in details. */
export function restErrorOfUserErrors(userErrors: readonly UserErrorLike[], details: Record<string, unknown> = {}): RestError {
  const first = [...userErrors].sort((a, b) => statusOfCode(b.code) - statusOfCode(a.code))[0]!;
  return new RestError(statusOfCode(first.code), first.code, first.message, { ...details, userErrors });
}

export const notFoundError = (message: string) => new RestError(404, 'NOT_FOUND', message);
