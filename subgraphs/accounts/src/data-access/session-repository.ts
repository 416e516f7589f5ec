import type { Pool } from 'pg';
import type { RoundTripCounter } from '@shop/platform';
import type { UserRole } from './user-repository';

export interface ActiveSession {
  sessionId: string;
  userId: string;
  role: UserRole;
  expiresAt: Date;
}

export interface SessionRepository {
  create(session: { id: string; tokenHash: string; userId: string; expiresAt: Date }): Promise<void>;
  /** The session behind a token hash when it exists, is not revoked and has not expired. */
  findActiveByTokenHash(tokenHash: string): Promise<ActiveSession | null>;
  /** Revokes the session of this user; false when there was none active. */
  revoke(sessionId: string, userId: string): Promise<boolean>;
}

export function createSessionRepository(pool: Pool, roundTrips?: RoundTripCounter): SessionRepository {
  return {
    async create(session) {
      roundTrips?.record('sessions.create');
      await pool.query('INSERT INTO sessions (id, token_hash, user_id, expires_at) VALUES ($1, $2, $3, $4)', [
        session.id,
        session.tokenHash,
        session.userId,
        session.expiresAt,
      ]);
    },
    async findActiveByTokenHash(tokenHash) {
      roundTrips?.record('sessions.findActiveByTokenHash');
      const { rows } = await pool.query<{ id: string; user_id: string; role: UserRole; expires_at: Date }>(
        `SELECT s.id, s.user_id, u.role, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
        [tokenHash],
      );
      const row = rows[0];
      return row ? { sessionId: row.id, userId: row.user_id, role: row.role, expiresAt: row.expires_at } : null;
    },
    async revoke(sessionId, userId) {
      roundTrips?.record('sessions.revoke');
      const { rowCount } = await pool.query(
        'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL',
        [sessionId, userId],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}
