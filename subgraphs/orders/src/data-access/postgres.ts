import { Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import type { RoundTripCounter } from '@shop/platform';

/** A schema name we can put in SQL unquoted (tests use their own, e.g. from uniqueName). */
export const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPool(options: { url: string; schema: string; max?: number }): Pool {
  if (!SCHEMA_PATTERN.test(options.schema)) throw new Error(`invalid schema name "${options.schema}"`);
  return new Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    options: `-c search_path=${options.schema}`,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
}

export interface Sql {
  /** One statement, one round trip, recorded under `operation`. */
  query<R extends QueryResultRow>(operation: string, text: string, values?: unknown[]): Promise<QueryResult<R>>;
}

export interface Database extends Sql {
  pool: Pool;
  /**
   * Runs `work` in one transaction. A serialization failure or deadlock (40001, 40P01) rolls back
   * and runs it again, up to `retries` times, so callers never see them.
   */
  transaction<T>(work: (sql: Sql) => Promise<T>, options?: { isolation?: 'READ COMMITTED' | 'SERIALIZABLE'; retries?: number }): Promise<T>;
}

const RETRYABLE = new Set(['40001', '40P01']);

export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sqlOn(client: Pool | PoolClient, roundTrips?: RoundTripCounter): Sql {
  return {
    query<R extends QueryResultRow>(operation: string, text: string, values: unknown[] = []) {
      roundTrips?.record(operation);
      return client.query<R>(text, values);
    },
  };
}

export function createDatabase(pool: Pool, roundTrips?: RoundTripCounter): Database {
  const sql = sqlOn(pool, roundTrips);
  return {
    pool,
    query: sql.query,
    async transaction(work, options = {}) {
      const retries = options.retries ?? 5;
      for (let attempt = 0; ; attempt += 1) {
        const client = await pool.connect();
        const inTransaction = sqlOn(client, roundTrips);
        let broken = false;
        try {
          await inTransaction.query('transaction.begin', `BEGIN ISOLATION LEVEL ${options.isolation ?? 'READ COMMITTED'}`);
          const result = await work(inTransaction);
          await inTransaction.query('transaction.commit', 'COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          if (!isRetryable(error) || attempt >= retries) throw error;
          await pause(5 * 2 ** attempt + Math.floor(Math.random() * 10));
        } finally {
          client.release(broken);
        }
      }
    },
  };
}
