import { createPostgresPool, listen, type Logger, type StartedService } from '@shop/platform';
import type { AccountsConfig } from './config';
import { createAccountsServer, settingsFromConfig } from './server';

/** Connects to the store, builds the accounts subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startAccounts(config: AccountsConfig, logger: Logger): Promise<StartedService> {
  const pool = createPostgresPool({ url: config.POSTGRES_URL, schema: config.ACCOUNTS_SCHEMA, logger });
  const app = await createAccountsServer({
    pool,
    schema: config.ACCOUNTS_SCHEMA,
    logger,
    identitySecret: config.IDENTITY_SECRET,
    settings: settingsFromConfig(config),
    passwordLog2N: config.PASSWORD_SCRYPT_LOG2N,
    cartUrl: config.CART_URL,
    activityUrl: config.ACTIVITY_URL,
    mergeTimeoutMs: config.MERGE_TIMEOUT_MS,
    admin: { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, name: config.ADMIN_NAME },
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'accounts subgraph ready');
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await pool.end();
    },
  };
}
