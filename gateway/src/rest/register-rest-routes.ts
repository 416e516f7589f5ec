import type { ApolloServer } from '@apollo/server';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { hasEffects as hasAccountsEffects } from '@shop/accounts';
import { subgraphUrl } from '@shop/platform';
import type { Authenticator } from '../authenticate';
import type { GatewayContext } from '../gateway-context';
import { checkAccess } from './access';
import { inventoryClient, runnerFor } from './graphql-runner';
import { buildOpenApiDocument } from './openapi';
import { RestError, statusOfCode } from './rest-error';
import { fastifyPath, type RestResponse, type RestRoute } from './rest-route';
import { REST_ROUTES } from './routes';

export interface RestDeps {
  apollo: ApolloServer<GatewayContext>;
  authenticate: Authenticator;
  /** The gateway's per-API-key rate limit, run after authentication like on `/graphql`. */
  perApiKey: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  identitySecret: string;
  /** The inventory subgraph's /graphql, called directly for the one internal operation (stock decrement); platform's default when absent. */
  inventoryUrl?: string;
  subgraphTimeoutMs: number;
  routes?: readonly RestRoute[];
}

export const OPENAPI_PATH = '/api/openapi.json';
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function parse(schema: z.ZodType, value: unknown, part: 'params' | 'query' | 'body'): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ in: part, path: issue.path.map(String).join('.'), message: issue.message }));
  const first = issues[0]!;
  const where = first.path ? `${part}.${first.path}` : part;
  throw new RestError(400, 'BAD_USER_INPUT', `Invalid ${where}: ${first.message}`, { issues });
}

/** A Fastify error, a GraphQL error (authentication) or a RestError, as a REST error. */
function asRestError(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof GraphQLError) {
    const code = typeof error.extensions.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
    const http = error.extensions.http as { status?: number } | undefined;
    return new RestError(http?.status ?? statusOfCode(code), code, error.message);
  }
  const status = (error as Partial<FastifyError>).statusCode ?? 500;
  if (status === 413) return new RestError(413, 'LIMIT_EXCEEDED', 'The request body is too large');
  if (status === 415) return new RestError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  if (status >= 400 && status < 500) return new RestError(status, 'BAD_REQUEST', (error as Error).message);
  return new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

/** Errors sent by the gateway's shared hooks (the rate limits) come GraphQL-shaped; REST callers get `{ error }`. */
function restShapeOf(payload: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return null;
  }
  const errors = (body as { errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }> } | null)?.errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  if (!first || typeof first.message !== 'string') return null;
  const { code, ...details } = first.extensions ?? {};
  const error = { code: typeof code === 'string' ? code : 'ERROR', message: first.message, ...(Object.keys(details).length ? { details } : {}) };
  return JSON.stringify({ error });
}

/**
 * Serves the REST routes under /api: each authenticated like `/graphql`, rate-limited like it,
 * validated with its zod schemas, then answered by its one GraphQL operation. Unknown paths
 * under /api get 404 and known paths with another method 405 (with `Allow`), all as JSON.
 */
export async function registerRestRoutes(app: FastifyInstance, deps: RestDeps): Promise<void> {
  const routes = deps.routes ?? REST_ROUTES;
  const inventory = inventoryClient({ url: deps.inventoryUrl ?? subgraphUrl('inventory'), identitySecret: deps.identitySecret });
  const openApi = buildOpenApiDocument(routes);

  await app.register(async (api) => {
    api.setErrorHandler((error, request, reply) => {
      const rest = asRestError(error);
      if (rest.status >= 500) {
        // Upstream failures were logged where they happened (the gateway's formatError); the rest are ours.
        if (error instanceof RestError) request.log.warn({ code: rest.code, route: request.routeOptions.url }, 'REST request failed upstream');
        else request.log.error({ err: error }, 'REST request failed');
      }
      return reply.code(rest.status).headers(rest.headers).send(rest.body());
    });
    api.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
      return restShapeOf(payload) ?? payload;
    });

    const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
      request.shopIdentity = await deps.authenticate(request, reply);
    };

    for (const route of routes) {
      api.route({
        method: route.method,
        url: fastifyPath(route.path),
        preHandler: [authenticate, deps.perApiKey],
        handler: async (request, reply) => {
          const identity = request.shopIdentity!;
          checkAccess(route.access, identity, request, reply);
          const input = {
            params: parse(route.params, request.params ?? {}, 'params'),
            query: parse(route.query, request.query ?? {}, 'query'),
            body: route.body ? parse(route.body, request.body, 'body') : undefined,
            identity,
          };
          const context: GatewayContext = { identity, requestId: String(request.id), clientAddress: request.ip, accountsEffects: {} };
          request.gatewayContext = context;
          const run = runnerFor({ apollo: deps.apollo, context, inventory, timeoutMs: deps.subgraphTimeoutMs });
          let response: RestResponse;
          try {
            response = await route.execute(input, run);
          } finally {
            // Before the reply is sent: session effects set or clear cookies, as on /graphql.
            const effects = context.accountsEffects;
            if (effects && hasAccountsEffects(effects)) deps.authenticate.applyAccountsEffects?.(effects, request, reply);
          }
          return reply.code(response.status).send(response.body);
        },
      });
    }

    api.get(OPENAPI_PATH, async () => openApi);

    const allowedByPath = new Map<string, Set<string>>([[OPENAPI_PATH, new Set(['GET'])]]);
    for (const route of routes) {
      const url = fastifyPath(route.path);
      allowedByPath.set(url, (allowedByPath.get(url) ?? new Set()).add(route.method));
    }
    for (const [url, allowed] of allowedByPath) {
      if (allowed.has('GET')) allowed.add('HEAD');
      const allow = METHODS.filter((method) => allowed.has(method) || method === 'OPTIONS').join(', ');
      api.route({
        method: METHODS.filter((method) => !allowed.has(method)),
        url,
        handler: async (request, reply) => {
          if (request.method === 'OPTIONS') return reply.code(204).header('allow', allow).send();
          throw new RestError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${url}; use ${allow}`, undefined, { allow });
        },
      });
    }

    const notFound = async (request: FastifyRequest) => {
      throw new RestError(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    };
    api.all('/api', notFound);
    api.all('/api/*', notFound);
  });
}
