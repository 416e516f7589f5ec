// Installing tools the stores need: Debian packages, Java, Go and Maven artifacts.
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, ensureDir } from './paths';
import { mutex, run, which } from './process';
import type { Log } from './types';

const aptQueue = mutex();
const mavenQueue = mutex();
let aptUpdated = false;

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs Debian packages with apt-get (runs `apt-get update` once per process first). */
export function aptInstall(packages: readonly string[], log: Log): Promise<void> {
  return aptQueue(async () => {
    if (!which('apt-get')) {
      throw new Error(`apt-get is not available; install ${packages.join(', ')} yourself`);
    }
    const prefix = isRoot() ? [] : which('sudo') ? ['sudo', '-n'] : undefined;
    if (prefix === undefined) {
      throw new Error(`not root and no sudo; run: sudo apt-get install -y ${packages.join(' ')}`);
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const logFile = join(ensureDir(cacheDir()), 'apt.log');
    const exec = (args: string[]): Promise<unknown> =>
      prefix.length === 0
        ? run('apt-get', args, { env, logFile })
        : run(prefix[0] ?? 'sudo', [...prefix.slice(1), 'apt-get', ...args], { env, logFile });
    const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
    if (!aptUpdated) {
      log('Running apt-get update…');
      await exec([...lockWait, '-q', 'update']);
      aptUpdated = true;
    }
    log(`Installing ${packages.join(', ')} with apt-get…`);
    await exec([...lockWait, '-q', '-y', '--no-install-recommends', 'install', ...packages]);
  });
}

/** A Java 17 binary (Cassandra 5.0 runs on 11 or 17, not newer); installs OpenJDK 17 when none is found. */
export async function ensureJava(log: Log): Promise<string> {
  const found = findJava17();
  if (found) return found;
  await aptInstall(['openjdk-17-jre-headless'], log);
  const installed = findJava17();
  if (!installed) throw new Error('OpenJDK 17 was installed but no java binary was found under /usr/lib/jvm');
  return installed;
}

function findJava17(): string | undefined {
  const candidates: string[] = [];
  const home = process.env.JAVA_HOME;
  if (home && /(^|[^0-9])17([^0-9]|$)/.test(home)) candidates.push(join(home, 'bin', 'java'));
  if (existsSync('/usr/lib/jvm')) {
    for (const d of readdirSync('/usr/lib/jvm').sort()) {
      if (/^(java-17|jdk-17|temurin-17)/.test(d)) candidates.push(join('/usr/lib/jvm', d, 'bin', 'java'));
    }
  }
  return candidates.find((c) => existsSync(c));
}

/** The Go toolchain (FerretDB needs Go 1.22 or newer, newer than Debian 12's package). */
export function findGo(): string | undefined {
  return which('go', ['/usr/local/go/bin', '/usr/lib/go/bin']);
}

export interface MavenArtifact {
  groupId: string;
  artifactId: string;
  version: string;
}

/**
 * Copies an artifact and its runtime dependencies from Maven Central into <dir>/lib
 * (through a generated pom; output to <dir>/maven.log). Done once: a marker file records success.
 */
export function mavenCopyDependencies(dir: string, artifact: MavenArtifact, log: Log): Promise<string> {
  const lib = join(dir, 'lib');
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return Promise.resolve(lib);
  return mavenQueue(async () => {
    if (existsSync(marker)) return lib;
    ensureDir(dir);
    let mvn = which('mvn');
    if (!mvn) {
      await aptInstall(['maven'], log);
      mvn = which('mvn');
      if (!mvn) throw new Error('Maven was installed but mvn is not on PATH');
    }
    const java = await ensureJava(log);
    const pom = join(dir, 'pom.xml');
    writeFileSync(pom, pomXml(artifact));
    const tmp = join(dir, 'lib.tmp');
    rmSync(tmp, { recursive: true, force: true });
    const javaHome = join(java, '..', '..');
    await run(
      mvn,
      [
        '-B', '-q', '-f', pom,
        'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies',
        `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime',
      ],
      { cwd: dir, env: { ...process.env, JAVA_HOME: javaHome }, logFile: join(dir, 'maven.log') },
    );
    rmSync(lib, { recursive: true, force: true });
    renameSync(tmp, lib);
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    return lib;
  });
}

function pomXml(a: MavenArtifact): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>shop.stack</groupId>
  <artifactId>${a.artifactId.toLowerCase()}-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>${a.groupId}</groupId>
      <artifactId>${a.artifactId}</artifactId>
      <version>${a.version}</version>
    </dependency>
  </dependencies>
</project>
`;
}
