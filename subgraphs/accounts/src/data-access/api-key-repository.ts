import type { Pool } from 'pg';
import type { RoundTripCounter } from '@shop/platform';

export interface ApiKeyRecord {
  id: string;
  partnerId: string;
  partnerName: string;
  prefix: string;
  scopes: string[];
  /** The key may run only the gateway's safelisted (persisted) operations. */
  safelistOnly: boolean;
  rateLimitPerMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  partner_id: string;
  partner_name: string;
  prefix: string;
  scopes: string[];
  safelist_only: boolean;
  rate_limit_per_minute: number;
  created_at: Date;
  revoked_at: Date | null;
}

const toRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  partnerId: row.partner_id,
  partnerName: row.partner_name,
  prefix: row.prefix,
  scopes: row.scopes,
  safelistOnly: row.safelist_only,
  rateLimitPerMinute: row.rate_limit_per_minute,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export interface NewApiKey {
  id: string;
  partnerId: string;
  partnerName: string;
  keyHash: string;
  prefix: string;
  scopes: string[];
  safelistOnly: boolean;
  rateLimitPerMinute: number;
  createdBy: string | null;
}

export interface ApiKeyRepository {
  /** Stores the key under its partner (created on first use, matched by name case-insensitively). */
  create(key: NewApiKey): Promise<ApiKeyRecord>;
  findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  /** Revokes a key; null when unknown. Revoking twice keeps the first time. */
  revoke(id: string): Promise<ApiKeyRecord | null>;
}

export function createApiKeyRepository(pool: Pool, roundTrips?: RoundTripCounter): ApiKeyRepository {
  return {
    async create(key) {
      roundTrips?.record('apiKeys.create');
      const { rows } = await pool.query<ApiKeyRow>(
        `WITH partner AS (
           INSERT INTO partners (id, name, name_key) VALUES ($2, $3, lower($3))
           ON CONFLICT (name_key) DO UPDATE SET name_key = EXCLUDED.name_key
           RETURNING id, name
         ), inserted AS (
           INSERT INTO api_keys (id, partner_id, key_hash, prefix, scopes, safelist_only, rate_limit_per_minute, created_by)
           SELECT $1, partner.id, $4, $5, $6, $7, $8, $9 FROM partner
           RETURNING *
         )
         SELECT inserted.*, partner.name AS partner_name FROM inserted JOIN partner ON partner.id = inserted.partner_id`,
        [key.id, key.partnerId, key.partnerName, key.keyHash, key.prefix, key.scopes, key.safelistOnly, key.rateLimitPerMinute, key.createdBy],
      );
      return toRecord(rows[0]!);
    },
    async findActiveByHash(keyHash) {
      roundTrips?.record('apiKeys.findActiveByHash');
      const { rows } = await pool.query<ApiKeyRow>(
        `SELECT k.*, p.name AS partner_name FROM api_keys k JOIN partners p ON p.id = k.partner_id
         WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
        [keyHash],
      );
      return rows[0] ? toRecord(rows[0]) : null;
    },
    async revoke(id) {
      roundTrips?.record('apiKeys.revoke');
      const { rows } = await pool.query<ApiKeyRow>(
        `WITH updated AS (
           UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *
         )
         SELECT updated.*, p.name AS partner_name FROM updated JOIN partners p ON p.id = updated.partner_id`,
        [id],
      );
      return rows[0] ? toRecord(rows[0]) : null;
    },
  };
}
