// Spawning commands, detached servers, pid files and locks.
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ensureDir } from './paths';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append stdout and stderr to this file instead of keeping them in memory. */
  logFile?: string;
  timeoutMs?: number;
}

export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command to completion; rejects with its output tail when it fails. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const fd = opts.logFile ? openSync(ensureParent(opts.logFile), 'a') : undefined;
    const chunks: Buffer[] = [];
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: fd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
    });
    child.stdout?.on('data', (b: Buffer) => chunks.push(b));
    child.stderr?.on('data', (b: Buffer) => chunks.push(b));
    const timer = opts.timeoutMs
      ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs)
      : undefined;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      reject(new Error(`cannot run ${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      const output = fd === undefined ? Buffer.concat(chunks).toString('utf8') : tailFile(opts.logFile ?? '', 30);
      if (code === 0) {
        resolvePromise({ code, output });
        return;
      }
      const why = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
      reject(new Error(`${cmd} ${args.join(' ')} ${why}\n${lastLines(output, 20)}`));
    });
  });
}

/** Starts a long-running server in its own session, detached from us; output goes to logFile. */
export function spawnDetached(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const fd = openSync(ensureParent(opts.logFile), 'a');
    writeFileSync(fd, `\n==== ${new Date().toISOString()} starting ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    child.on('error', (err) => reject(new Error(`cannot start ${cmd}: ${err.message}`)));
    child.on('spawn', () => {
      child.unref();
      if (child.pid === undefined) reject(new Error(`cannot start ${cmd}: no pid`));
      else resolvePromise(child.pid);
    });
  });
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** The command line of a running process ('' when unknown). */
export function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

export function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim().split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writePid(file: string, pid: number): void {
  writeFileSync(ensureParent(file), `${pid}\n`);
}

export function removeFile(file: string): void {
  rmSync(file, { force: true });
}

/** Pid from the pid file when that process is alive and its command line contains marker. */
export function livePid(file: string, marker: string): number | undefined {
  const pid = readPid(file);
  if (pid === undefined) return undefined;
  if (isAlive(pid) && cmdlineOf(pid).includes(marker)) return pid;
  removeFile(file);
  return undefined;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, wait up to timeoutMs, then SIGKILL. Resolves once the process is gone. */
export async function stopPid(pid: number, timeoutMs: number): Promise<'term' | 'kill' | 'gone'> {
  if (!isAlive(pid)) return 'gone';
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'gone';
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'term';
    await sleep(200);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return 'term';
  }
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  return 'kill';
}

/** Finds an executable on PATH (or returns an absolute candidate that exists). */
export function which(cmd: string, extraDirs: readonly string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter((d) => d !== '');
  for (const dir of dirs) {
    const candidate = join(dir, cmd);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Last n lines of a file ('' when missing). */
export function tailFile(file: string, n: number): string {
  if (!file || !existsSync(file)) return '';
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const len = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(len);
    readSyncFully(fd, buf, size - len);
    return lastLines(buf.toString('utf8'), n);
  } finally {
    closeSync(fd);
  }
}

function readSyncFully(fd: number, buf: Buffer, position: number): void {
  let off = 0;
  while (off < buf.length) {
    const n = readSync(fd, buf, off, buf.length - off, position + off);
    if (n === 0) break;
    off += n;
  }
}

export function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function ensureParent(file: string): string {
  ensureDir(dirname(file));
  return file;
}

/**
 * Runs fn while holding a lock file (so two `up`s do not start the same store twice).
 * A lock whose owner process is gone is taken over.
 */
export async function withLock<T>(file: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  ensureParent(file);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readPid(file);
      const stale = owner === undefined ? ageMs(file) > 5000 : !isAlive(owner);
      if (stale) {
        removeFile(file);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${file} held by pid ${String(owner)}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    removeFile(file);
  }
}

/** Serialises async work within this process (apt and Maven must not run twice at once). */
export function mutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
}
