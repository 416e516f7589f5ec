// Bringing one store up or down: reuse, install, start detached, wait for health, stop by pid file.
import { probe, tcpOpen, waitUntilHealthy } from './health';
import { cacheDir, lockFile, logFile, pidFile } from './paths';
import { livePid, removeFile, stopPid, tailFile, withLock, writePid } from './process';
import type { Log, StoreDriver } from './types';

export type UpOutcome = 'external' | 'reused' | 'started';

/** An error that names the store, says why, shows the end of its log and how to fix it. */
export class StoreError extends Error {
  constructor(
    readonly store: string,
    why: string,
    driver: StoreDriver,
    withLog: boolean,
    fix?: string,
  ) {
    const tail = withLog ? tailFile(logFile(driver.name), 20) : '';
    super(
      [
        `${driver.title} (${driver.name}) failed: ${why}`,
        ...(tail ? [`--- last lines of ${logFile(driver.name)} ---`, tail, '---'] : []),
        `How to fix: ${fix ?? `read ${logFile(driver.name)}`}, or ${driver.fixHint}.`,
      ].join('\n'),
    );
    this.name = 'StoreError';
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function externalUrl(driver: StoreDriver): string | undefined {
  const v = process.env[driver.envVar];
  return v && v.trim() !== '' ? v.trim() : undefined;
}

export async function installStore(driver: StoreDriver, log: Log): Promise<void> {
  if (driver.isInstalled()) return;
  try {
    await driver.install(log);
  } catch (err) {
    throw new StoreError(driver.name, `install failed: ${message(err)}`, driver, false, `see the message above (install logs are in ${cacheDir()})`);
  }
}

export async function upStore(driver: StoreDriver, log: Log): Promise<UpOutcome> {
  if (externalUrl(driver)) {
    log(`${driver.title}: using ${driver.envVar} from the environment`);
    return 'external';
  }
  const healthy = (): Promise<boolean> => driver.healthy(driver.localUrl);
  if (await healthy()) return 'reused';
  return withStoreLock(driver, async () => {
    if (await healthy()) return 'reused';
    const running = livePid(pidFile(driver.name), driver.processMarker);
    if (running !== undefined) {
      log(`${driver.title} is already starting (pid ${running}); waiting for it…`);
      await waitOrFail(driver, healthy, running);
      return 'reused';
    }
    if (await tcpOpen('127.0.0.1', driver.port)) {
      const why = `port ${driver.port} on 127.0.0.1 is taken by another program that does not answer as ${driver.title}`;
      throw new StoreError(driver.name, why, driver, false, `stop that program (find it with: ss -ltnp 'sport = :${driver.port}')`);
    }
    await installStore(driver, log);
    const t0 = Date.now();
    log(`Starting ${driver.title} on ${driver.localUrl}…`);
    let pid: number;
    try {
      pid = await driver.start(log);
    } catch (err) {
      throw new StoreError(driver.name, `could not start: ${message(err)}`, driver, true);
    }
    writePid(pidFile(driver.name), pid);
    await waitOrFail(driver, healthy, pid);
    log(`${driver.title} is ready (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return 'started';
  });
}

async function waitOrFail(driver: StoreDriver, healthy: () => Promise<boolean>, pid: number): Promise<void> {
  try {
    await waitUntilHealthy(healthy, { timeoutMs: driver.startTimeoutMs, pid, intervalMs: driver.name === 'cassandra' ? 2000 : 300 });
  } catch (err) {
    const error = new StoreError(driver.name, message(err), driver, true);
    // do not leave a half-started server behind
    await stopStore(driver).catch(() => undefined);
    throw error;
  }
}

function withStoreLock<T>(driver: StoreDriver, fn: () => Promise<T>): Promise<T> {
  return withLock(lockFile(driver.name), driver.startTimeoutMs + 120_000, fn);
}

/** Stops our server of this store (by pid file). Returns false when none of ours was running. */
export async function stopStore(driver: StoreDriver): Promise<boolean> {
  const file = pidFile(driver.name);
  const pid = livePid(file, driver.processMarker);
  if (driver.stop) await driver.stop(pid);
  else if (pid !== undefined) await stopPid(pid, driver.name === 'cassandra' ? 60_000 : 20_000);
  removeFile(file);
  return pid !== undefined;
}

export async function storeHealthy(driver: StoreDriver): Promise<boolean> {
  return probe(() => driver.healthy(externalUrl(driver) ?? driver.localUrl).then((ok) => {
    if (!ok) throw new Error('unhealthy');
  }), 15_000);
}
