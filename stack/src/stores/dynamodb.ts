// DynamoDB Local 2.x from Maven Central, with its sqlite4java native library.
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { probe } from '../health';
import { ensureJava, mavenCopyDependencies } from '../installers';
import { cacheDir, dataDir, ensureDir, logFile } from '../paths';
import { spawnDetached } from '../process';
import type { StoreDriver } from '../types';

export const DYNAMODB_LOCAL_VERSION = '2.6.1';
const PORT = 18000;
const installDir = (): string => join(cacheDir(), `dynamodb-local-${DYNAMODB_LOCAL_VERSION}`);
const nativeDir = (): string => join(installDir(), 'native');
const NATIVE_LIB = 'libsqlite4java-linux-amd64.so';

/** Copies the native libraries Maven fetched (named with their version) under the names sqlite4java loads. */
function linkNativeLibraries(lib: string): void {
  const dir = ensureDir(nativeDir());
  for (const f of readdirSync(lib)) {
    const m = /^(lib)?(sqlite4java-[a-z0-9-]+?)-\d[\d.]*\.(so|dll|dylib)$/.exec(f);
    if (!m) continue;
    copyFileSync(join(lib, f), join(dir, `${m[1] ?? ''}${m[2] ?? ''}.${m[3] ?? 'so'}`));
  }
}

export const dynamodb: StoreDriver = {
  name: 'dynamodb',
  title: `DynamoDB Local ${DYNAMODB_LOCAL_VERSION}`,
  envVar: 'DYNAMODB_ENDPOINT',
  localUrl: `http://127.0.0.1:${PORT}`,
  port: PORT,
  startTimeoutMs: 90_000,
  processMarker: 'ServerRunner',
  fixHint: 'set DYNAMODB_ENDPOINT to use your own DynamoDB (or DynamoDB Local) endpoint',

  isInstalled: () => existsSync(join(installDir(), '.complete')) && existsSync(join(nativeDir(), NATIVE_LIB)),

  async install(log) {
    log(`Installing DynamoDB Local ${DYNAMODB_LOCAL_VERSION} from Maven Central (first run only)…`);
    const lib = await mavenCopyDependencies(installDir(), { groupId: 'com.amazonaws', artifactId: 'DynamoDBLocal', version: DYNAMODB_LOCAL_VERSION }, log);
    linkNativeLibraries(lib);
    if (!existsSync(join(nativeDir(), NATIVE_LIB))) throw new Error(`${NATIVE_LIB} was not among the downloaded dependencies in ${lib}`);
  },

  async start(log) {
    const java = await ensureJava(log);
    const data = ensureDir(dataDir('dynamodb'));
    const storage = process.env.DYNAMODB_IN_MEMORY === '1' ? ['-inMemory'] : ['-dbPath', data];
    const args = [
      '-Xms64m', '-Xmx512m', '-XX:+ExitOnOutOfMemoryError',
      `-Djava.library.path=${nativeDir()}`,
      `-Dsqlite4java.library.path=${nativeDir()}`,
      '-cp', `${join(installDir(), 'lib')}/*`,
      'com.amazonaws.services.dynamodbv2.local.main.ServerRunner',
      '-port', String(PORT),
      // one database for every access key and region, so every client sees the same tables
      '-sharedDb',
      ...storage,
    ];
    return spawnDetached(java, args, { cwd: data, logFile: logFile('dynamodb') });
  },

  healthy: (endpoint) =>
    probe(async () => {
      const client = new DynamoDBClient({
        endpoint,
        region: process.env.AWS_REGION ?? 'us-east-1',
        // DynamoDB Local takes any letters-and-digits key; a real endpoint gets the usual credential chain
        credentials: process.env.AWS_ACCESS_KEY_ID ? undefined : { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 1,
      });
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
      } finally {
        client.destroy();
      }
    }, 5000),
};
