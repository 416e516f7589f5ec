// Cassandra 5.0 from Maven Central (cassandra-all and its dependencies), on Java 17.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'cassandra-driver';
import { probe, tcpOpen } from '../health';
import { ensureJava, mavenCopyDependencies } from '../installers';
import { cacheDir, dataDir, ensureDir, logFile } from '../paths';
import { spawnDetached } from '../process';
import type { StoreDriver } from '../types';
import { CQL_PORT, DATACENTER, cassandraJvmArgs, cassandraYaml, logbackXml } from './cassandra-config';

export const CASSANDRA_VERSION = '5.0.9';
const installDir = (): string => join(cacheDir(), `cassandra-${CASSANDRA_VERSION}`);

export const cassandra: StoreDriver = {
  name: 'cassandra',
  title: `Cassandra ${CASSANDRA_VERSION}`,
  envVar: 'CASSANDRA_CONTACT_POINTS',
  localUrl: `127.0.0.1:${CQL_PORT}`,
  port: CQL_PORT,
  startTimeoutMs: 180_000,
  processMarker: 'CassandraDaemon',
  fixHint: 'set CASSANDRA_CONTACT_POINTS (and CASSANDRA_LOCAL_DATACENTER) to use your own Cassandra',

  isInstalled: () => existsSync(join(installDir(), '.complete')),

  async install(log) {
    log(`Installing Cassandra ${CASSANDRA_VERSION} from Maven Central (first run only)…`);
    await mavenCopyDependencies(installDir(), { groupId: 'org.apache.cassandra', artifactId: 'cassandra-all', version: CASSANDRA_VERSION }, log);
    log(`Cassandra ${CASSANDRA_VERSION} installed in ${installDir()}`);
  },

  async start(log) {
    const java = await ensureJava(log);
    const data = ensureDir(dataDir('cassandra'));
    const conf = ensureDir(join(data, 'conf'));
    for (const d of ['data', 'commitlog', 'saved_caches', 'hints', 'cdc_raw', 'logs', 'triggers']) ensureDir(join(data, d));
    const yaml = join(conf, 'cassandra.yaml');
    const logback = join(conf, 'logback.xml');
    writeFileSync(yaml, cassandraYaml(data));
    writeFileSync(logback, logbackXml());
    const lib = join(installDir(), 'lib');
    const jamm = readdirSync(lib).find((f) => /^jamm-.*\.jar$/.test(f));
    const args = cassandraJvmArgs({ lib, data, yaml, logback, jammJar: jamm ? join(lib, jamm) : undefined });
    return spawnDetached(java, args, { cwd: data, logFile: logFile('cassandra') });
  },

  healthy: (contactPoints) =>
    probe(async () => {
      const points = contactPoints.split(',').map((p) => p.trim()).filter((p) => p !== '');
      if (contactPoints === cassandra.localUrl && !(await tcpOpen('127.0.0.1', CQL_PORT))) throw new Error('port closed');
      const client = new Client({
        contactPoints: points,
        localDataCenter: process.env.CASSANDRA_LOCAL_DATACENTER ?? DATACENTER,
        socketOptions: { connectTimeout: 3000, readTimeout: 5000 },
      });
      try {
        await client.connect();
        await client.execute('SELECT release_version FROM system.local');
      } finally {
        await client.shutdown();
      }
    }, 10_000),
};
