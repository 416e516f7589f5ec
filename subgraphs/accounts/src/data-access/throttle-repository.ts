import type { Pool } from 'pg';
import type { RoundTripCounter } from '@shop/platform';

export interface AttemptCount {
  key: string;
  attempts: number;
  windowStartedAt: Date;
}

export interface ThrottleRepository {
  /**
   * Counts one attempt against each key in one atomic statement (a fixed window per key) and
   * returns the counts including it, so concurrent attempts cannot slip past the limit together.
   */
  recordAttempt(keys: string[], windowSeconds: number): Promise<AttemptCount[]>;
  /** After a success: clears the account's count and gives the address its attempt back. */
  forgiveSuccess(accountKey: string, addressKey: string | null): Promise<void>;
}

export function createThrottleRepository(pool: Pool, roundTrips?: RoundTripCounter): ThrottleRepository {
  return {
    async recordAttempt(keys, windowSeconds) {
      roundTrips?.record('throttle.recordAttempt');
      const { rows } = await pool.query<{ key: string; attempts: number; window_started_at: Date }>(
        `INSERT INTO sign_in_throttle AS t (key, attempts, window_started_at)
         SELECT key, 1, now() FROM unnest($1::text[]) AS key
         ON CONFLICT (key) DO UPDATE SET
           attempts = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE t.attempts + 1 END,
           window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE t.window_started_at END
         RETURNING key, attempts, window_started_at`,
        [keys, windowSeconds],
      );
      return rows.map((row) => ({ key: row.key, attempts: row.attempts, windowStartedAt: row.window_started_at }));
    },
    async forgiveSuccess(accountKey, addressKey) {
      roundTrips?.record('throttle.forgiveSuccess');
      await pool.query(
        `WITH cleared AS (DELETE FROM sign_in_throttle WHERE key = $1)
         UPDATE sign_in_throttle SET attempts = GREATEST(attempts - 1, 0) WHERE key = $2`,
        [accountKey, addressKey],
      );
    },
  };
}
