import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, startServiceProcess, stopProcesses, waitForUrl, type ServiceProcess } from '@shop/stack';

/**
 * The orders subgraph as a real child process (`src/index.ts`, as `npm start` runs it) on a fixed
 * free port, so that it can be killed and started again at the same address.
 */
export interface OrdersProcess {
  url: string;
  /** Starts it with the base settings plus `env`, and waits until `/ready` answers. */
  start(env?: NodeJS.ProcessEnv): Promise<void>;
  /** SIGKILL: no shutdown hook runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function ordersProcess(baseEnv: NodeJS.ProcessEnv): Promise<OrdersProcess> {
  const [port] = await freePorts(1);
  const logDir = mkdtempSync(join(tmpdir(), 'orders-process-'));
  let current: ServiceProcess | null = null;
  let starts = 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async start(env = {}) {
      const service = startServiceProcess('orders', 'subgraphs/orders/src/index.ts', {
        env: { ...process.env, ...baseEnv, ...env, PORT: String(port) },
        logFile: join(logDir, 'orders.log'),
      });
      current = service;
      await waitForUrl(service, `http://127.0.0.1:${port}/ready`, 90_000);
    },
    async kill() {
      if (!current) return;
      current.child.kill('SIGKILL');
      await current.exited;
      current = null;
    },
    async stop() {
      if (current) await stopProcesses([current]);
      current = null;
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value (not undefined); the deadline only bounds a hang. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, deadlineMs = 60_000): Promise<T> {
  const giveUpAt = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > giveUpAt) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
