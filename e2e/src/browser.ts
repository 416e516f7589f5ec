import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureChromium } from './chromium';

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Shopper {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A shopper with their own browser profile (a fresh --user-data-dir, so their own cookies) on Debian's Chromium. */
export async function newShopper(baseURL: string, viewport: { width: number; height: number }): Promise<Shopper> {
  const executablePath = await ensureChromium();
  const profile = mkdtempSync(join(tmpdir(), 'shop-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    baseURL,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: E2E_SCREENSHOT_DIR, else a new temp dir (they are never committed). */
export function screenshotDir(): string {
  const dir = process.env.E2E_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'shop-e2e-screenshots-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A full-page screenshot once loading placeholders are gone, taken from the top (the header is sticky). */
export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  const viewport = page.viewportSize();
  const path = join(dir, `${name}-${viewport?.width ?? 0}.png`);
  await page
    .locator('.skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
