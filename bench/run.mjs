// coulomix benchmarks: `npm run bench` (after `npm install`, which builds dist/ and build/).
// Each case is timed by benny (benchmark.js); we print and save the MEDIAN of its samples.
// Results: bench/results/<suite>.json (benny) and bench/results/summary.{json,md}.
import b from 'benny';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.js')) && !existsSync(join(dist, 'latticeSums', 'latticeSums.js'))) {
  console.error('bench: dist/ is missing; run `npm install` (or `npm run build`) first');
  process.exit(2);
}
const outDir = join(here, 'results');
mkdirSync(outDir, { recursive: true });
const only = process.argv.slice(2); // optional suite names
const want = (name) => only.length === 0 || only.includes(name);

const { latticeKernel } = await import(join(dist, 'kernels', 'latticeKernel.js'));
const { loadPortable } = await import(join(dist, 'kernels', 'loadPortable.js'));
const { gaussLegendre01 } = await import(join(dist, 'brillouin', 'gaussLegendre.js'));
const { latticeSums } = await import(join(dist, 'latticeSums', 'latticeSums.js'));
const { closePool } = await import(join(dist, 'parallel', 'pool.js'));

const summary = { machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, date: new Date().toISOString(), results: [] };
const record = (suite, name, medianSeconds, extra = {}) => {
  const row = { suite, name, medianMs: +(medianSeconds * 1e3).toFixed(3), ...extra };
  summary.results.push(row);
  return row;
};

async function suite(name, cases, options = {}) {
  let results;
  await b.suite(
    name,
    ...cases.map(([caseName, fn]) => b.add(caseName, fn, { minSamples: options.minSamples ?? 5, maxTime: options.maxTime ?? 2 })),
    b.cycle(),
    b.complete((s) => { results = s.results; }),
    b.save({ file: name.replace(/[^a-z0-9]+/gi, '-').toLowerCase(), folder: outDir, format: 'json', details: true }),
  );
  return results;
}

// 1. Integrand kernel throughput: beta^T D^-1 beta and 30 shell cosines per k-point, one thread.
if (want('kernel')) {
  const shells = 30;
  const orders = [12, 20, 12];
  const points = orders[0] * orders[1] * orders[2];
  const rules = { t: gaussLegendre01(orders[0]), u: gaussLegendre01(orders[1]), v: gaussLegendre01(orders[2]) };
  const { loadWasmBuild, simdSupported } = await import(join(dist, 'kernels', 'loadWasm.js'));
  const wasm = latticeKernel({ shells, backend: loadWasmBuild('scalar') });
  const simd = simdSupported() ? latticeKernel({ shells, backend: loadWasmBuild('simd') }) : null;
  const js = latticeKernel({ shells, backend: await loadPortable() });
  const res = await suite('integrand kernel, 30 shells', [
    ['wasm', () => wasm.wedgeSums(rules, 0, points)],
    ...(simd ? [['wasm+simd', () => simd.wedgeSums(rules, 0, points)]] : []),
    ['js (portable)', () => js.wedgeSums(rules, 0, points)],
  ]);
  const m = Object.fromEntries(res.map((r) => [r.name, r.details.median]));
  record('kernel', 'wasm k-points/s/thread', m.wasm, { kPointsPerSecond: Math.round(points / m.wasm) });
  if (simd) record('kernel', 'wasm+simd k-points/s/thread', m['wasm+simd'], { kPointsPerSecond: Math.round(points / m['wasm+simd']) });
  record('kernel', 'js k-points/s/thread', m['js (portable)'], { kPointsPerSecond: Math.round(points / m['js (portable)']) });
  record('kernel', 'wasm/js speed ratio', 0, { ratio: +(m['js (portable)'] / m.wasm).toFixed(2) });
  if (simd) record('kernel', 'wasm+simd/wasm speed ratio', 0, { ratio: +(m.wasm / m['wasm+simd']).toFixed(2) });
}

// 1b. WASM, WASM+SIMD, portable JS and native C (gcc -O3, -O3 -march=native) on the same
// kernels and tables, paired rounds: bench/native.mjs (writes bench/results/native.json).
if (want('native')) {
  const { benchNative } = await import(join(here, 'native.mjs'));
  const { details } = await benchNative();
  for (const k of details.kernels) {
    for (const v of ['wasm', 'wasmSimd', 'js', 'native', 'nativeMarch']) {
      if (k[v] != null) summary.results.push({ suite: 'native', name: `${k.kernel}, ${v}: ${k[v].toLocaleString('en')} ${k.unit}`, medianMs: +(1e3 / k[v]).toFixed(5) });
    }
    for (const [name, ratio] of Object.entries(k.ratios)) if (ratio != null) summary.results.push({ suite: 'native', name: `${k.kernel} ${name}`, medianMs: 0, ratio });
  }
}

// 2. T table at 1e-9, warm (pool and kernels already up), 1 and 2 threads.
if (want('table')) {
  const cases = [];
  for (const shells of [8, 30]) for (const threads of [1, 2]) {
    cases.push([`N=${shells} threads=${threads}`, { defer: true, fn: undefined, shells, threads }]);
  }
  const res = await suite('T table at 1e-9 (warm)', cases.map(([n, c]) => [n, async () => { await latticeSums({ shells: c.shells, tol: 1e-9, threads: c.threads }); }]), { minSamples: 5, maxTime: 3 });
  res.forEach((r) => record('table', r.name, r.details.median));
  await closePool();

  // Cold: the whole CLI process (WASM instantiation, Ewald tables, worker start-up), median of 5.
  for (const [shells, threads] of [[8, 1], [8, 2], [30, 1], [30, 2]]) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(dist, 'cli', 'main.js'), 'table', '--shells', String(shells), '--threads', String(threads), '--json'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const row = record('table', `cold CLI: coulomix table --shells ${shells} --threads ${threads}`, times[2] / 1e3);
    console.log(`  ${row.name}: median ${row.medianMs.toFixed(0)} ms`);
  }
}

// 3. Suites contributed by other layers (each exports an async bench function returning rows).
for (const [name, file, fn] of [['minimize', 'minimize.mjs', 'benchMinimize'], ['phase', 'phaseDiagram.mjs', 'benchPhaseDiagram'], ['sweep', 'sweep.mjs', 'benchSweep'], ['mc', 'mc.mjs', 'benchMc']]) {
  if (!want(name) || !existsSync(join(here, file))) continue;
  const mod = await import(join(here, file));
  if (typeof mod[fn] !== 'function') continue;
  const rows = await mod[fn]();
  for (const r of [].concat(rows)) summary.results.push({ suite: name, ...r });
}

// 4. The main job: `coulomix reproduce` (default and --quick), whole process, median of 3.
if (want('reproduce')) {
  for (const args of [['--quick'], []]) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const out = join(outDir, '.reproduce-bench');
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(dist, 'cli', 'main.js'), 'reproduce', '--out', out, ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      times.push(performance.now() - t0);
      spawnSync('rm', ['-rf', out]);
    }
    times.sort((a, b) => a - b);
    const row = record('reproduce', `coulomix reproduce ${args.join(' ')}`.trim(), times[1] / 1e3, { samples: times.map((t) => +(t / 1e3).toFixed(1)) });
    console.log(`  ${row.name}: median ${(row.medianMs / 1e3).toFixed(1)} s`);
  }
}

// Running a subset of suites replaces only their rows in an existing summary.
const summaryFile = join(outDir, 'summary.json');
if (only.length > 0 && existsSync(summaryFile)) {
  const previous = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const ran = new Set(summary.results.map((r) => r.suite));
  summary.results = [...previous.results.filter((r) => !ran.has(r.suite)), ...summary.results];
}
writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
const md = ['| suite | case | median | figure |', '|---|---|---|---|',
  ...summary.results.map((r) => `| ${r.suite} | ${r.name} | ${r.medianMs ? `${r.medianMs} ms` : ''} | ${r.kPointsPerSecond ? `${r.kPointsPerSecond.toLocaleString('en')} k-points/s` : r.movesPerSecond ? `${r.movesPerSecond.toExponential(2)} moves/s` : r.ratio ? `x${r.ratio}` : ''} |`)];
writeFileSync(join(outDir, 'summary.md'), `${md.join('\n')}\n`);
console.log(`\n${md.join('\n')}\n\nmachine: ${summary.machine.cpus} cores, ${summary.machine.model}, node ${summary.machine.node}`);
