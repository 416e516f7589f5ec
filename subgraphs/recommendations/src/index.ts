import { createLogger, runService } from '@shop/platform';
import { loadRecommendationsConfig } from './config';
import { startRecommendations } from './start';

const config = loadRecommendationsConfig();
const logger = createLogger('recommendations', config.LOG_LEVEL);

runService(logger, () => startRecommendations(config, logger));
