import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { ERROR_CODES } from './errors';
import { baseHttpOptions } from './http-options';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { IDENTITY_HEADER, IdentityError, verifyIdentity, type Identity } from './identity';
import type { Logger } from './logger';

type SubgraphResolvers = NonNullable<Parameters<typeof buildSubgraphSchema>[0] extends infer M ? M extends { resolvers?: infer R } ? R : never : never>;

/** What every subgraph's resolver context carries. */
export interface BaseContext extends ApolloBaseContext {
  identity: Identity;
  requestId: string;
  logger: Logger;
}

export interface SubgraphOptions<C extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  /** Resolver map, typed per subgraph by the generated `Resolvers` type. */
  resolvers: object;
  logger: Logger;
  identitySecret: string;
  /** Builds the per-request context (loaders, repositories) from the verified identity. */
  context: (base: BaseContext) => C | Promise<C>;
  /** Throws when the datastore is not reachable; used by `/ready`. */
  readiness: () => Promise<void>;
  plugins?: ApolloServerPlugin<C>[];
}

export interface RunningSubgraph {
  app: FastifyInstance;
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Codes whose messages are meant for clients: ours, and Apollo Server's own request errors. */
const SAFE_CODES = new Set<string>([
  ...ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Keeps expected errors as they are and hides the message of anything unexpected. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && SAFE_CODES.has(code)) return formatted;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function unauthorizedBody(message: string) {
  return { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] };
}

declare module 'fastify' {
  interface FastifyRequest {
    identity?: Identity;
  }
}

/**
 * Builds a federated subgraph on Fastify: `/graphql` (only with a valid signed identity, so
 * `_entities` and `_service` too), `/health` (process alive) and `/ready` (datastore reachable).
 */
export async function createSubgraphApp<C extends BaseContext>(options: SubgraphOptions<C>): Promise<FastifyInstance> {
  const app = Fastify({
    ...baseHttpOptions(options.logger),
    bodyLimit: 1024 * 1024,
  });
  const apollo = new ApolloServer<C>({
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as SubgraphResolvers }),
    includeStacktraceInErrorResponses: false,
    formatError: formatError(options.logger),
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
  });
  await apollo.start();

  app.get('/health', async () => ({ status: 'ok', service: options.name }));
  app.get('/ready', async (_request, reply) => {
    try {
      await options.readiness();
      return { status: 'ready', service: options.name };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', service: options.name, reason: String(error) });
    }
  });

  const handler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      const identity = request.identity;
      if (!identity) throw new Error('identity was not verified');
      const requestId = String(request.id);
      return options.context({ identity, requestId, logger: options.logger.child({ requestId }) });
    },
  });

  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    preHandler: async (request, reply) => {
      const header = request.headers[IDENTITY_HEADER];
      try {
        const identity = verifyIdentity(typeof header === 'string' ? header : undefined, options.identitySecret);
        request.identity = identity;
      } catch (error) {
        const message = error instanceof IdentityError ? error.message : 'invalid identity';
        return reply
          .code(401)
          .type('application/json')
          .send(JSON.stringify(unauthorizedBody(`Unauthenticated: ${message}`)));
      }
    },
    handler,
  });

  // Fastify's close stops accepting, finishes in-flight requests and closes idle sockets; Apollo
  // stops after it. (The integration's drain plugin would call close again from stop and deadlock.)
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  return app;
}

/** Listens on the given port (0 picks a free one) and returns the URL of `/graphql`. */
export async function listen(app: FastifyInstance, port: number, host = '127.0.0.1'): Promise<RunningSubgraph> {
  await app.listen({ port, host });
  const address = app.server.address() as AddressInfo;
  return {
    app,
    port: address.port,
    url: `http://${host}:${address.port}/graphql`,
    close: () => app.close(),
  };
}
