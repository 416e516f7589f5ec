// Generic readiness helpers: TCP probes, timeouts and polling.
import { Socket } from 'node:net';
import { isAlive, sleep } from './process';

/** True when something accepts TCP connections on host:port. */
export function tcpOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

/** Resolves to the promise's value, or rejects after ms. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Runs a health check, turning errors and hangs into false. */
export async function probe(check: () => Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withTimeout(check(), ms, 'health check');
    return true;
  } catch {
    return false;
  }
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stop waiting early when this process has exited. */
  pid?: number;
}

/** Polls healthy() until it answers true; throws a short reason when it never does. */
export async function waitUntilHealthy(healthy: () => Promise<boolean>, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 500;
  for (;;) {
    if (await healthy()) return;
    if (opts.pid !== undefined && !isAlive(opts.pid)) {
      // one last look: the process may have handed over to a child (pg_ctl does)
      if (await healthy()) return;
      throw new Error(`the server process (pid ${opts.pid}) exited during startup`);
    }
    if (Date.now() > deadline) throw new Error(`it was not healthy after ${Math.round(opts.timeoutMs / 1000)} s`);
    await sleep(interval);
  }
}
