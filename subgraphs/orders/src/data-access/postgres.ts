import { join } from 'node:path';
import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { RoundTripCounter } from '@shop/platform';

/** The versioned SQL files applied at start (platform's `runMigrations`). */
export const MIGRATIONS_DIR = join(__dirname, 'migrations');

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
