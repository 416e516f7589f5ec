import { createLogger, runService } from '@shop/platform';
import { loadInventoryConfig } from './config';
import { startInventory } from './start';

const config = loadInventoryConfig();
const logger = createLogger('inventory', config.LOG_LEVEL);

runService(logger, () => startInventory(config, logger));
