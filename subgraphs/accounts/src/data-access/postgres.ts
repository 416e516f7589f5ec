import { join } from 'node:path';
import type { Pool } from 'pg';
import { readMigrations as readMigrationFiles, runMigrations, type Logger, type Migration } from '@shop/platform';

/** The versioned SQL files applied at start (platform's `runMigrations`). */
export const MIGRATIONS_DIR = join(__dirname, 'migrations');

export const readMigrations = (): Migration[] => readMigrationFiles(MIGRATIONS_DIR);

/** Applies the accounts migrations the schema has not seen; returns the versions applied. */
export const migrate = (pool: Pool, schema: string, logger?: Logger): Promise<number[]> =>
  runMigrations(pool, { schema, dir: MIGRATIONS_DIR, logger });

/** Removes expired sessions and stale throttle windows; cheap, run at start. */
export async function pruneExpired(pool: Pool, throttleWindowSeconds: number): Promise<void> {
  await pool.query(
    `WITH s AS (DELETE FROM sessions WHERE expires_at < now() - interval '1 day')
     DELETE FROM sign_in_throttle WHERE window_started_at < now() - make_interval(secs => $1)`,
    [throttleWindowSeconds],
  );
}
