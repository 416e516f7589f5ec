import { createLogger, runService } from '@shop/platform';
import { loadOrdersConfig } from './config';
import { startOrders } from './start';

const config = loadOrdersConfig();
const logger = createLogger('orders', config.LOG_LEVEL);

runService(logger, () => startOrders(config, logger));
