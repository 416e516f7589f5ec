// Public entry of @shop/stack: install, start, check and stop the local datastores.
import { externalUrl, installStore, stopStore, storeHealthy, upStore } from './lifecycle';
import { DRIVERS } from './stores';
import { DATACENTER } from './stores/cassandra-config';
import { ALL_STORES } from './types';
import type { Log, StackConnections, StoreName } from './types';

export type { StackConnections, StoreName } from './types';
export { ALL_STORES } from './types';
export { StoreError } from './lifecycle';
export { cacheDir, dataDir, stackDir } from './paths';
export { aptInstall } from './installers';

export interface StackUpOptions {
  /** Stores to bring up (default: all five). */
  stores?: StoreName[];
  /** Progress lines (installs, starts); default: silent. */
  log?: (line: string) => void;
}

export interface StackUpResult {
  connections: StackConnections;
  /** Stores this call started (stop exactly these with stackDown(started)). */
  started: StoreName[];
}

export interface StoreStatus {
  store: StoreName;
  url: string;
  healthy: boolean;
  external: boolean;
}

/** Thrown by stackUp when a store fails; `started` lists stores this call did start (still running). */
export class StackUpError extends Error {
  constructor(
    message: string,
    readonly started: StoreName[],
    readonly failures: Error[],
  ) {
    super(message);
    this.name = 'StackUpError';
  }
}

const silent: Log = () => undefined;

function pick(stores: readonly StoreName[] | undefined): StoreName[] {
  const list = stores && stores.length > 0 ? stores : ALL_STORES;
  for (const s of list) {
    if (!(s in DRIVERS)) throw new Error(`unknown store "${String(s)}"; known: ${ALL_STORES.join(', ')}`);
  }
  // canonical order (Cassandra first: it is the slowest to start), without duplicates
  return ALL_STORES.filter((s) => list.includes(s));
}

/** Connection settings: each from its environment variable when set, else the local server's. */
export function stackConnections(): StackConnections {
  const url = (s: StoreName): string => externalUrl(DRIVERS[s]) ?? DRIVERS[s].localUrl;
  const dc = process.env.CASSANDRA_LOCAL_DATACENTER;
  return {
    POSTGRES_URL: url('postgres'),
    REDIS_URL: url('redis'),
    MONGODB_URL: url('mongodb'),
    CASSANDRA_CONTACT_POINTS: url('cassandra'),
    CASSANDRA_LOCAL_DATACENTER: dc && dc.trim() !== '' ? dc.trim() : DATACENTER,
    DYNAMODB_ENDPOINT: url('dynamodb'),
  };
}

/**
 * Makes every requested store available: an external server named by its environment variable,
 * a healthy local server of ours (reused), or a local server installed if needed and started
 * detached (it keeps running after this process exits). Stores start in parallel.
 */
export async function stackUp(opts: StackUpOptions = {}): Promise<StackUpResult> {
  const stores = pick(opts.stores);
  const log = opts.log ?? silent;
  const outcomes = await Promise.allSettled(stores.map((s) => upStore(DRIVERS[s], log)));
  const started: StoreName[] = [];
  const failures: Error[] = [];
  outcomes.forEach((o, i) => {
    const store = stores[i];
    if (store === undefined) return;
    if (o.status === 'fulfilled') {
      if (o.value === 'started') started.push(store);
    } else {
      failures.push(o.reason instanceof Error ? o.reason : new Error(String(o.reason)));
    }
  });
  if (failures.length > 0) {
    const head = `The local stack could not bring up ${failures.length} of ${stores.length} store(s).`;
    const tail = started.length > 0 ? `\n(Started and still running: ${started.join(', ')}.)` : '';
    throw new StackUpError(`${head}\n\n${failures.map((f) => f.message).join('\n\n')}${tail}`, started, failures);
  }
  return { connections: stackConnections(), started };
}

/** Stops our local servers of these stores (default: all), by pid file; postgres via pg_ctl stop -m fast. */
export async function stackDown(stores?: StoreName[], opts: { log?: Log } = {}): Promise<void> {
  const log = opts.log ?? silent;
  await Promise.all(
    pick(stores).map(async (s) => {
      const driver = DRIVERS[s];
      if (externalUrl(driver)) {
        log(`${driver.title}: external (${driver.envVar}); nothing to stop`);
        return;
      }
      const stopped = await stopStore(driver);
      log(stopped ? `${driver.title} stopped` : `${driver.title} was not running (no live pid file)`);
    }),
  );
}

/** Which stores answer a real request, at which address, and whether they are external. */
export async function stackStatus(): Promise<StoreStatus[]> {
  return Promise.all(
    ALL_STORES.map(async (s) => {
      const driver = DRIVERS[s];
      const external = externalUrl(driver);
      return { store: s, url: external ?? driver.localUrl, healthy: await storeHealthy(driver), external: external !== undefined };
    }),
  );
}

/** Installs (downloads, builds) what the local servers need, without starting them. */
export async function stackInstall(stores?: StoreName[], opts: { log?: Log } = {}): Promise<void> {
  const log = opts.log ?? silent;
  const results = await Promise.allSettled(pick(stores).map((s) => installStore(DRIVERS[s], log)));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason : new Error(String(r.reason))] : []));
  if (failures.length > 0) throw new Error(failures.map((f) => f.message).join('\n\n'));
}
export { REPO_ROOT, startServiceProcess, stopProcesses, waitForUrl, type ServiceProcess, type StartProcessOptions } from './service-processes';
export { freePorts } from './free-ports';
export { tcpOpen } from './health';
