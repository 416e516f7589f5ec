// Types shared by the stack modules.

export type StoreName = 'postgres' | 'redis' | 'mongodb' | 'cassandra' | 'dynamodb';

export const ALL_STORES: readonly StoreName[] = ['cassandra', 'postgres', 'redis', 'mongodb', 'dynamodb'];

export interface StackConnections {
  POSTGRES_URL: string;
  REDIS_URL: string;
  MONGODB_URL: string;
  CASSANDRA_CONTACT_POINTS: string;
  CASSANDRA_LOCAL_DATACENTER: string;
  DYNAMODB_ENDPOINT: string;
}

export type Log = (line: string) => void;

/** What the orchestrator needs from one store module. */
export interface StoreDriver {
  name: StoreName;
  /** Human name used in messages, e.g. "PostgreSQL 15". */
  title: string;
  /** Environment variable that points at an external server. */
  envVar: keyof StackConnections;
  /** Connection string of the local server. */
  localUrl: string;
  /** Loopback port of the local server. */
  port: number;
  /** Longest time to wait for the server to become healthy after starting it. */
  startTimeoutMs: number;
  /** Text that must appear in /proc/<pid>/cmdline for the pid file to be trusted. */
  processMarker: string;
  /** How to fix a failure, e.g. "set MONGODB_URL to use your own server". */
  fixHint: string;
  isInstalled(): boolean;
  install(log: Log): Promise<void>;
  /** Starts the server detached; returns its pid. */
  start(log: Log): Promise<number>;
  /** True when a server answers a real request at url. */
  healthy(url: string): Promise<boolean>;
  /** Custom stop (postgres uses pg_ctl); called even without a live pid file. Default: SIGTERM, then SIGKILL. */
  stop?(pid: number | undefined): Promise<void>;
}
