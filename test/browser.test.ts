// The browser path of the design: the same API in a web page, bundled by vite, with the WASM
// kernels fetched by initKernels() and everything in the page's thread (no Piscina). The page
// (test/browser/) runs in headless Chromium, and its numbers must equal this thread's.
// Skipped where no Chromium is installed (Debian: apt-get install chromium; .ci/run does so).
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { latticeSums } from '../src/latticeSums/latticeSums.js';
import { liquidFreeEnergy } from '../src/models/liquid.js';
import { randomSolid } from '../src/models/random.js';
import { sroSolid } from '../src/models/sro.js';
import { meltingGamma } from '../src/ocp/meltingPoint.js';
import { phaseDiagram } from '../src/phase/phaseDiagram.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (p): p is string => !!p && existsSync(p),
);
if (!chromium) console.warn('browser test skipped: no Chromium (apt-get install chromium, or set CHROMIUM)');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

describe.skipIf(!chromium)('the library in a web page (headless Chromium, no worker threads)', () => {
  let dir = '';
  let server: Server;
  let page: Record<string, unknown> & { azeotrope: { gamma: number; x: number; xError: number } };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coulomix-browser-'));
    const { build } = await import('vite');
    // 'coulomix' resolves to this package as an installed copy would: package.json "exports".
    await build({
      root: join(root, 'test/browser'),
      configFile: false,
      logLevel: 'error',
      resolve: { alias: { coulomix: root } },
      build: { outDir: dir, emptyOutDir: true, target: 'es2022' },
    });
    server = createServer((req, res) => {
      const path = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/\/$/, '/index.html')));
      if (!path.startsWith(dir) || !existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    // --virtual-time-budget: dump the DOM once the page has gone idle (its module script done).
    const { stdout } = await promisify(execFile)(
      chromium!,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(dir, 'profile')}`, '--virtual-time-budget=120000', '--dump-dom', `http://127.0.0.1:${port}/`],
      { timeout: 120_000, maxBuffer: 1 << 24 },
    );
    const text = /<pre id="out">([^<]*)<\/pre>/.exec(stdout)?.[1] ?? stdout;
    if (!text.startsWith('RESULT ')) throw new Error(`the page did not finish: ${text.slice(0, 2000)}`);
    page = JSON.parse(text.slice('RESULT '.length).replaceAll('&quot;', '"'));
  }, 180_000);

  afterAll(() => {
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('lattice sums, melting point, SRO, random and liquid free energies equal those computed here', async () => {
    const table = await latticeSums({ shells: 8, tol: 1e-9, threads: 1 });
    const sums = await getLatticeSums(8);
    const mix = { z1: 6, z2: 8, x: 0.5 };
    const sro = await sroSolid(mix, 175.719, sums, { shells: 8 });
    // Same WASM kernels and the same arithmetic; only Math.exp/log/cos of two V8 versions may
    // differ in the last bit, hence relative 1e-13 rather than equality.
    const close = (a: unknown, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-13 * Math.abs(b));
    close(page.T0, table.T0);
    close(page.zeta, table.zeta);
    (page.T as number[]).forEach((t, i) => close(t, table.shells[i].T));
    close(page.gamma1m, meltingGamma());
    expect(Math.abs((page.sroF as number) - sro.F)).toBeLessThan(1e-15);
    expect(page.certificate as number).toBeLessThan(1e-10);
    close(page.randomF, randomSolid(mix, 175.719, sums).F);
    close(page.liquidF, liquidFreeEnergy(mix, 175.719));
    // The page's default liquid is the paper's (-S_mixZ); the -S_mix variant lies above it by (ln<Z> - <ln Z>)/Gamma.
    close(page.liquidFSmix, liquidFreeEnergy(mix, 175.719, { idealMixing: 'smix' }));
    expect(Math.abs((page.liquidFSmix as number) - (page.liquidF as number) - (Math.log(7) - Math.log(48) / 2) / 175.719)).toBeLessThan(1e-15);
  });

  test('initKernels() fetched the SIMD build (bundled by vite like build/release.wasm)', () => {
    expect(page.simd).toBe(true); // Chromium has had WASM SIMD since version 91
    expect(page.backend).toBe('wasm-simd');
  });

  test('the random-model azeotrope agrees within its stated error', async () => {
    const here = (await phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 185, gammaStep: 1, sums: await getLatticeSums(8) })).azeotrope!;
    const { azeotrope } = page;
    expect(Math.abs(azeotrope.gamma - here.gamma)).toBeLessThan(1e-6 * here.gamma);
    // Chromium's and Node's V8 differ in the last bit of Math.log; at the azeotrope x is fixed
    // only to ~sqrt of the free-energy rounding, so the two engines' x differ by about the sum of
    // their stated errors (measured 1.1237e-7 against a sum of 1.1234e-7): allow twice that sum.
    expect(Math.abs(azeotrope.x - here.x)).toBeLessThanOrEqual(2 * (azeotrope.xError + here.xError));
  });
});
