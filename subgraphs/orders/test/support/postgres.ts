import type { Pool } from 'pg';
import { uniqueName } from '@shop/platform/testing';
import { createPool } from '../../src/data-access/postgres';

export interface TestSchema {
  schema: string;
  pool: Pool;
  drop: () => Promise<void>;
}

/** A PostgreSQL schema of this test file's own, dropped afterwards. */
export function testSchema(prefix: string): TestSchema {
  const schema = uniqueName(prefix);
  const pool = createPool({ url: process.env.POSTGRES_URL!, schema, max: 20 });
  return {
    schema,
    pool,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
}
