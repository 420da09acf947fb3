// Shared by the browser tests and bench/app.mjs: where Chromium is, and how to start it here
// (headless, no sandbox for containers, no network side traffic, a fresh profile).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumPath = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => !!p && existsSync(p),
);

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** puppeteer-core launch options for {@link chromiumPath} with a fresh profile. */
export function launchOptions(): Record<string, unknown> {
  return { executablePath: chromiumPath, headless: true, userDataDir: mkdtempSync(join(tmpdir(), 'coulomix-chromium-')), args: CHROMIUM_ARGS };
}
