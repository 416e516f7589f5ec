import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ACCOUNTS_EFFECTS_EXTENSION, accountsEffectsSchema } from '@shop/accounts';
import { CLIENT_ADDRESS_HEADER, IDENTITY_HEADER, REQUEST_ID_HEADER, signClientAddress, signIdentity } from '@shop/platform';
import type { GatewayContext } from './gateway-context';

export interface SignedDataSourceOptions {
  /** Subgraph name; only `accounts` may report session effects. */
  name?: string;
  /** Abort a subgraph fetch after this long. */
  timeoutMs?: number;
}

/**
 * Sends each subgraph fetch with the caller's identity signed by the gateway (never the
 * client's own token or headers), the signed client address and the request id, so subgraphs
 * can trust and trace it. Reads accounts' session effects out of its responses and strips them.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly identitySecret: string,
    private readonly options: SignedDataSourceOptions = {},
  ) {
    super({ url });
    const timeoutMs = options.timeoutMs;
    if (timeoutMs) {
      const fetcher = this.fetcher;
      this.fetcher = (input, init) => fetcher(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    }
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    if (!('identity' in options.context) || !options.context.identity) {
      throw new Error('gateway context carries no identity');
    }
    headers.set(IDENTITY_HEADER, signIdentity(options.context.identity, this.identitySecret));
    headers.set(REQUEST_ID_HEADER, options.context.requestId);
    if (options.context.clientAddress) {
      headers.set(CLIENT_ADDRESS_HEADER, signClientAddress(options.context.clientAddress, this.identitySecret));
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
