import type { Identity } from '@shop/platform';
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Who may call a route, checked after authentication and before the input is read:
 * `anyone` (guests included), `session` (a signed-in session or an existing guest session, never
 * a bare header such as X-User-Email), `staff` (an admin session or a service identity).
 */
export type Access = 'anyone' | 'session' | 'staff';

/** Where a route's one GraphQL operation runs: the supergraph (default), or an internal operation straight at inventory. */
export type Target = 'gateway' | 'inventory';

export interface GraphQLCall {
  document: string;
  variables: Record<string, unknown>;
  target: Target;
}

/** Runs a route's operation and returns its data; throws a RestError for any GraphQL error. */
export type RunGraphQL = <D>(call: GraphQLCall) => Promise<D>;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  identity: Identity;
}

export interface RestResponse {
  status: number;
  body: unknown;
}

type EmptyObject = z.ZodObject<Record<string, never>, z.core.$strict>;
const empty = (): EmptyObject => z.object({}).strict();

/** One REST route, written once: the HTTP side, its one GraphQL operation and the mapping between. */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, D, R extends z.ZodType> {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI form: `/api/products/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  access?: Access;
  params?: P;
  query?: Q;
  /** JSON body; absent for GET and DELETE. */
  body?: B;
  target?: Target;
  /** The one GraphQL operation behind the route. */
  document: string;
  variables(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Record<string, unknown>;
  /** The success body from the operation's data; throws a RestError for a refusal found in the data (404, userErrors). */
  respond(data: D, input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): z.input<R>;
  success: { status: 200 | 201; schema: R; description: string };
  /** Statuses besides success and the ones every route may answer (400, 401, 429, 502, 503). */
  errors?: number[];
}

/** The same route with its types erased, as the router and the OpenAPI builder see it. */
export interface RestRoute {
  operationId: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  description: string;
  access: Access;
  params: z.ZodType;
  query: z.ZodType;
  body: z.ZodType | undefined;
  target: Target;
  document: string;
  success: { status: 200 | 201; schema: z.ZodType; description: string };
  errors: number[];
  execute(input: Omit<RouteInput<unknown, unknown, unknown>, 'identity'> & { identity: Identity }, run: RunGraphQL): Promise<RestResponse>;
}

export function defineRoute<
  D,
  R extends z.ZodType,
  P extends z.ZodType = EmptyObject,
  Q extends z.ZodType = EmptyObject,
  B extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<P, Q, B, D, R>): RestRoute {
  const target = spec.target ?? 'gateway';
  return {
    operationId: spec.operationId,
    method: spec.method,
    path: spec.path,
    tag: spec.tag,
    summary: spec.summary,
    description: spec.description,
    access: spec.access ?? 'anyone',
    params: spec.params ?? empty(),
    query: spec.query ?? empty(),
    body: spec.body,
    target,
    document: spec.document,
    success: spec.success,
    errors: spec.errors ?? [],
    async execute(input, run) {
      // The router parsed params, query and body with this route's own schemas.
      const typed = input as RouteInput<z.output<P>, z.output<Q>, z.output<B>>;
      const data = await run<D>({ document: spec.document, variables: spec.variables(typed), target });
      return { status: spec.success.status, body: spec.respond(data, typed) };
    },
  };
}

/** Fastify's form of an OpenAPI path: `/api/products/{id}` → `/api/products/:id`. */
export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
