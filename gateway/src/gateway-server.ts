import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { baseHttpOptions, type Identity, type Logger } from '@shop/platform';
import { hasEffects as hasAccountsEffects } from '@shop/accounts';
import type { Authenticator } from './authenticate';
import type { GatewayContext } from './gateway-context';
import { gatewayFormatError } from './gateway-errors';
import { registerHttpPolicy } from './http-policy';
import { DEFAULT_OPERATION_LIMITS, operationLimitsPlugin, type OperationLimits } from './operation-limits';
import { enforcePartnerScopes } from './partner-scopes';
import { registerRateLimits } from './rate-limits';
import { readSafelistManifest, Safelist, type SafelistManifest } from './safelist';
import { safelistGuard } from './safelist-guard';
import { registerRestRoutes } from './rest/register-rest-routes';
import { webApp } from './web-app';
import { SignatureCache } from './signature-cache';
import { SignedDataSource } from './signed-data-source';
import { DEFAULT_BREAKER_SETTINGS, SubgraphBreakers, type BreakerSettings } from './subgraph-breakers';

/** Limits and policies; every field has a default (see DEFAULT_GATEWAY_SETTINGS and config.ts). */
export interface GatewaySettings {
  /** Production: introspection, field suggestions and query-plan headers off. */
  production: boolean;
  corsOrigins: string[];
  /** Serving over HTTPS (Secure cookies are the authenticator's; this sends HSTS). */
  secure: boolean;
  /** Fastify trustProxy: false, true, or a comma list of proxy addresses/CIDRs. */
  trustProxy: boolean | string;
  maxBodyBytes: number;
  maxTokens: number;
  perAddressPerMinute: number;
  /** Timeout of one subgraph call. */
  subgraphTimeoutMs: number;
  /** Per-subgraph circuit breaker: consecutive failures that open it, and its cool-down. */
  breaker: BreakerSettings;
  limits: OperationLimits;
}

export const DEFAULT_GATEWAY_SETTINGS: GatewaySettings = {
  production: false,
  corsOrigins: ['http://localhost:4000', 'http://localhost:5173'],
  secure: false,
  trustProxy: false,
  maxBodyBytes: 64 * 1024,
  maxTokens: 2_000,
  perAddressPerMinute: 600,
  subgraphTimeoutMs: 10_000,
  breaker: DEFAULT_BREAKER_SETTINGS,
  limits: DEFAULT_OPERATION_LIMITS,
};

export interface GatewayDeps {
  supergraphSdl: string;
  /** Subgraph name → URL; overrides the URLs recorded in the supergraph (tests, other hosts). */
  subgraphUrls: Record<string, string>;
  identitySecret: string;
  /** Kept for compatibility; the guest-session secret is the authenticator's (createAuthenticator({ cookieSecret })). */
  cookieSecret: string;
  authenticate: Authenticator;
  logger: Logger;
  /** The built web app served at `/` (default web/dist); null serves none. */
  webRoot?: string | null;
  /** Overrides of DEFAULT_GATEWAY_SETTINGS (limits and breaker merge field by field). */
  settings?: Partial<Omit<GatewaySettings, 'limits' | 'breaker'>> & { limits?: Partial<OperationLimits>; breaker?: Partial<BreakerSettings> };
  /** Operations a partner key in safelist mode may run (default: gateway/safelist/manifest.json). */
  safelist?: SafelistManifest;
  /** The subgraphs' circuit breakers, when shared with other callers (e.g. the credential resolver's accounts calls). */
  breakers?: SubgraphBreakers;
}

declare module 'fastify' {
  interface FastifyRequest {
    shopIdentity?: Identity;
    gatewayContext?: GatewayContext;
  }
}

function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * The public entry: `/graphql` served by @apollo/gateway over the signed-identity data sources,
 * behind authentication, rate limits, operation limits, partner scopes, CORS and security headers.
 */
export async function createGatewayServer(deps: GatewayDeps): Promise<FastifyInstance> {
  const settings: GatewaySettings = {
    ...DEFAULT_GATEWAY_SETTINGS,
    ...deps.settings,
    limits: { ...DEFAULT_OPERATION_LIMITS, ...deps.settings?.limits },
    breaker: { ...DEFAULT_BREAKER_SETTINGS, ...deps.settings?.breaker },
  };
  const breakers = deps.breakers ?? new SubgraphBreakers(settings.breaker, deps.logger);
  const signatures = new SignatureCache(deps.identitySecret);
  const app = Fastify({
    ...baseHttpOptions(deps.logger),
    bodyLimit: settings.maxBodyBytes,
    trustProxy: settings.trustProxy,
  });
  app.setErrorHandler((error: FastifyError | GraphQLError, request, reply) => {
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
      // Expected refusals before Apollo: authentication (UNAUTHENTICATED 401, UNAVAILABLE 503) and the partner safelist.
      const http = error.extensions.http as { status?: number } | undefined;
      return reply.code(http?.status ?? 400).send(errorBody(error.message, error.extensions.code));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'gateway request failed');
    if (status === 413) return reply.code(413).send(errorBody(`The request body is over ${settings.maxBodyBytes} bytes`, 'LIMIT_EXCEEDED'));
    return reply.code(status).send(status >= 500 ? errorBody('Internal server error', 'INTERNAL_SERVER_ERROR') : errorBody(error.message, 'BAD_REQUEST'));
  });
  registerHttpPolicy(app, { corsOrigins: settings.corsOrigins, secure: settings.secure });
  const rateLimits = await registerRateLimits(app, { perAddressPerMinute: settings.perAddressPerMinute });

  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) => {
      breakers.track(name);
      return new SignedDataSource(deps.subgraphUrls[name] ?? url!, { name, timeoutMs: settings.subgraphTimeoutMs, breakers, signatures });
    },
    experimental_didResolveQueryPlan: enforcePartnerScopes,
    __exposeQueryPlanExperimental: false,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: gatewayFormatError(deps.logger),
    introspection: !settings.production,
    hideSchemaDetailsFromClientErrors: settings.production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: settings.maxTokens },
    // No fastifyApolloDrainPlugin: it calls app.close() from apollo.stop(), which runs inside
    // app.close()'s onClose hook below and never returns. Fastify drains connections itself.
    plugins: [operationLimitsPlugin(settings.limits)],
  });
  await apollo.start();

  const handle = fastifyApolloHandler(apollo, {
    context: async (request) => {
      if (!request.shopIdentity) throw new Error('request was not authenticated');
      request.gatewayContext = { identity: request.shopIdentity, requestId: String(request.id), clientAddress: request.ip, accountsEffects: {} };
      return request.gatewayContext;
    },
  });

  app.get('/health', async () => ({ status: 'ok', service: 'gateway' }));
  // Ready while it can serve; an open breaker degrades it (other subgraphs still answer) rather than taking it out of rotation.
  app.get('/ready', async () => {
    const subgraphs = breakers.states();
    const degraded = Object.values(subgraphs).some((subgraph) => subgraph.state !== 'closed');
    return { status: degraded ? 'degraded' : 'ready', service: 'gateway', subgraphs };
  });
  app.route<{ Reply: string }>({
    method: ['GET', 'POST', 'OPTIONS'],
    url: '/graphql',
    preHandler: [
      async (request, reply) => {
        request.shopIdentity = await deps.authenticate(request, reply);
      },
      rateLimits.perApiKey,
      safelistGuard(new Safelist(deps.safelist ?? readSafelistManifest(), { maxTokens: settings.maxTokens })),
    ],
    handler: async function (request, reply) {
      const body = await handle.call(this, request, reply);
      const effects = request.gatewayContext?.accountsEffects;
      if (effects && hasAccountsEffects(effects)) deps.authenticate.applyAccountsEffects?.(effects, request, reply);
      return body;
    },
  });
  await registerRestRoutes(app, {
    apollo,
    authenticate: deps.authenticate,
    perApiKey: rateLimits.perApiKey,
    identitySecret: deps.identitySecret,
    inventoryUrl: deps.subgraphUrls.inventory,
    subgraphTimeoutMs: settings.subgraphTimeoutMs,
  });
  if (deps.webRoot !== null) await app.register(webApp, deps.webRoot ? { root: deps.webRoot } : {});
  app.addHook('onClose', async () => {
    await apollo.stop();
  });
  return app;
}
