// Redis 7 from Debian's packages, with a generated config and AOF persistence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { probe } from '../health';
import { aptInstall } from '../installers';
import { dataDir, ensureDir, logFile } from '../paths';
import { spawnDetached, which } from '../process';
import type { StoreDriver } from '../types';

const PORT = 16379;
const serverBinary = (): string | undefined => which('redis-server', ['/usr/bin', '/usr/sbin']);

function config(dir: string): string {
  return [
    '# Written by stack/src/stores/redis.ts on every start; edit there.',
    'bind 127.0.0.1',
    `port ${PORT}`,
    'protected-mode yes',
    'daemonize no',
    'supervised no',
    'logfile ""',
    `dir "${dir}"`,
    // Carts must survive a restart: append-only file, fsync once a second, plus RDB snapshots.
    'appendonly yes',
    'appendfsync everysec',
    'save 3600 1 300 100 60 10000',
    '',
  ].join('\n');
}

export const redis: StoreDriver = {
  name: 'redis',
  title: 'Redis 7',
  envVar: 'REDIS_URL',
  localUrl: `redis://127.0.0.1:${PORT}`,
  port: PORT,
  startTimeoutMs: 30_000,
  processMarker: 'redis-server',
  fixHint: 'set REDIS_URL to use your own Redis server',

  isInstalled: () => serverBinary() !== undefined,

  async install(log) {
    log('Installing Redis from Debian packages (first run only)…');
    await aptInstall(['redis-server'], log);
  },

  async start() {
    const bin = serverBinary();
    if (!bin) throw new Error('redis-server is not installed');
    const dir = ensureDir(dataDir('redis'));
    const conf = join(dir, 'redis.conf');
    writeFileSync(conf, config(dir));
    return spawnDetached(bin, [conf], { cwd: dir, logFile: logFile('redis') });
  },

  healthy: (url) =>
    probe(async () => {
      const client = new Redis(url, {
        lazyConnect: true,
        connectTimeout: 2000,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        const pong = await client.ping();
        if (pong !== 'PONG') throw new Error(`unexpected PING answer ${pong}`);
      } finally {
        client.disconnect();
      }
    }, 4000),
};
