import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MIGRATIONS_DIR = join(__dirname, 'migrations');

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  return schema;
}

/** A pool whose connections resolve unqualified table names in the accounts schema only. */
export function createPool(connectionString: string, schema: string, max = 10): Pool {
  return new Pool({ connectionString, max, options: `-c search_path=${assertSchemaName(schema)}` });
}

export interface Migration {
  version: string;
  sql: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Applies the versioned migrations not yet recorded, in one transaction under an advisory lock,
 * so that instances starting together neither race nor apply a file twice. Returns the versions applied.
 */
export async function migrate(pool: Pool, schema: string, migrations: Migration[] = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`shop-migrations:${assertSchemaName(schema)}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Removes expired sessions and stale throttle windows; cheap, run at start. */
export async function pruneExpired(pool: Pool, throttleWindowSeconds: number): Promise<void> {
  await pool.query(
    `WITH s AS (DELETE FROM sessions WHERE expires_at < now() - interval '1 day')
     DELETE FROM sign_in_throttle WHERE window_started_at < now() - make_interval(secs => $1)`,
    [throttleWindowSeconds],
  );
}
