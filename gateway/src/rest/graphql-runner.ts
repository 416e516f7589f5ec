import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createServiceClient, type ServiceClient } from '@shop/platform';
import type { GatewayContext } from '../gateway-context';
import { RestError, restErrorOfGraphQL } from './rest-error';
import type { GraphQLCall, RunGraphQL } from './rest-route';

/** Undefined values are "not given" in GraphQL; dropping them keeps optional arguments absent. */
function withoutUndefined(variables: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
}

/** Runs operations on the gateway's own Apollo server, with the context `/graphql` builds. */
export function gatewayRunner(apollo: ApolloServer<GatewayContext>, context: GatewayContext) {
  return async <D>(call: GraphQLCall): Promise<D> => {
    const response = await apollo.executeOperation<Record<string, unknown>>(
      { query: call.document, variables: withoutUndefined(call.variables) },
      { contextValue: context },
    );
    if (response.body.kind !== 'single') throw new RestError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected incremental result');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw restErrorOfGraphQL(errors);
    if (!data) throw new RestError(502, 'BAD_GATEWAY', 'The supergraph answered no data');
    return data as D;
  };
}

/**
 * Runs internal (`@inaccessible`) operations straight at the inventory subgraph with the
 * gateway's service identity; only routes whose access is `staff` target it.
 */
export function inventoryClient(options: { url: string; identitySecret: string }): ServiceClient {
  return createServiceClient({ service: 'gateway-rest', url: options.url, identitySecret: options.identitySecret });
}

export function runnerFor(options: {
  apollo: ApolloServer<GatewayContext>;
  context: GatewayContext;
  inventory: ServiceClient;
  timeoutMs: number;
}): RunGraphQL {
  const onGateway = gatewayRunner(options.apollo, options.context);
  return async <D>(call: GraphQLCall): Promise<D> => {
    if (call.target === 'gateway') return onGateway<D>(call);
    try {
      return await options.inventory.request<D>(call.document, withoutUndefined(call.variables), {
        requestId: options.context.requestId,
        timeoutMs: options.timeoutMs,
      });
    } catch (error) {
      if (error instanceof GraphQLError) throw restErrorOfGraphQL([{ message: error.message, extensions: error.extensions }]);
      throw error;
    }
  };
}
