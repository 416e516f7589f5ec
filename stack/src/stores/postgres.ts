// PostgreSQL 15 from Debian's packages, run as our own cluster in <stack>/data/postgres.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { probe } from '../health';
import { aptInstall } from '../installers';
import { dataDir, ensureDir, logFile } from '../paths';
import { run, stopPid } from '../process';
import type { Log, StoreDriver } from '../types';

const BIN = '/usr/lib/postgresql/15/bin';
const PORT = 15432;
const USER = 'shop';
const PASSWORD = 'shop';
const DATABASE = 'shop';

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;
const pgdata = (): string => join(dataDir('postgres'), 'pgdata');

/** Runs a PostgreSQL binary; as root it runs as the postgres user (the server refuses root). */
function pgRun(binary: string, args: readonly string[]): Promise<unknown> {
  const cmd = join(BIN, binary);
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
}

function stackConf(socketDir: string): string {
  return [
    '# Written by stack/src/stores/postgres.ts on every start; edit there.',
    "listen_addresses = '127.0.0.1'",
    `port = ${PORT}`,
    `unix_socket_directories = '${socketDir.replace(/'/g, "''")}'`,
    'max_connections = 200',
    'shared_buffers = 64MB',
    "timezone = 'UTC'",
    '',
  ].join('\n');
}

async function prepareDataDir(log: Log): Promise<void> {
  const dir = ensureDir(dataDir('postgres'));
  if (isRoot()) {
    await run('chown', ['-R', 'postgres:postgres', dir]);
    try {
      await run('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]);
    } catch {
      throw new Error(`the postgres user cannot write ${dir} (a parent folder is not reachable for it); set STACK_DIR to a folder outside /root`);
    }
  }
  if (!existsSync(join(pgdata(), 'PG_VERSION'))) {
    log('Creating the PostgreSQL cluster (initdb)…');
    await pgRun('initdb', [
      '-D', pgdata(), '-U', 'postgres', '-E', 'UTF8', '--locale=C',
      '--auth-local=trust', '--auth-host=scram-sha-256',
    ]);
    const conf = join(pgdata(), 'postgresql.conf');
    writeFileSync(conf, `${readFileSync(conf, 'utf8')}\ninclude_if_exists = 'stack.conf'\n`);
  }
  writeFileSync(join(pgdata(), 'stack.conf'), stackConf(dir));
  if (isRoot()) await run('chown', ['postgres:postgres', join(pgdata(), 'stack.conf')]);
}

/** Creates the shop role and database when they are missing (as the postgres superuser over the socket). */
async function ensureRoleAndDatabase(): Promise<void> {
  const client = new Client({ host: dataDir('postgres'), port: PORT, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [USER]);
    if (role.rowCount === 0) await client.query(`CREATE ROLE ${USER} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`);
    const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (db.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE} OWNER ${USER}`);
  } finally {
    await client.end();
  }
}

function postmasterPid(): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(pgdata(), 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export const postgres: StoreDriver = {
  name: 'postgres',
  title: 'PostgreSQL 15',
  envVar: 'POSTGRES_URL',
  localUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${PORT}/${DATABASE}`,
  port: PORT,
  startTimeoutMs: 60_000,
  processMarker: 'postgres',
  fixHint: 'set POSTGRES_URL to use your own PostgreSQL server',

  isInstalled: () => ['postgres', 'initdb', 'pg_ctl'].every((b) => existsSync(join(BIN, b))),

  async install(log) {
    log('Installing PostgreSQL 15 from Debian packages (first run only)…');
    await aptInstall(['postgresql-15'], log);
  },

  async start(log) {
    await prepareDataDir(log);
    // pg_ctl detaches the postmaster (setsid) and waits until it accepts connections.
    await pgRun('pg_ctl', ['start', '-D', pgdata(), '-l', logFile('postgres'), '-w', '-t', '60', '-s']);
    const pid = postmasterPid();
    if (pid === undefined) throw new Error('pg_ctl reported success but postmaster.pid is missing');
    await ensureRoleAndDatabase();
    return pid;
  },

  healthy: (url) =>
    probe(async () => {
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      client.on('error', () => undefined);
      await client.connect();
      try {
        await client.query('SELECT 1');
      } finally {
        await client.end();
      }
    }, 4000),

  async stop(pid) {
    if (existsSync(join(pgdata(), 'postmaster.pid'))) {
      try {
        await pgRun('pg_ctl', ['stop', '-D', pgdata(), '-m', 'fast', '-w', '-t', '60', '-s']);
        return;
      } catch {
        // fall through to signals
      }
    }
    if (pid !== undefined) await stopPid(pid, 30_000);
  },
};
