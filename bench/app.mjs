// The web app, measured (node bench/app.mjs [--runs N]; results in bench/results/app.json and
// app.md):
// 1. the default C/O SRO diagram (Gamma 130..181.5 step 0.5, x step 0.01) computed in headless
//    Chromium on 1 Web Worker and on navigator.hardwareConcurrency workers (a fresh page per
//    run: cold workers, as a visitor has them), against whole `coulomix phase-diagram --model sro`
//    processes with 1 and 2 threads; runs interleaved, medians;
// 2. the app's download (dist/app: JS, WASM, CSS, HTML), raw and gzipped (zlib level 9);
// 3. vite's warnings when a page bundles the package as installed (node_modules/coulomix,
//    "browser" condition), and whether Piscina reaches that bundle.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
// --package DIR: bundle another checkout of the package in step 3 (e.g. one before the browser condition).
const pkgArg = process.argv.indexOf('--package');
const pkg = pkgArg > 0 ? process.argv[pkgArg + 1] : root;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const ONLY_STATIC = process.argv.includes('--static');
const chromium = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const DEFAULT = 'z1=6&z2=8&model=sro&gammaMin=130&gammaMax=181.5&gammaStep=0.5&xStep=0.01';

function downloadSize() {
  const dir = join(root, 'dist/app');
  const files = [join(dir, 'index.html'), ...readdirSync(join(dir, 'assets')).map((f) => join(dir, 'assets', f))];
  const by = {};
  for (const f of files) {
    const kind = f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'js' : f.endsWith('.css') ? 'css' : 'html';
    const b = readFileSync(f);
    by[kind] ??= { files: 0, bytes: 0, gzip: 0 };
    by[kind].files++;
    by[kind].bytes += b.length;
    by[kind].gzip += gzipSync(b, { level: 9 }).length;
  }
  return by;
}

async function viteWarnings() {
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'coulomix-installed-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(pkg, join(dir, 'node_modules', 'coulomix'), 'dir');
  cpSync(join(pkg, 'test/browser'), join(dir, 'page'), { recursive: true });
  const warnings = [];
  // eslint-disable-next-line no-control-regex
  const keep = (m) => (m.replace(/\x1b\[[0-9;]*m/g, '').trim() ? warnings.push(m) : 0);
  const logger = { info() {}, warn: keep, warnOnce: keep, error: keep, clearScreen() {}, hasWarned: false, hasErrorLogged: () => false };
  await build({ root: join(dir, 'page'), configFile: false, customLogger: logger, build: { outDir: join(dir, 'page/dist'), target: 'es2022' } });
  const js = readdirSync(join(dir, 'page/dist/assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, 'page/dist/assets', f), 'utf8')).join('\n');
  rmSync(dir, { recursive: true, force: true });
  const externalised = warnings.filter((w) => /externalized for browser compatibility/.test(w)).length;
  if (process.env.COULOMIX_BENCH_VERBOSE) for (const w of warnings) console.log(`  vite: ${JSON.stringify(w).slice(0, 300)}`);
  // Piscina's own code (two of its error messages), not the library's stub of it.
  return { warnings: warnings.length, externalised, piscinaInBundle: /Terminating worker thread|niceIncrement/.test(js) };
}

async function browserRuns() {
  const puppeteer = (await import('puppeteer-core')).default;
  const { serveStatic } = await import(join(root, 'dist/cli/staticServer.js'));
  const { server, url } = await serveStatic(join(root, 'dist/app'), 0);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true, userDataDir: mkdtempSync(join(tmpdir(), 'coulomix-chromium-')),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const once = async (workers) => {
    const page = await browser.newPage();
    const t0 = performance.now();
    await page.goto(`${url}?${DEFAULT}${workers ? `&workers=${workers}` : ''}&run=1`);
    await page.waitForFunction(() => ['done', 'error', 'invalid', 'cancelled'].includes(document.body.dataset.state), { timeout: 600_000, polling: 100 });
    const wall = (performance.now() - t0) / 1000;
    const text = await page.evaluate(() => document.getElementById('coulomix-result').textContent);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.close();
    if (!text) throw new Error('the page did not finish');
    const r = JSON.parse(text);
    return { compute: r.seconds.total, wall, workers: r.workers, cores, rows: r.diagrams.sro.rows.length };
  };
  return { once, close: async () => { await browser.close(); server.close(); } };
}

function nodeRun(threads) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'phase-diagram', '--model', 'sro', '--threads', String(threads), '--csv', '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return (performance.now() - t0) / 1000;
}

const out = { machine: `${cpus().length} x ${cpus()[0]?.model ?? '?'}`, node: process.version, runs: RUNS, date: new Date().toISOString(), loadAverageAtStart: loadavg()[0] };
out.download = downloadSize();
out.download.jsPlusWasmGzip = out.download.js.gzip + out.download.wasm.gzip;
console.log(`app download: JS ${out.download.js.bytes} B (${out.download.js.gzip} B gzipped), WASM ${out.download.wasm.bytes} B (${out.download.wasm.gzip} B gzipped); JS + WASM gzipped ${out.download.jsPlusWasmGzip} B`);
out.vite = await viteWarnings();
console.log(`vite, package as installed: ${out.vite.warnings} warnings (${out.vite.externalised} externalised Node modules), Piscina in the bundle: ${out.vite.piscinaInBundle}`);
if (!chromium || ONLY_STATIC) {
  console.log(ONLY_STATIC ? '--static: browser and Node timings skipped' : 'no Chromium: browser timings skipped');
} else {
  const b = await browserRuns();
  const samples = { browser1: [], browserAll: [], node1: [], node2: [] };
  let all;
  for (let i = 0; i < RUNS; i++) {
    const one = await b.once(1);
    const many = await b.once(0);
    all = many.workers;
    samples.browser1.push(one.compute);
    samples.browserAll.push(many.compute);
    samples.node1.push(nodeRun(1));
    samples.node2.push(nodeRun(2));
    console.log(`run ${i + 1}: browser 1 worker ${one.compute.toFixed(2)} s (page ${one.wall.toFixed(2)} s), ${many.workers} workers ${many.compute.toFixed(2)} s (page ${many.wall.toFixed(2)} s); node 1 thread ${samples.node1[i].toFixed(2)} s, 2 threads ${samples.node2[i].toFixed(2)} s`);
  }
  await b.close();
  out.workersAll = all;
  out.loadAverageAtEnd = loadavg()[0];
  out.seconds = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { median: +median(v).toFixed(3), samples: v.map((t) => +t.toFixed(3)) }]));
}
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/app.json'), `${JSON.stringify(out, null, 1)}\n`);
const s = out.seconds;
const md = [
  `# Web app (${out.date.slice(0, 10)}, ${out.machine}, Node ${out.node}, medians of ${RUNS} interleaved runs, load average ${out.loadAverageAtStart.toFixed(1)} at the start)`,
  '',
  '| what | median |',
  '|---|---|',
  ...(s
    ? [
        `| default C/O SRO diagram in Chromium, 1 Web Worker (fresh page) | ${s.browser1.median.toFixed(2)} s |`,
        `| the same, ${out.workersAll} Web Workers | ${s.browserAll.median.toFixed(2)} s (${(s.browser1.median / s.browserAll.median).toFixed(2)}x) |`,
        `| \`coulomix phase-diagram --model sro\` process, 1 thread | ${s.node1.median.toFixed(2)} s |`,
        `| the same, 2 threads | ${s.node2.median.toFixed(2)} s (${(s.node1.median / s.node2.median).toFixed(2)}x) |`,
      ]
    : []),
  `| app download, JS + WASM gzipped | ${(out.download.jsPlusWasmGzip / 1024).toFixed(1)} KiB (JS ${(out.download.js.gzip / 1024).toFixed(1)}, WASM ${(out.download.wasm.gzip / 1024).toFixed(1)}; raw ${((out.download.js.bytes + out.download.wasm.bytes) / 1024).toFixed(1)} KiB) |`,
  `| vite warnings bundling the installed package | ${out.vite.warnings} (Piscina in the bundle: ${out.vite.piscinaInBundle ? 'yes' : 'no'}) |`,
  '',
];
writeFileSync(join(root, 'bench/results/app.md'), md.join('\n'));
console.log(md.join('\n'));
