import { createLogger, listen, runService } from '@shop/platform';
import { loadAccountsConfig } from './config';
import { createPool } from './data-access/postgres';
import { createAccountsServer, settingsFromConfig } from './server';

const config = loadAccountsConfig();
const logger = createLogger('accounts', config.LOG_LEVEL);

runService(logger, async () => {
  const pool = createPool(config.POSTGRES_URL, config.ACCOUNTS_SCHEMA);
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
    close: async () => {
      await running.close();
      await pool.end();
    },
  };
});
