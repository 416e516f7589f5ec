import type { Logger } from '@shop/platform';

export interface PeriodicJob {
  /** Runs now (unless it is running, in which case it runs again right after). */
  wake(): void;
  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` at once and then every `intervalMs`, never two runs at a time; errors are logged
 * and the next run happens as planned.
 */
export function startPeriodicJob(name: string, task: () => Promise<unknown>, intervalMs: number, logger: Logger): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  };

  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = task()
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error, job: name }, 'background job failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(intervalMs);
      });
  }

  schedule(0);
  return {
    wake: () => {
      if (running) again = true;
      else schedule(0);
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
