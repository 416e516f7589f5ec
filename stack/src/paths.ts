// Where the local stack keeps its data, pid files and cached downloads.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { StoreName } from './types';

/** Repository root: two levels above stack/src. */
export const repoRoot: string = resolve(__dirname, '..', '..');

/** Root of everything the stack writes inside the checkout (override with STACK_DIR). */
export function stackDir(): string {
  const override = process.env.STACK_DIR;
  return override && override.trim() !== '' ? resolve(override) : join(repoRoot, '.stack');
}

/** Data folder of one store, e.g. <repo>/.stack/data/postgres. */
export function dataDir(store: StoreName): string {
  return join(stackDir(), 'data', store);
}

/** Folder for pid and lock files. */
export function runDir(): string {
  return join(stackDir(), 'run');
}

export function pidFile(store: StoreName): string {
  return join(runDir(), `${store}.pid`);
}

export function lockFile(store: StoreName): string {
  return join(runDir(), `${store}.lock`);
}

/** Log file of one store, inside its data folder. */
export function logFile(store: StoreName): string {
  return join(dataDir(store), `${store}.log`);
}

/** Cache for downloads and builds, outside the checkout: $XDG_CACHE_HOME/shop-supergraph or ~/.cache/shop-supergraph. */
export function cacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  const base = xdg && xdg.trim() !== '' ? resolve(xdg) : join(homedir(), '.cache');
  return join(base, 'shop-supergraph');
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
