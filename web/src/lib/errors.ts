import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** A message a shopper can act on, from whatever a request failed with. */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const codes = error.errors.map((entry) => entry.extensions?.code);
    if (codes.includes('UNAUTHENTICATED')) return 'Please sign in again to continue.';
    if (codes.includes('LIMIT_EXCEEDED') || codes.includes('RATE_LIMITED')) return 'Too many requests right now. Please wait a moment and retry.';
    return 'Something went wrong on our side. Please try again.';
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return 'Too many requests right now. Please wait a moment and retry.';
    return 'The shop is not answering properly right now. Please try again.';
  }
  return 'We could not reach the shop. Check your connection and try again.';
}

/** Whether the request may never have reached the server (so its outcome is unknown). */
export function isTransportError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 500;
  return true;
}
