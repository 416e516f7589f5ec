import { createLogger, runService } from '@shop/platform';
import { loadCatalogConfig } from './config';
import { startCatalog } from './start';

const config = loadCatalogConfig();
const logger = createLogger('catalog', config.LOG_LEVEL);

runService(logger, () => startCatalog(config, logger));
