import { createPostgresPool } from '@shop/platform';
import { uniqueName } from '@shop/platform/testing';
import { migrate, readMigrations } from '../src/data-access/postgres';
import { createPasswordHasher, describeHash } from '../src/domain/password';

describe('password hashing', () => {
  it('when hashing at the default cost, then it is scrypt at OWASP cost (N=2^17, r=8, p=1) and verifies', async () => {
    // given
    const hasher = createPasswordHasher();
    // when
    const hash = await hasher.hash('Tr0ub4dor&3');
    // then
    expect(describeHash(hash)).toEqual({ algorithm: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(await hasher.verify('Tr0ub4dor&3', hash)).toBe(true);
    expect(await hasher.verify('Tr0ub4dor&4', hash)).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('when a hash was made at a lower cost, then it still verifies and asks for a rehash', async () => {
    // given
    const weak = await createPasswordHasher(12).hash('secret phrase');
    // then
    expect(await createPasswordHasher(14).verify('secret phrase', weak)).toBe(true);
    expect(createPasswordHasher(14).needsRehash(weak)).toBe(true);
  });

  it('when a stored hash is malformed, then nothing verifies against it', async () => {
    const hasher = createPasswordHasher(12);
    for (const stored of ['', 'plain', 'scrypt$30$8$1$abc$def', 'scrypt$14$8$1$c2FsdA$c2hvcnQ']) {
      expect(await hasher.verify('plain', stored)).toBe(false);
    }
  });
});

describe('migrations', () => {
  it('when several instances migrate one schema at once, then each migration is applied exactly once', async () => {
    // given
    const schema = uniqueName('accounts_migrate');
    const pool = createPostgresPool({ url: process.env.POSTGRES_URL!, schema, max: 4 });
    try {
      // when
      const runs = await Promise.all([migrate(pool, schema), migrate(pool, schema), migrate(pool, schema)]);
      // then
      expect(runs.flat()).toEqual(readMigrations().map((migration) => migration.version));
      const { rows } = await pool.query('SELECT version FROM schema_migrations');
      expect(rows).toHaveLength(readMigrations().length);
      expect(await migrate(pool, schema)).toEqual([]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    }
  });
});
