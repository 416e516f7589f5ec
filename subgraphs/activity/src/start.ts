import { listen, type Logger, type StartedService } from '@shop/platform';
import { activitySettingsOf, keyspaceSettingsOf, type ActivityConfig } from './config';
import { connectCassandra } from './data-access/cassandra';
import { createActivityServer } from './server';

/** Connects to the store, builds the activity subgraph and listens: what `index.ts` runs, and what tests and tools start in-process. */
export async function startActivity(config: ActivityConfig, logger: Logger): Promise<StartedService> {
  const client = await connectCassandra({
    contactPoints: config.CASSANDRA_CONTACT_POINTS,
    localDataCenter: config.CASSANDRA_LOCAL_DATACENTER,
  });
  const app = await createActivityServer({
    client,
    keyspace: keyspaceSettingsOf(config),
    logger,
    identitySecret: config.IDENTITY_SECRET,
    catalogUrl: config.CATALOG_URL,
    settings: activitySettingsOf(config),
  });
  const running = await listen(app, config.PORT, config.HOST);
  logger.info({ url: running.url }, 'activity subgraph ready');
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await client.shutdown();
    },
  };
}
