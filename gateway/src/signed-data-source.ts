import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ACCOUNTS_EFFECTS_EXTENSION, accountsEffectsSchema } from '@shop/accounts';
import { CLIENT_ADDRESS_HEADER, IDENTITY_HEADER, REQUEST_ID_HEADER } from '@shop/platform';
import type { GatewayContext } from './gateway-context';
import type { SignatureCache } from './signature-cache';
import type { SubgraphBreakers } from './subgraph-breakers';
import { createSubgraphFetcher } from './subgraph-fetcher';

export interface SignedDataSourceOptions {
  /** Subgraph name: names its circuit breaker; only `accounts` may report session effects. */
  name: string;
  /** Abort a subgraph call after this long. */
  timeoutMs: number;
  breakers: SubgraphBreakers;
  /** Signs the identity and client address (reused across fetches). */
  signatures: SignatureCache;
}

/**
 * Sends each subgraph fetch with the caller's identity signed by the gateway (never the
 * client's own token or headers), the signed client address and the request id, so subgraphs
 * can trust and trace it. Reads accounts' session effects out of its responses and strips them.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly options: SignedDataSourceOptions,
  ) {
    super({ url });
    this.fetcher = createSubgraphFetcher({ subgraph: options.name, timeoutMs: options.timeoutMs, breakers: options.breakers });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    if (!('identity' in options.context) || !options.context.identity) {
      throw new Error('gateway context carries no identity');
    }
    headers.set(IDENTITY_HEADER, this.options.signatures.identity(options.context.identity));
    headers.set(REQUEST_ID_HEADER, options.context.requestId);
    if (options.context.clientAddress) {
      headers.set(CLIENT_ADDRESS_HEADER, this.options.signatures.clientAddress(options.context.clientAddress));
    }
  }

  override didReceiveResponse({
    response,
    context,
  }: Required<Pick<GatewayGraphQLRequestContext<GatewayContext>, 'request' | 'response' | 'context'>>): GatewayGraphQLResponse {
    const reported: unknown = response.extensions?.[ACCOUNTS_EFFECTS_EXTENSION];
    if (reported === undefined) return response;
    delete response.extensions![ACCOUNTS_EFFECTS_EXTENSION];
    const parsed = accountsEffectsSchema.safeParse(reported);
    // Written into the object the context holds: Apollo hands data sources a copy of the context.
    const effects = context.accountsEffects;
    if (this.options.name === 'accounts' && parsed.success && effects) {
      if (parsed.data.issuedSession) effects.issuedSession = parsed.data.issuedSession;
      effects.revokedSessionIds = [...(effects.revokedSessionIds ?? []), ...(parsed.data.revokedSessionIds ?? [])];
      effects.revokedApiKeyIds = [...(effects.revokedApiKeyIds ?? []), ...(parsed.data.revokedApiKeyIds ?? [])];
    }
    return response;
  }
}
