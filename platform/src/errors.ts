import { GraphQLError } from 'graphql';

/** Error codes clients can switch on (GraphQL `extensions.code` and `userErrors[].code`). */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'LIMIT_EXCEEDED',
  'INVALID_CURSOR',
  'OUT_OF_STOCK',
  'UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure: reported to the client with its code and without a stack trace. */
export class ShopError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'ShopError';
  }
}

export const badInput = (message: string, field?: string) =>
  new ShopError('BAD_USER_INPUT', message, field ? { field } : {});
export const forbidden = (message = 'Not allowed for this identity') => new ShopError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in required') => new ShopError('UNAUTHENTICATED', message);
export const notFound = (message: string) => new ShopError('NOT_FOUND', message);

/** The `userErrors` entry of a mutation payload. */
export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

export function userError(code: ErrorCode | string, message: string, field?: string[]): UserError {
  return { field: field ?? null, message, code };
}
