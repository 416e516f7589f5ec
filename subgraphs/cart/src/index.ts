import { createLogger, runService } from '@shop/platform';
import { loadCartConfig } from './config';
import { startCart } from './start';

const config = loadCartConfig();
const logger = createLogger('cart', config.LOG_LEVEL);

runService(logger, () => startCart(config, logger));
