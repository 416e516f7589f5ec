import { z } from 'zod';
import { commonEnv, loadConfig, portEnv, SERVICE_PORTS, serviceUrlEnv, subgraphUrl } from '@shop/platform';
import type { KeyspaceSettings } from './data-access/schema';
import type { ActivitySettings } from './domain/settings';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const activityConfigSchema = z.object({
  ...commonEnv,
  PORT: portEnv(SERVICE_PORTS.activity),
  CASSANDRA_CONTACT_POINTS: z.string().min(1).default('127.0.0.1:19042'),
  CASSANDRA_LOCAL_DATACENTER: z.string().min(1).default('datacenter1'),
  ACTIVITY_KEYSPACE: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,47}$/, 'must be a lowercase Cassandra identifier of at most 48 characters')
    .default('activity'),
  /** `simple` (SimpleStrategy, local) or `network` (NetworkTopologyStrategy, production). */
  ACTIVITY_REPLICATION: z.enum(['simple', 'network']).default('simple'),
  ACTIVITY_REPLICATION_FACTOR: positiveInt(1),
  /** For `network`: `dc1:3,dc2:3`; empty means the local datacenter with ACTIVITY_REPLICATION_FACTOR. */
  ACTIVITY_REPLICATION_DATACENTERS: z
    .string()
    .regex(/^([A-Za-z0-9_-]+:\d+)?(,[A-Za-z0-9_-]+:\d+)*$/, 'must look like dc1:3,dc2:3')
    .default(''),
  ACTIVITY_RETENTION_DAYS: positiveInt(90),
  ACTIVITY_MAX_EVENT_AGE_HOURS: positiveInt(168),
  ACTIVITY_PRUNE_INTERVAL_MINUTES: nonNegativeInt(60),
  TRENDING_WINDOW_HOURS: positiveInt(72),
  TRENDING_HALF_LIFE_HOURS: positiveInt(24),
  TRENDING_CACHE_SECONDS: nonNegativeInt(30),
  /** Product ids shown when there is no activity and the catalog cannot be asked for its newest products. */
  TRENDING_FALLBACK_PRODUCT_IDS: z.string().default(''),
  CATALOG_URL: serviceUrlEnv(subgraphUrl('catalog')),
});

export type ActivityConfig = z.infer<typeof activityConfigSchema>;

export const loadActivityConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig('activity', activityConfigSchema, env);

/** The tunables the use cases read, from the parsed config. */
export function activitySettingsOf(config: ActivityConfig): ActivitySettings {
  return {
    retentionDays: config.ACTIVITY_RETENTION_DAYS,
    maxEventAgeHours: config.ACTIVITY_MAX_EVENT_AGE_HOURS,
    trendingWindowHours: config.TRENDING_WINDOW_HOURS,
    trendingHalfLifeHours: config.TRENDING_HALF_LIFE_HOURS,
    trendingCacheSeconds: config.TRENDING_CACHE_SECONDS,
    fallbackProductIds: config.TRENDING_FALLBACK_PRODUCT_IDS.split(',').map((id) => id.trim()).filter(Boolean),
    pruneIntervalMinutes: config.ACTIVITY_PRUNE_INTERVAL_MINUTES,
  };
}

export function keyspaceSettingsOf(config: ActivityConfig): KeyspaceSettings {
  return {
    keyspace: config.ACTIVITY_KEYSPACE,
    replication: config.ACTIVITY_REPLICATION,
    replicationFactor: config.ACTIVITY_REPLICATION_FACTOR,
    datacenters: config.ACTIVITY_REPLICATION_DATACENTERS,
    localDataCenter: config.CASSANDRA_LOCAL_DATACENTER,
  };
}
