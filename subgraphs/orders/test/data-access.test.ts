import { readMigrations, migrate } from '../src/data-access/migrate';
import { createDatabase } from '../src/data-access/postgres';
import { testSchema, type TestSchema } from './support/postgres';

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
    await expect(migrate(pg.pool, pg.schema, undefined, edited)).rejects.toThrow('was changed after it was applied');
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
