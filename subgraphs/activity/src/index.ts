import { createLogger, runService } from '@shop/platform';
import { loadActivityConfig } from './config';
import { startActivity } from './start';

const config = loadActivityConfig();
const logger = createLogger('activity', config.LOG_LEVEL);

runService(logger, () => startActivity(config, logger));
