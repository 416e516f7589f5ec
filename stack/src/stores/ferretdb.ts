// MongoDB wire protocol through FerretDB 1.24 (SQLite handler), built from source with Go.
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { probe, tcpOpen } from '../health';
import { findGo } from '../installers';
import { cacheDir, dataDir, ensureDir, logFile } from '../paths';
import { run, spawnDetached } from '../process';
import type { StoreDriver } from '../types';
import { FERRETDB_VERSION, GO_MOD, MAIN_GO } from './ferretdb-main';

const PORT = 27018;

/** Build folder in the cache; its name changes when the wrapper source changes, forcing a rebuild. */
function buildDir(): string {
  const hash = createHash('sha256').update(GO_MOD).update(MAIN_GO).digest('hex').slice(0, 8);
  return join(cacheDir(), `ferretdb-${FERRETDB_VERSION}-${hash}`);
}
const binary = (): string => join(buildDir(), 'ferretdb');

export const ferretdb: StoreDriver = {
  name: 'mongodb',
  title: `FerretDB ${FERRETDB_VERSION} (MongoDB API)`,
  envVar: 'MONGODB_URL',
  localUrl: `mongodb://127.0.0.1:${PORT}/`,
  port: PORT,
  startTimeoutMs: 30_000,
  processMarker: 'ferretdb',
  fixHint: 'set MONGODB_URL to use your own MongoDB server',

  isInstalled: () => existsSync(binary()),

  async install(log) {
    const go = findGo();
    if (!go) {
      throw new Error('Go is not installed (FerretDB is built from source and needs Go 1.22 or newer from go.dev; Debian 12 ships an older one)');
    }
    const dir = ensureDir(buildDir());
    log(`Building FerretDB ${FERRETDB_VERSION} with Go (first run only, takes a few minutes)…`);
    writeFileSync(join(dir, 'go.mod'), GO_MOD);
    writeFileSync(join(dir, 'main.go'), MAIN_GO);
    const buildLog = join(dir, 'build.log');
    const env = { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' };
    await run(go, ['get', `github.com/FerretDB/FerretDB@v${FERRETDB_VERSION}`], { cwd: dir, env, logFile: buildLog });
    await run(go, ['mod', 'tidy'], { cwd: dir, env, logFile: buildLog });
    await run(go, ['build', '-trimpath', '-o', 'ferretdb.tmp', '.'], { cwd: dir, env, logFile: buildLog });
    renameSync(join(dir, 'ferretdb.tmp'), binary());
    log(`FerretDB built: ${binary()}`);
  },

  async start() {
    const db = ensureDir(join(dataDir('mongodb'), 'sqlite'));
    return spawnDetached(binary(), ['-listen-addr', `127.0.0.1:${PORT}`, '-sqlite-url', `file:${db}/`], {
      cwd: dataDir('mongodb'),
      logFile: logFile('mongodb'),
    });
  },

  healthy: (url) =>
    probe(async () => {
      const local = url === ferretdb.localUrl;
      if (local && !(await tcpOpen('127.0.0.1', PORT))) throw new Error('port closed');
      const client = new MongoClient(url, { serverSelectionTimeoutMS: 2500, connectTimeoutMS: 2000, directConnection: local });
      try {
        await client.connect();
        await client.db('admin').command({ ping: 1 });
      } finally {
        await client.close();
      }
    }, 5000),
};
