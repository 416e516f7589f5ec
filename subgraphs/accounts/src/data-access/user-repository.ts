import type { Pool } from 'pg';
import type { RoundTripCounter } from '@shop/platform';

export type UserRole = 'shopper' | 'admin';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
}

export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  created_at: Date;
  password_hash: string;
}

const toRecord = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
});

const UNIQUE_VIOLATION = '23505';
const COLUMNS = 'id, email, name, role, created_at, password_hash';

export interface UserRepository {
  /** Creates the user; null when the email is taken. */
  create(user: { id: string; email: string; name: string; passwordHash: string; role: UserRole }): Promise<UserRecord | null>;
  findCredentialsByEmail(email: string): Promise<UserCredentials | null>;
  findByIds(ids: readonly string[]): Promise<UserRecord[]>;
  updatePasswordHash(id: string, passwordHash: string): Promise<void>;
  /** Makes sure an admin with this email exists (created with the hash if absent, promoted if not admin). */
  ensureAdmin(admin: { id: string; email: string; name: string; passwordHash: () => Promise<string> }): Promise<'created' | 'existing'>;
}

export function createUserRepository(pool: Pool, roundTrips?: RoundTripCounter): UserRepository {
  const query = async (operation: string, text: string, values: unknown[]) => {
    roundTrips?.record(operation);
    return (await pool.query<UserRow>(text, values)).rows;
  };
  return {
    async create(user) {
      try {
        const rows = await query(
          'users.create',
          `INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
          [user.id, user.email, user.name, user.passwordHash, user.role],
        );
        return toRecord(rows[0]!);
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return null;
        throw error;
      }
    },
    async findCredentialsByEmail(email) {
      const row = (await query('users.findByEmail', `SELECT ${COLUMNS} FROM users WHERE email = $1`, [email]))[0];
      return row ? { ...toRecord(row), passwordHash: row.password_hash } : null;
    },
    async findByIds(ids) {
      // Ids are UUIDs; anything else (e.g. a NUL byte PostgreSQL would reject) cannot exist.
      const wanted = ids.filter((id) => /^[\w-]{1,64}$/.test(id));
      if (wanted.length === 0) return [];
      return (await query('users.findByIds', `SELECT ${COLUMNS} FROM users WHERE id = ANY($1::text[])`, [wanted])).map(toRecord);
    },
    async updatePasswordHash(id, passwordHash) {
      await query('users.updatePasswordHash', 'UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },
    async ensureAdmin(admin) {
      const promoted = await query('users.promoteAdmin', `UPDATE users SET role = 'admin' WHERE email = $1 RETURNING ${COLUMNS}`, [admin.email]);
      if (promoted.length > 0) return 'existing';
      const created = await this.create({ ...admin, passwordHash: await admin.passwordHash(), role: 'admin' });
      return created ? 'created' : 'existing';
    },
  };
}
