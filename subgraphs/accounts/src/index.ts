import { createLogger, runService } from '@shop/platform';
import { loadAccountsConfig } from './config';
import { startAccounts } from './start';

const config = loadAccountsConfig();
const logger = createLogger('accounts', config.LOG_LEVEL);

runService(logger, () => startAccounts(config, logger));
