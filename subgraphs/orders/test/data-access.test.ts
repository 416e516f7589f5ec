import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { readMigrations as readMigrationFiles, runMigrations, type Migration } from '@shop/platform';
import { createDatabase, MIGRATIONS_DIR } from '../src/data-access/postgres';
import { testSchema, type TestSchema } from './support/postgres';

const readMigrations = () => readMigrationFiles(MIGRATIONS_DIR);
const migrate = (pool: Pool, schema: string, migrations?: Migration[]) => runMigrations(pool, { schema, dir: MIGRATIONS_DIR, migrations });

/** Resolves for everyone once `parties` callers are waiting. */
function barrier(parties: number): () => Promise<void> {
  let waiting = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    waiting += 1;
    if (waiting === parties) open();
    return opened;
  };
}

describe('orders data access', () => {
  let pg: TestSchema;

  beforeAll(() => {
    pg = testSchema('orders_da');
  });

  afterAll(async () => {
    await pg?.drop();
  });

  it('when two instances migrate a new schema at once, then every migration is applied exactly once', async () => {
    // given a schema nobody migrated
    // when two instances start together
    const [first, second] = await Promise.all([migrate(pg.pool, pg.schema), migrate(pg.pool, pg.schema)]);
    // then one applied everything, the other found nothing to do
    const versions = readMigrations().map((migration) => migration.version);
    expect([...first, ...second].sort()).toEqual(versions);
    const { rows } = await pg.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(versions);
    expect(await migrate(pg.pool, pg.schema)).toEqual([]);
  });

  it('when an applied migration file was edited, then the boot stops with a clear message', async () => {
    // given the applied migrations, one of them changed afterwards
    const edited = readMigrations().map((migration, index) => (index === 0 ? { ...migration, checksum: 'changed' } : migration));
    // when migrating, then it refuses
    await expect(migrate(pg.pool, pg.schema, edited)).rejects.toThrow('was changed after it was applied');
  });

  it('when a schema still has the older history table (text versions, no checksums), then it is upgraded and nothing is applied twice', async () => {
    // given a schema migrated by the older runner: version '001_create_orders', no checksum column
    const legacy = testSchema('orders_legacy');
    try {
      await legacy.pool.query(`CREATE SCHEMA ${legacy.schema}`);
      await legacy.pool.query(readMigrations()[0]!.sql);
      await legacy.pool.query(
        "CREATE TABLE schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); INSERT INTO schema_migrations (version) VALUES ('001_create_orders')",
      );
      // when the current runner starts on it
      const applied = await migrate(legacy.pool, legacy.schema);
      // then the first file counts as applied, with its checksum recorded from now on
      expect(applied).toEqual(readMigrations().slice(1).map((migration) => migration.version));
      const { rows } = await legacy.pool.query('SELECT version, name, checksum FROM schema_migrations WHERE version = 1');
      expect(rows).toEqual([{ version: 1, name: 'create_orders', checksum: readMigrations()[0]!.checksum }]);
      expect(await migrate(legacy.pool, legacy.schema)).toEqual([]);
    } finally {
      await legacy.drop();
    }
  });

  it('when a migrations directory holds a badly named or repeated file, then reading it fails before anything is applied', () => {
    // given directories with a file the runner would otherwise skip, and two files of one version
    const dir = mkdtempSync(join(tmpdir(), 'orders-migrations-'));
    try {
      writeFileSync(join(dir, '001_first.sql'), 'SELECT 1');
      writeFileSync(join(dir, '2-second.sql'), 'SELECT 2');
      // when reading, then
      expect(() => readMigrationFiles(dir)).toThrow('"2-second.sql"');
      rmSync(join(dir, '2-second.sql'));
      writeFileSync(join(dir, '0001_again.sql'), 'SELECT 3');
      expect(() => readMigrationFiles(dir)).toThrow('two migrations');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when two serializable transactions conflict, then the loser is retried and both updates land', async () => {
    // given a counter
    const db = createDatabase(pg.pool);
    await pg.pool.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counters VALUES (1, 0)');
    const bothRead = barrier(2);
    let attempts = 0;
    const increment = () =>
      db.transaction(
        async (sql) => {
          attempts += 1;
          const { rows } = await sql.query<{ n: number }>('counter.read', 'SELECT n FROM counters WHERE id = 1');
          if (attempts <= 2) await bothRead(); // first attempts read the same value
          await sql.query('counter.write', 'UPDATE counters SET n = $1 WHERE id = 1', [rows[0]!.n + 1]);
        },
        { isolation: 'SERIALIZABLE' },
      );
    // when both increment at once
    await Promise.all([increment(), increment()]);
    // then neither increment is lost and one of them ran twice
    const { rows } = await pg.pool.query('SELECT n FROM counters WHERE id = 1');
    expect(rows[0].n).toBe(2);
    expect(attempts).toBe(3);
  });

  it('when two transactions deadlock, then the victim is retried instead of failing', async () => {
    // given two rows
    const db = createDatabase(pg.pool);
    await pg.pool.query('CREATE TABLE pairs (id int PRIMARY KEY, n int NOT NULL); INSERT INTO pairs VALUES (1, 0), (2, 0)');
    const bothLocked = barrier(2);
    let attempts = 0;
    const lockBoth = (firstId: number, secondId: number) =>
      db.transaction(async (sql) => {
        attempts += 1;
        await sql.query('pairs.lock', 'UPDATE pairs SET n = n + 1 WHERE id = $1', [firstId]);
        if (attempts <= 2) await bothLocked();
        await sql.query('pairs.lock', 'UPDATE pairs SET n = n + 1 WHERE id = $1', [secondId]);
      });
    // when they lock the rows in opposite orders
    await Promise.all([lockBoth(1, 2), lockBoth(2, 1)]);
    // then both finished: each row was updated twice
    const { rows } = await pg.pool.query('SELECT n FROM pairs ORDER BY id');
    expect(rows.map((row) => row.n)).toEqual([2, 2]);
    expect(attempts).toBe(3);
  });
});
