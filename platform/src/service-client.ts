import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, serviceIdentity, signIdentity, type Identity } from './identity';
import { ShopError } from './errors';

export interface ServiceRequestOptions {
  requestId?: string;
  /** Defaults to the calling service's own identity. */
  identity?: Identity;
  timeoutMs?: number;
}

export interface ServiceClient {
  request<T>(query: string, variables?: Record<string, unknown>, options?: ServiceRequestOptions): Promise<T>;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Calls another subgraph directly (not through the gateway) with a signed service identity,
 * for internal operations that are @inaccessible in the public supergraph.
 */
export function createServiceClient(options: { service: string; url: string; identitySecret: string }): ServiceClient {
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}, requestOptions: ServiceRequestOptions = {}) {
      const identity = requestOptions.identity ?? serviceIdentity(options.service);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [IDENTITY_HEADER]: signIdentity(identity, options.identitySecret),
            [REQUEST_ID_HEADER]: requestOptions.requestId ?? randomUUID(),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(requestOptions.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new ShopError('UNAVAILABLE', `${options.url} is unreachable: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
      if (body.errors?.length) {
        const first = body.errors[0]!;
        throw new ShopError(
          first.extensions?.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'UNAVAILABLE',
          `${options.url}: ${first.message}`,
          { upstreamCode: first.extensions?.code },
        );
      }
      if (!response.ok || !body.data) {
        throw new ShopError('UNAVAILABLE', `${options.url} answered HTTP ${response.status}`);
      }
      return body.data;
    },
  };
}
