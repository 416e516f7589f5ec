import type { Pool } from 'pg';
import { createPostgresPool } from '@shop/platform';
import { uniqueName } from '@shop/platform/testing';

export interface TestSchema {
  schema: string;
  pool: Pool;
  drop: () => Promise<void>;
}

/** A PostgreSQL schema of this test file's own, dropped afterwards. */
export function testSchema(prefix: string): TestSchema {
  const schema = uniqueName(prefix);
  const pool = createPostgresPool({ url: process.env.POSTGRES_URL!, schema, max: 20 });
  return {
    schema,
    pool,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
