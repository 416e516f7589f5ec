import { z } from 'zod';
import { GUEST_TOKEN_HEADER } from '../authenticate';
import { SESSION_COOKIE } from '../session-cookie';
import { restErrorBodySchema } from './rest-error';
import type { RestRoute } from './rest-route';
import { components } from './schemas';

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, OpenApiOperation>> };
interface OpenApiOperation {
  operationId: string;
  parameters: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  [key: string]: unknown;
}

const ref = (id: string) => `#/components/schemas/${id}`;

components.add(restErrorBodySchema, { id: 'Error' });

/** OpenAPI 3.1 takes JSON Schema 2020-12 as is; only the per-schema `$schema`/`$id` headers go. */
function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = components.get(schema)?.id;
  if (id) return { $ref: ref(id) };
  return clean(z.toJSONSchema(schema, { io, target: 'draft-2020-12' }) as JsonSchema);
}

type ObjectSchema = { properties?: Record<string, JsonSchema>; required?: string[] };

const COMMON_ERRORS: Readonly<Record<number, string>> = {
  400: 'Bad input: a parameter or the body is invalid (validated before any GraphQL runs), or the operation refused it.',
  401: 'Not authenticated: an unknown or revoked credential, or this route needs a session.',
  402: 'The payment was declined.',
  403: 'Authenticated, but not allowed (e.g. a partner key beyond its scopes, or a shopper on a service route).',
  404: 'Unknown resource.',
  409: 'Conflicts with the current state (stock, idempotency key, checkout in progress).',
  429: 'Over the rate limit; see Retry-After.',
  502: 'A service behind the gateway failed or could not be reached.',
  503: 'A service behind the gateway is unavailable (its circuit breaker is open: see Retry-After).',
  504: 'A service behind the gateway did not answer in time.',
};
const ALWAYS = [400, 401, 403, 429, 502, 503, 504];

/**
 * Path and query parameters from the route's zod objects, one per property. A list parameter
 * (`?ids=a,b`) is described by what it becomes: an array, comma-separated in the query string.
 */
function parametersOf(route: RestRoute): unknown[] {
  const parameters: unknown[] = [];
  for (const [location, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    const input = toSchema(schema, 'input') as ObjectSchema;
    const output = toSchema(schema, 'output') as ObjectSchema;
    for (const [name, property] of Object.entries(input.properties ?? {})) {
      const list = Array.isArray(property.anyOf);
      const { description, ...propertySchema } = list ? { ...output.properties?.[name], description: property.description } : property;
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (input.required ?? []).includes(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: propertySchema,
        ...(list ? { style: 'form', explode: false } : {}),
      });
    }
  }
  return parameters;
}

function operationOf(route: RestRoute): OpenApiOperation {
  const responses: Record<string, unknown> = {
    [route.success.status]: {
      description: route.success.description,
      content: { 'application/json': { schema: toSchema(route.success.schema, 'output') } },
    },
  };
  for (const status of [...new Set([...ALWAYS, ...route.errors])].sort((a, b) => a - b)) {
    responses[status] = { description: COMMON_ERRORS[status] ?? 'Error.', content: { 'application/json': { schema: { $ref: ref('Error') } } } };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: `${route.description}\n\nGraphQL operation:\n\n\`\`\`graphql\n${route.document.replace(/\n\s+/g, '\n  ')}\n\`\`\``,
    parameters: parametersOf(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } } : {}),
    responses,
    ...(route.access === 'staff' ? { security: [{ session: [] }, { bearer: [] }] } : {}),
  };
}

/** The OpenAPI 3.1 document of the REST routes, derived from the same definitions the router serves. */
export function buildOpenApiDocument(routes: readonly RestRoute[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  const { schemas } = z.toJSONSchema(components, { io: 'output', target: 'draft-2020-12', uri: ref }) as { schemas: Record<string, JsonSchema> };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shop REST API',
      version: '1.0.0',
      description:
        'Plain HTTP+JSON routes served by the gateway, each backed by one GraphQL operation of the supergraph, with the same identity, limits and errors as /graphql. Errors are `{ "error": { "code", "message", "details"? } }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [
      { name: 'catalog', description: 'Products (catalog subgraph).' },
      { name: 'stock', description: 'Stock per region (inventory subgraph).' },
      { name: 'recommendations', description: 'Trending, personal, contextual and similar products.' },
      { name: 'activity', description: 'Views and clicks of shoppers.' },
      { name: 'cart', description: "The caller's cart." },
      { name: 'orders', description: 'Checkout and order history.' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema)])),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Browser session (set by signIn/signUp).' },
        bearer: { type: 'http', scheme: 'bearer', description: 'Session token for server clients.' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Partner API key (read scopes only).' },
        guest: { type: 'apiKey', in: 'header', name: GUEST_TOKEN_HEADER, description: 'Guest session handed out on the first request.' },
      },
    },
    security: [{}, { session: [] }, { bearer: [] }, { apiKey: [] }, { guest: [] }],
  };
}
