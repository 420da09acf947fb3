// The README's screenshot of the web app (docs/app.png): the C/O diagram of all four solid
// models over the default Gamma range in headless Chromium, and the free energies at one Gamma.
// node scripts/app-screenshot.mjs [out.png]
import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs/app.png');
const { serveStatic } = await import(join(root, 'dist/cli/staticServer.js'));
const { server, url } = await serveStatic(join(root, 'dist/app'), 0);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, userDataDir: mkdtempSync(join(tmpdir(), 'coulomix-chromium-')),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.setViewport({ width: 1000, height: 1400 });
await page.goto(`${url}?z1=6&z2=8&model=sro,random,ogata,ogata-smixz&gammaMin=130&gammaMax=181.5&gammaStep=0.5&run=1`);
await page.waitForFunction(() => document.body.dataset.state === 'done', { timeout: 600_000, polling: 200 });
await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1000, height: 1400 } });
await browser.close();
server.close();
console.log(`screenshot -> ${out}`);
