import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { LoadJob, LoadResult, WorkerMessage } from './load-protocol';

export const RATE_LIMITED =
  'The gateway rate-limited the bench (429): the running shop keeps the default per-address limit. Stop it and let `npm run bench` start the shop, or start it with RATE_LIMIT_PER_ADDRESS_PER_MINUTE=1000000000 npm start.';

/** Runs load jobs in one separate process (load-worker.ts), one job at a time. */
export class LoadRunner {
  private readonly child: ChildProcess;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (result: LoadResult) => void; reject: (error: Error) => void }>();

  constructor() {
    this.child = fork(join(__dirname, 'load-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: WorkerMessage) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (!waiter) return;
      if ('error' in message) waiter.reject(new Error(message.error));
      else waiter.resolve(message.result);
    });
    this.child.on('exit', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`load worker exited (${code})`));
      this.waiting.clear();
    });
  }

  async run(job: LoadJob): Promise<LoadResult> {
    const id = this.next++;
    const result = await new Promise<LoadResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, job });
    });
    if (result.firstError?.startsWith('HTTP 429')) throw new Error(RATE_LIMITED);
    return result;
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}
