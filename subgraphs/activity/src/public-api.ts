// What other workspaces (gateway, scripts, bench) may use from the activity subgraph.
export { createActivityServer, typeDefs, type ActivityServerDeps } from './server';
export { activityConfigSchema, activitySettingsOf, keyspaceSettingsOf, loadActivityConfig, type ActivityConfig } from './config';
export { connectCassandra, type CassandraSettings } from './data-access/cassandra';
export { dropKeyspace, ensureSchema, type KeyspaceSettings } from './data-access/schema';
export { DEFAULT_SETTINGS, type ActivitySettings } from './domain/settings';
export { EVENT_TYPES, MAX_EVENTS_PER_CALL, type ActivityEventInputLike, type ActivityEventType } from './domain/events';
export { startActivity } from './start';
