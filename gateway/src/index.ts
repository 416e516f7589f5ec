import { readFileSync } from 'node:fs';
import { createLogger, listen, runService, SUBGRAPH_NAMES, subgraphUrl } from '@shop/platform';
import { createAuthenticator } from './authenticate';
import { SUPERGRAPH_FILE } from './composition';
import { isLocalOrigin, loadGatewayConfig, settingsFromConfig } from './config';
import { createCredentialResolver } from './credentials';
import { createGatewayServer } from './gateway-server';
import { SubgraphBreakers } from './subgraph-breakers';

const config = loadGatewayConfig();
const logger = createLogger('gateway', config.LOG_LEVEL);

runService(logger, async () => {
  const secure = !isLocalOrigin(config.PUBLIC_ORIGIN);
  const settings = settingsFromConfig(config);
  // One breaker per subgraph, shared by the query plans and the credential lookups at accounts.
  const breakers = new SubgraphBreakers(settings.breaker, logger);
  const app = await createGatewayServer({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)])),
    identitySecret: config.IDENTITY_SECRET,
    cookieSecret: config.COOKIE_SECRET,
    authenticate: createAuthenticator({
      cookieSecret: config.COOKIE_SECRET,
      secureCookies: secure,
      credentials: createCredentialResolver({
        accountsUrl: subgraphUrl('accounts'),
        identitySecret: config.IDENTITY_SECRET,
        ttlMs: config.CREDENTIAL_CACHE_TTL_MS,
        timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
        breakers,
      }),
    }),
    logger,
    settings,
    breakers,
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'gateway ready');
  return { close: running.close };
});
