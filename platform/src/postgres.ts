import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool, type PoolClient } from 'pg';
import type { Logger } from './logger';

/** A PostgreSQL schema name that can go into SQL unquoted (services and tests pick their own). */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME_PATTERN.test(schema)) throw new Error(`invalid PostgreSQL schema name "${schema}": lowercase letters, digits and _ only`);
  return schema;
}

export interface PostgresPoolOptions {
  url: string;
  /** Unqualified table names resolve in this schema only (the connections' search_path). */
  schema: string;
  max?: number;
  /** Waiting for a free connection longer than this fails the query instead of hanging. */
  connectionTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** The server cancels a statement running longer than this. */
  statementTimeoutMs?: number;
  /** Where errors of idle connections (e.g. PostgreSQL restarting) are logged. */
  logger?: Logger;
}

/**
 * A `pg` pool on one schema with bounded waits. An idle connection that breaks is logged and
 * dropped (without a listener, `pg` would crash the process on it).
 */
export function createPostgresPool(options: PostgresPoolOptions): Pool {
  const pool = new Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    options: `-c search_path=${assertSchemaName(options.schema)}`,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
  });
  pool.on('error', (error) => options.logger?.warn({ err: error, schema: options.schema }, 'idle PostgreSQL connection failed'));
  return pool;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** sha256 of the file: an applied migration must never change. */
  checksum: string;
}

const MIGRATION_FILE = /^(\d+)_([a-z0-9_]+)\.sql$/;

/** The `NNN_name.sql` files of a directory, in version order; any other `.sql` file or a repeated version is an error. */
export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`migration file "${file}" in ${dir} is not named NNN_lowercase_name.sql`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(match[1]), name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1]!.version === migration.version) throw new Error(`two migrations in ${dir} have version ${migration.version}`);
  });
  return migrations;
}

export interface MigrateOptions {
  schema: string;
  /** Directory of `NNN_name.sql` files; or give `migrations` directly. */
  dir?: string;
  migrations?: Migration[];
  logger?: Logger;
}

/**
 * Applies the versioned migrations the schema has not seen, in order, each in its own transaction,
 * recorded in `<schema>.schema_migrations` with its checksum. A session advisory lock per schema
 * keeps instances starting together from racing. An applied file that was edited afterwards stops
 * the boot: migrations are append-only. Returns the versions applied now.
 */
export async function runMigrations(pool: Pool, options: MigrateOptions): Promise<number[]> {
  const schema = assertSchemaName(options.schema);
  if (!options.migrations && !options.dir) throw new Error('runMigrations needs a migrations directory (dir) or the migrations');
  const migrations = options.migrations ?? readMigrations(options.dir!);
  const lockKey = `shop-migrations:${schema}`;
  const client = await pool.connect();
  let broken = false;
  try {
    // Waiting for another instance's migrations, or building a large index, may take longer than the pool's statement timeout.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
      await ensureHistoryTable(client, migrations, options.logger);
      const applied = new Map(
        (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map((row) => [row.version, row.checksum]),
      );
      const done: number[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) throw new Error(`migration ${migration.version}_${migration.name} of schema ${schema} was changed after it was applied`);
          continue;
        }
        await inTransaction(client, async () => {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
        });
        options.logger?.info({ schema, migration: `${migration.version}_${migration.name}` }, 'migration applied');
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query('RESET search_path; RESET statement_timeout').catch(() => (broken = true));
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => (broken = true));
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    // A connection that failed, or could not unlock, is destroyed: that also releases its lock and settings.
    client.release(broken);
  }
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Creates the history table, or upgrades the older layout `(version text '001_name', applied_at)`
 * that had no checksums: versions become numbers, and the checksum of each file already applied
 * is taken from the file as it is now.
 */
async function ensureHistoryTable(client: PoolClient, migrations: Migration[], logger?: Logger): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version int PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query<{ data_type: string }>(
    `SELECT data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'schema_migrations' AND column_name = 'version'`,
  );
  if (rows[0]?.data_type !== 'text') return;
  await inTransaction(client, async () => {
    await client.query(`ALTER TABLE schema_migrations
      ADD COLUMN name text, ADD COLUMN checksum text,
      ALTER COLUMN version TYPE int USING split_part(version, '_', 1)::int`);
    for (const migration of migrations) {
      await client.query('UPDATE schema_migrations SET name = $2, checksum = $3 WHERE version = $1', [migration.version, migration.name, migration.checksum]);
    }
    await client.query("UPDATE schema_migrations SET name = coalesce(name, 'unknown'), checksum = coalesce(checksum, 'unknown')");
    await client.query('ALTER TABLE schema_migrations ALTER COLUMN name SET NOT NULL, ALTER COLUMN checksum SET NOT NULL');
  });
  logger?.info('schema_migrations upgraded to versions with checksums');
}
