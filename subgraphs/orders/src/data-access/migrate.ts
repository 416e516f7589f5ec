import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import type { Logger } from '@shop/platform';
import { SCHEMA_PATTERN } from './postgres';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => FILE_PATTERN.test(file))
    .sort()
    .map((file) => {
      const [, version, name] = FILE_PATTERN.exec(file)!;
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(version), name: name!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the versioned SQL files that the schema has not seen yet, each in its own transaction,
 * under an advisory lock so that two instances starting together do not race. An applied file
 * that was edited afterwards stops the boot: migrations are append-only.
 */
export async function migrate(pool: Pool, schema: string, logger?: Logger, migrations: Migration[] = readMigrations()): Promise<number[]> {
  if (!SCHEMA_PATTERN.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const client = await pool.connect();
  const lockKey = `orders-migrations:${schema}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version int PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const applied = new Map(
        (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows.map(
          (row) => [row.version, row.checksum],
        ),
      );
      const done: number[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(`migration ${migration.version}_${migration.name} was changed after it was applied`);
          }
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
        logger?.info({ schema, migration: `${migration.version}_${migration.name}` }, 'migration applied');
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query('RESET search_path');
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    client.release();
  }
}
