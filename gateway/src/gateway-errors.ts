import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError, type Logger } from '@shop/platform';

/** Codes only the gateway reports, beside platform's ERROR_CODES; clients may switch on them. */
export const GATEWAY_ERROR_CODES = ['SUBGRAPH_UNAVAILABLE', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_NOT_SAFELISTED'] as const;

export type UnavailableReason = 'timeout' | 'unreachable' | 'error-status' | 'circuit-open';

const MESSAGES: Record<UnavailableReason, string> = {
  timeout: 'did not answer in time',
  unreachable: 'could not be reached',
  'error-status': 'failed',
  'circuit-open': 'is unavailable for a moment (failing fast after repeated failures)',
};

/**
 * A subgraph call that failed for the subgraph's own reasons. The message names the service
 * (as Apollo's `extensions.serviceName` already does) but never its address.
 */
export function subgraphUnavailable(subgraph: string, reason: UnavailableReason, retryAfterSeconds?: number): GraphQLError {
  return new GraphQLError(`The ${subgraph} service ${MESSAGES[reason]}; try again shortly`, {
    extensions: {
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: subgraph,
      reason,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    },
  });
}

const GATEWAY_CODES = new Set<string>(GATEWAY_ERROR_CODES);

/** Platform's masking (codes and messages only, unexpected errors hidden) plus the gateway's own codes. */
export function gatewayFormatError(logger: Logger) {
  const platform = formatError(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GATEWAY_CODES.has(code)) {
      return { message: formatted.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: formatted.extensions };
    }
    return platform(formatted, error);
  };
}
