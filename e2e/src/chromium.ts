import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { aptInstall } from '@shop/stack';

const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

/** Path of Debian's Chromium when installed (CHROMIUM_PATH overrides). */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

let installing: Promise<string> | undefined;

/** Debian's Chromium, installed once with apt-get when missing. A browser is never downloaded otherwise. */
export function ensureChromium(log: (line: string) => void = () => undefined): Promise<string> {
  installing ??= (async () => {
    const existing = findChromium();
    if (existing) return existing;
    await aptInstall(['chromium'], log);
    const installed = findChromium();
    if (!installed) throw new Error('apt-get installed chromium but no chromium binary was found');
    return installed;
  })();
  return installing;
}
