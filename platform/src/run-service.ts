import type { Logger } from './logger';

/** A service that is up: where it listens and how to stop it (server first, then its store clients). */
export interface StartedService {
  url: string;
  close: () => Promise<void>;
}

/**
 * Runs a service until SIGINT/SIGTERM, then closes it (server first, then datastore clients)
 * and exits; a second signal or a close that hangs forces the exit.
 */
export function runService(logger: Logger, start: () => Promise<{ close: () => Promise<void> }>): void {
  let closing = false;
  let running: { close: () => Promise<void> } | undefined;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      await running?.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  start()
    .then((service) => {
      running = service;
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    });
}
