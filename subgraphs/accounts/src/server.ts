import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import gql from 'graphql-tag';
import type { Pool } from 'pg';
import { CLIENT_ADDRESS_HEADER, createSubgraphApp, verifyClientAddress, type Logger, type RoundTripCounter } from '@shop/platform';
import type { AccountsConfig } from './config';
import { createLoaders, type AccountsRepositories, type AccountsServices, type AccountsSettings, type Context } from './context';
import { createApiKeyRepository } from './data-access/api-key-repository';
import { migrate, pruneExpired } from './data-access/postgres';
import { createSessionRepository } from './data-access/session-repository';
import { createThrottleRepository } from './data-access/throttle-repository';
import { createUserRepository } from './data-access/user-repository';
import { createShopperDataMerger, type MergeShopperData } from './domain/merge-shopper-data';
import { createPasswordHasher, OWASP_SCRYPT_LOG2N } from './domain/password';
import { normalizeEmail } from './domain/credentials';
import { newId } from './domain/tokens';
import { ACCOUNTS_EFFECTS_EXTENSION, hasEffects } from './gateway-protocol';
import { resolvers } from './resolvers';

export const typeDefs = gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface AccountsDeps {
  pool: Pool;
  /** The PostgreSQL schema the pool's search_path points at (migrations create it). */
  schema: string;
  logger: Logger;
  identitySecret: string;
  settings: AccountsSettings;
  /** log2 of scrypt's N (default 17, OWASP). */
  passwordLog2N?: number;
  /** Where guest data is merged at sign-in (cart mergeCarts, activity mergeShopperActivity). */
  cartUrl: string;
  activityUrl: string;
  mergeTimeoutMs?: number;
  /** Admin ensured at start (created if absent, promoted if present). */
  admin?: { email: string; password: string; name: string };
  roundTrips?: RoundTripCounter;
}

export function settingsFromConfig(config: AccountsConfig): AccountsSettings {
  return {
    sessionTtlSeconds: config.SESSION_TTL_SECONDS,
    throttle: {
      windowSeconds: config.SIGN_IN_WINDOW_SECONDS,
      maxAttemptsPerAccount: config.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT,
      maxAttemptsPerAddress: config.SIGN_IN_MAX_ATTEMPTS_PER_ADDRESS,
    },
    defaultApiKeyRateLimitPerMinute: config.API_KEY_RATE_LIMIT_PER_MINUTE,
  };
}

export function createRepositories(pool: Pool, roundTrips?: RoundTripCounter): AccountsRepositories {
  return {
    users: createUserRepository(pool, roundTrips),
    sessions: createSessionRepository(pool, roundTrips),
    apiKeys: createApiKeyRepository(pool, roundTrips),
    throttle: createThrottleRepository(pool, roundTrips),
  };
}

/** Reads the gateway-signed client address in, and hands the mutations' effects to the gateway. */
function gatewayProtocolPlugin(identitySecret: string): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      contextValue.clientAddress = verifyClientAddress(request.http?.headers.get(CLIENT_ADDRESS_HEADER), identitySecret);
      return {
        async willSendResponse({ response, contextValue: context }) {
          if (response.body.kind !== 'single' || !hasEffects(context.effects)) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, [ACCOUNTS_EFFECTS_EXTENSION]: context.effects };
        },
      };
    },
  };
}

/** Builds the accounts subgraph (not listening yet): migrates, ensures the admin, wires resolvers. */
export async function createAccountsServer(deps: AccountsDeps) {
  const repositories = createRepositories(deps.pool, deps.roundTrips);
  await migrate(deps.pool, deps.schema);
  await pruneExpired(deps.pool, deps.settings.throttle.windowSeconds);
  const passwords = createPasswordHasher(deps.passwordLog2N ?? OWASP_SCRYPT_LOG2N);
  if (deps.admin) {
    const { email, password, name } = deps.admin;
    const outcome = await repositories.users.ensureAdmin({ id: newId(), email: normalizeEmail(email), name, passwordHash: () => passwords.hash(password) });
    deps.logger.info({ email: normalizeEmail(email), outcome }, 'admin account ensured');
  }
  const mergeShopperData: MergeShopperData = createShopperDataMerger({
    cartUrl: deps.cartUrl,
    activityUrl: deps.activityUrl,
    identitySecret: deps.identitySecret,
    timeoutMs: deps.mergeTimeoutMs ?? 3_000,
  });
  const services: AccountsServices = { passwords, mergeShopperData, settings: deps.settings };
  return createSubgraphApp<Context>({
    name: 'accounts',
    typeDefs,
    resolvers,
    logger: deps.logger,
    identitySecret: deps.identitySecret,
    readiness: async () => {
      await deps.pool.query('SELECT 1');
    },
    context: (base) => ({
      ...base,
      repositories,
      services,
      loaders: createLoaders(repositories),
      clientAddress: null,
      effects: {},
      signedInUserId: null,
    }),
    plugins: [gatewayProtocolPlugin(deps.identitySecret)],
  });
}
