import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '@shop/stack';

export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');

export interface BundleReport {
  /** Files the shop's index.html loads before the first page shows (entry, preloads, CSS). */
  initial: Array<{ file: string; bytes: number; gzipBytes: number }>;
  initialBytes: number;
  initialGzipBytes: number;
}

/** Builds the shop and the explorer (`npm run build -w @shop/web`) and reports what a first visit downloads. */
export function buildWebApp(): BundleReport {
  // Jest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build', '-w', '@shop/web'], { cwd: REPO_ROOT, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`The web build failed:\n${result.stdout}\n${result.stderr}`);
  return bundleReport();
}

export function bundleReport(): BundleReport {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const initial = files.map((file) => {
    const content = readFileSync(join(WEB_DIST, file));
    return { file, bytes: statSync(join(WEB_DIST, file)).size, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    initial,
    initialBytes: initial.reduce((sum, entry) => sum + entry.bytes, 0),
    initialGzipBytes: initial.reduce((sum, entry) => sum + entry.gzipBytes, 0),
  };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
