// WASM (scalar), WASM + SIMD, portable JS and native C, on the same kernels and the same tables.
//
// The native reference (bench/native/*.c, the same algorithm as assembly/*.ts) is compiled here
// with the system gcc at -O3 and at -O3 -march=native into bench/native/build/ (git-ignored);
// without gcc the native columns are null and a message says so. The C reads a dump of the
// scalar WASM module's memory: every table, offset and parameter is the kernel's own. Its
// results are checked against WASM first; then all variants are timed in paired rounds (each
// round times every variant back to back; medians over rounds, ratios per round, then their
// median), because this machine is shared and its load drifts.
//
// Run by `npm run bench` (suite `native`) or alone: `node bench/native.mjs [integrand|cellScan|mcMove ...]`
// (naming kernels times only those and writes no results file).
// Writes bench/results/native.json: one record per kernel
//   {"kernel", "unit", "wasm", "wasmSimd", "js", "native", "nativeMarch"}  (items per second, null where absent)
// and bench/results/native-details.json (agreement, ratios, samples, machine).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const buildDir = join(here, 'native', 'build');
const load = (p) => import(pathToFileURL(join(dist, p)).href);

const VARIANTS = ['wasm', 'wasmSimd', 'js', 'native', 'nativeMarch'];
const LABEL = { wasm: 'WASM', wasmSimd: 'WASM+SIMD', js: 'portable JS', native: 'gcc -O3', nativeMarch: 'gcc -O3 -march=native' };

/** Compile the C reference twice; returns { native: path|null, nativeMarch: path|null, note }. */
function buildNative() {
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (gcc.status !== 0) return { native: null, nativeMarch: null, note: 'no gcc on this machine: native columns skipped' };
  mkdirSync(buildDir, { recursive: true });
  const src = ['main.c', 'integrand.c', 'cellscan.c', 'mc.c'].map((f) => join(here, 'native', f));
  const out = {};
  for (const [name, flags] of [['native', ['-O3']], ['nativeMarch', ['-O3', '-march=native']]]) {
    const exe = join(buildDir, name);
    const r = spawnSync('gcc', [...flags, '-std=c11', '-D_POSIX_C_SOURCE=200809L', '-Wall', '-o', exe, ...src, '-lm'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc ${flags.join(' ')} failed:\n${r.stderr}`);
    out[name] = exe;
  }
  out.note = `${gcc.stdout.split('\n')[0]}; flags -O3 and -O3 -march=native (default -ffp-contract=fast: FMA contraction where -march allows it)`;
  return out;
}

function runNative(exe, args) {
  const r = spawnSync(exe, args.map(String), { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${exe} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * Median and fastest seconds of one call of `fn` over `n` calls, after untimed ones: 3, or for
 * `warmMs` milliseconds (the first round: V8 first runs WASM from its baseline compiler and
 * tiers a function up only once it has run for a while).
 */
function timeJs(fn, n, warmMs = 0) {
  const until = performance.now() + warmMs;
  for (let i = 0; i < 3 || performance.now() < until; i++) fn();
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    t.push((performance.now() - t0) / 1e3);
  }
  return { seconds: median(t), best: Math.min(...t) };
}

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const maxRelDiff = (a, b) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
  return m;
};

/** The kernel backends: scalar WASM, SIMD WASM (when this host validates it) and the portable JS build. */
async function backends() {
  const w = await load('kernels/loadWasm.js');
  const { loadPortable } = await load('kernels/loadPortable.js');
  return { wasm: w.loadWasmBuild('scalar'), wasmSimd: w.simdSupported() ? w.loadWasmBuild('simd') : null, js: await loadPortable() };
}

/** Dump the whole memory of a WASM backend to a file (the native reference's input). */
function dumpMemory(backend, file) {
  const mem = backend.exports.memory;
  writeFileSync(file, new Uint8Array(mem.buffer));
  return file;
}

/**
 * Integrand kernel: the wedge rule of the `kernel` suite (12 x 20 x 12 Gauss points, 30 shells,
 * Ewald tolerance 1e-13): beta^T D^-1 beta and the 30 shell cosine sums per k-point.
 */
async function integrandCase(be, exe, rounds, samples) {
  const { latticeKernel } = await load('kernels/latticeKernel.js');
  const { gaussLegendre01 } = await load('brillouin/gaussLegendre.js');
  const { WEDGE } = await load('brillouin/wedge.js');
  const shells = 30;
  const orders = [12, 20, 12];
  const points = orders[0] * orders[1] * orders[2];
  const rules = { t: gaussLegendre01(orders[0]), u: gaussLegendre01(orders[1]), v: gaussLegendre01(orders[2]) };
  const kernels = {};
  for (const v of ['wasm', 'wasmSimd', 'js']) if (be[v]) kernels[v] = latticeKernel({ shells, backend: be[v] });
  const results = {};
  for (const v of Object.keys(kernels)) results[v] = kernels[v].wedgeSums(rules, 0, points);
  // The native run reads the scalar module's tables: its state blocks and rule buffers.
  const k = kernels.wasm;
  k.madelungEnergy(); // make this configuration the active one
  const x = be.wasm.exports;
  const put = (arr) => {
    const p = x.allocate(arr.length);
    be.wasm.view(p, arr.length).set(arr);
    return p;
  };
  const tP = put(rules.t), uP = put(rules.u), vP = put(rules.v);
  const ewald = x.ewaldState();
  const shellsState = x.shellsState();
  const args = (n) => ['integrand', dumpMemory(be.wasm, join(buildDir, 'integrand.mem')), n, ewald, shellsState, tP, orders[0], uP, orders[1], vP, orders[2], 0, points, shells,
    ...WEDGE.H, ...WEDGE.N, ...WEDGE.P].map((a) => (typeof a === 'number' && !Number.isInteger(a) ? a.toPrecision(17) : a));
  const nativeArgs = exe.native ? args(samples) : null;
  const agreement = {};
  let recipTermsPerPoint = null;
  for (const v of ['native', 'nativeMarch']) {
    if (!exe[v]) continue;
    const r = runNative(exe[v], nativeArgs);
    results[v] = r.acc;
    recipTermsPerPoint = r.recipTermsPerPoint;
  }
  for (const v of Object.keys(results)) if (v !== 'wasm') agreement[v] = maxRelDiff(results[v], results.wasm);
  const time = {
    wasm: () => kernels.wasm.wedgeSums(rules, 0, points),
    wasmSimd: kernels.wasmSimd && (() => kernels.wasmSimd.wedgeSums(rules, 0, points)),
    js: () => kernels.js.wedgeSums(rules, 0, points),
  };
  const { shellTerms } = await load('kernels/shellTerms.js');
  const { nTerms, maxIndex } = shellTerms(shells);
  const flopsPerPoint = recipTermsPerPoint == null ? null
    : integrandFlops({ nReal: k.tables.nReal, realMax: k.tables.realMax, recipMax: k.tables.recipMax, recip: recipTermsPerPoint, nTerms, hMax: maxIndex, shells });
  return { kernel: 'integrand', unit: 'k-points/s', items: points, time, exe, nativeArgs, agreement, extra: { recipTermsPerPoint, nReal: k.tables.nReal, nRecip: k.tables.nRecip, points, shells, nTerms, flopsPerPoint } };
}

/**
 * Floating-point operations of one k-point of the integrand kernel, counted from the code of
 * assembly/ewald.ts, shells.ts and quadrature.ts (+, -, *, /, sqrt one each; the 10 calls of cos,
 * sin, exp are not counted): point and weight 21; phase rows 3 + 18 M; real-space terms 32 each
 * (phase 14, beta 6, D 12); damping rows 3 (4 + 2 G); |k|^2, exp argument, cut-off 10;
 * reciprocal terms 40 each (weight 13, beta 6, D 21); diagonal 3; Cholesky and beta^T D^-1 beta 30;
 * weights 2; Chebyshev rows 9 (hMax - 1); shell terms 4 each; shell sums 2 each.
 */
function integrandFlops({ nReal, realMax, recipMax, recip, nTerms, hMax, shells }) {
  return 21 + 3 + 18 * realMax + 32 * nReal + 3 * (4 + 2 * recipMax) + 10 + 40 * recip + 3 + 30 + 2
    + 9 * Math.max(hMax - 1, 0) + 4 * nTerms + 2 * shells;
}

/**
 * The Delta(k) cell scan of the SRO solver (assembly/cellScan.ts) on the 10^5-point wedge
 * sample, n = 8, with d_i = alpha_i - x^2 of the certified minimum at x = 0.5, Gamma = 175.719
 * and the solver's keep = 12, floor = -1e-13: one scan per item.
 */
async function cellScanCase(be, exe, rounds, samples) {
  const { getConstraintTable } = await load('sro/constraintTable.js');
  const { cellScanKernel } = await load('kernels/cellScanKernel.js');
  const { sroSolid } = await load('models/sro.js');
  const { getLatticeSums } = await load('latticeSums/getLatticeSums.js');
  const x = 0.5;
  const sro = await sroSolid({ z1: 6, z2: 8, x }, 175.719, await getLatticeSums(8), { shells: 8 });
  const d = Float64Array.from(sro.alpha, (a) => a - x * x);
  const b = x * (1 - x);
  const keep = 12;
  const floor = -1e-13;
  const { blocks } = getConstraintTable(8);
  const kernels = {};
  for (const v of ['wasm', 'wasmSimd', 'js']) if (be[v]) kernels[v] = cellScanKernel(blocks, be[v]);
  const read = (kern) => {
    const count = kern.scan(d, b, keep, floor);
    const h = kern.heap();
    const cells = [];
    for (let r = 0; r < count; r++) {
      const p = h[kern.order + r];
      cells.push([p, h[kern.min + p], h[kern.arg + p]]);
    }
    return cells;
  };
  const results = {};
  for (const v of Object.keys(kernels)) results[v] = read(kernels[v]);
  // Native: the scalar module's scan context, with d in its input slot.
  const ctx = kernels.wasm.context;
  const nativeArgs = exe.native ? ['cellscan', dumpMemory(be.wasm, join(buildDir, 'cellscan.mem')), samples, ctx, b, keep, floor] : null;
  for (const v of ['native', 'nativeMarch']) if (exe[v]) results[v] = runNative(exe[v], nativeArgs).cells;
  const agreement = {};
  const flat = (cells) => cells.flat();
  for (const v of Object.keys(results)) {
    if (v === 'wasm') continue;
    const same = results[v].length === results.wasm.length && results[v].every((c, i) => c[0] === results.wasm[i][0] && c[2] === results.wasm[i][2]);
    agreement[v] = same ? maxRelDiff(flat(results[v]), flat(results.wasm)) : Infinity;
  }
  const time = {};
  for (const v of Object.keys(kernels)) time[v] = () => kernels[v].scan(d, b, keep, floor);
  return { kernel: 'cellScan', unit: 'scans/s', items: 1, time, exe, nativeArgs, agreement, extra: { cells: results.wasm.length, points: blocks.count, n: 8 } };
}

/**
 * The lattice Monte Carlo move kernel (assembly/mc.ts, mcSweeps without structure
 * measurements): L = 8 (N = 1024 sites), the n = 8 paper couplings (112 slots) at x = 0.5,
 * Gamma = 175.7, from an equilibrated configuration; one item = one attempted exchange.
 * Returns null when this build has no MC kernel.
 */
async function mcCase(be, exe, rounds, samples, log) {
  if (!existsSync(join(dist, 'kernels', 'mcKernel.js')) || typeof be.wasm.exports.mcSweeps !== 'function') {
    log('MC move kernel: not in this build (row null)');
    return null;
  }
  const { mcLayout } = await load('kernels/mcKernel.js');
  const { paperCouplings, supercellSetup, randomSites } = await load('mc/supercell.js');
  const { SplitMix32 } = await load('mc/rng.js');
  const { getLatticeSums } = await load('latticeSums/getLatticeSums.js');
  const L = 8;
  const N = 2 * L ** 3;
  const gamma = 175.7;
  const sweeps = 20;
  const setup = supercellSetup(L, paperCouplings({ z1: 6, z2: 8, x: 0.5 }, await getLatticeSums(8), 8));
  // A context built through the kernel's exports (as src/kernels/mcKernel.ts does), so that the
  // bench knows its offset for the native run.
  const context = (backend) => {
    const x = backend.exports;
    const W = mcLayout(backend).word;
    const ctx = x.mcContext(L, setup.slotJ.length, setup.measureShells, sweeps);
    const at = (w) => x.mcBuffer(ctx, w);
    backend.ints().set(setup.slotD, at(W.SLOT_D) / 4);
    backend.heap().set(setup.slotJ, at(W.SLOT_J) / 8);
    backend.heap().set(setup.shellC, at(W.SHELL_C) / 8);
    x.mcBuild(ctx);
    return {
      context: ctx,
      load(sitesIn, rngIn) {
        backend.ints().set(sitesIn, at(W.SITES) / 4);
        backend.ints().set(rngIn, at(W.RNG) / 4);
        x.mcSetSites(ctx);
      },
      sweeps: (g, n, m) => x.mcSweeps(ctx, g, n, m),
      energy: () => x.mcGet(ctx, W.ENERGY),
      sites: () => backend.ints().slice(at(W.SITES) / 4, at(W.SITES) / 4 + N),
      rng: () => backend.ints().slice(at(W.RNG) / 4, at(W.RNG) / 4 + 4),
    };
  };
  const kernels = {};
  for (const v of ['wasm', 'wasmSimd', 'js']) if (be[v] && typeof be[v].exports.mcSweeps === 'function') kernels[v] = context(be[v]);
  // Equilibrate once (scalar WASM), then start every variant from that state.
  kernels.wasm.load(randomSites(N, N / 2, new SplitMix32(3)), [1, 2, 3, 4]);
  kernels.wasm.sweeps(gamma, 200, 0);
  const sites = kernels.wasm.sites();
  const rng = kernels.wasm.rng();
  const fnv = (a) => a.reduce((h, v) => Math.imul(h ^ v, 16777619) >>> 0, 2166136261);
  const results = {};
  for (const v of Object.keys(kernels)) {
    kernels[v].load(sites, rng);
    if (v === 'wasm') {
      // the native run starts from this very state: dump it before moving
      results.nativeArgs = exe.native ? ['mc', dumpMemory(be.wasm, join(buildDir, 'mc.mem')), samples, kernels.wasm.context, gamma, sweeps] : null;
    }
    const accepted = kernels[v].sweeps(gamma, sweeps, 0);
    results[v] = [accepted, kernels[v].energy(), fnv(kernels[v].sites())];
  }
  for (const v of ['native', 'nativeMarch']) {
    if (!exe[v]) continue;
    const r = runNative(exe[v], results.nativeArgs);
    results[v] = [r.accepted, r.energy, r.sitesHash];
  }
  const agreement = {};
  for (const v of Object.keys(results)) {
    if (v === 'wasm' || v === 'nativeArgs') continue;
    const [a, e, h] = results[v];
    agreement[v] = a === results.wasm[0] && h === results.wasm[2] ? Math.abs(e - results.wasm[1]) / Math.abs(results.wasm[1]) : Infinity;
  }
  const time = {};
  for (const v of Object.keys(kernels)) time[v] = () => kernels[v].sweeps(gamma, sweeps, 0);
  return { kernel: 'mcMove', unit: 'moves/s', items: N * sweeps, time, exe, nativeArgs: results.nativeArgs, agreement, extra: { L, N, slots: setup.slotJ.length, gamma, sweepsPerCall: sweeps, acceptance: results.wasm[0] / (N * sweeps) } };
}

/** Paired rounds: every variant timed in each round; throughput medians and per-round ratio medians. */
function measure(c, rounds, samples, log) {
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const s = {};
    for (const v of ['wasm', 'wasmSimd', 'js']) if (c.time[v]) s[v] = timeJs(c.time[v], v === 'js' ? Math.max(5, samples >> 1) : samples, r === 0 ? 1000 : 0);
    for (const v of ['native', 'nativeMarch']) if (c.exe[v]) s[v] = runNative(c.exe[v], c.nativeArgs);
    perRound.push(s);
    log(`  ${c.kernel}: round ${r + 1}/${rounds}: ${Object.entries(s).map(([v, t]) => `${LABEL[v]} ${Math.round(c.items / t.seconds).toLocaleString('en')}`).join(', ')} ${c.unit} (medians)`);
  }
  const record = { kernel: c.kernel, unit: c.unit };
  for (const v of VARIANTS) record[v] = perRound[0][v] === undefined ? null : Math.round(c.items / median(perRound.map((s) => s[v].seconds)));
  // The fastest call of each variant over all rounds: the figure least disturbed by other load.
  const best = {};
  for (const v of VARIANTS) best[v] = perRound[0][v] === undefined ? null : Math.round(c.items / Math.min(...perRound.map((s) => s[v].best)));
  const ratio = (a, b) => (perRound[0][a] === undefined || perRound[0][b] === undefined ? null : +median(perRound.map((s) => s[b].seconds / s[a].seconds)).toFixed(3));
  const bestRatio = (a, b) => (best[a] == null || best[b] == null ? null : +(best[a] / best[b]).toFixed(3));
  const bestRatios = {
    'wasm/native': bestRatio('wasm', 'native'),
    'wasm/nativeMarch': bestRatio('wasm', 'nativeMarch'),
    'wasmSimd/wasm': bestRatio('wasmSimd', 'wasm'),
    'wasmSimd/native': bestRatio('wasmSimd', 'native'),
    'wasm/js': bestRatio('wasm', 'js'),
  };
  const ratios = {
    'wasm/native': ratio('wasm', 'native'),
    'wasm/nativeMarch': ratio('wasm', 'nativeMarch'),
    'wasmSimd/wasm': ratio('wasmSimd', 'wasm'),
    'wasmSimd/native': ratio('wasmSimd', 'native'),
    'wasmSimd/nativeMarch': ratio('wasmSimd', 'nativeMarch'),
    'wasm/js': ratio('wasm', 'js'),
  };
  return { record, ratios, best, bestRatios, perRound };
}

/**
 * The native comparison: returns the records (also written to bench/results/native.json).
 * Throws if a variant's results disagree with the scalar WASM beyond the stated tolerances.
 */
export async function benchNative({ rounds = 7, samples = 15, log = console.log, only = null } = {}) {
  const exe = buildNative();
  log(`native reference: ${exe.note}`);
  const be = await backends();
  if (!be.wasmSimd) log('WASM SIMD: not supported by this host (column null)');
  // Stated agreement with the scalar WASM (max relative difference over all outputs): the SIMD
  // build is bit-identical by construction; native C differs only through libm (cos, sin, exp)
  // and, with -march=native, fused multiply-adds; the portable JS through V8's Math functions.
  const TOL = { wasmSimd: 0, js: 1e-12, native: 1e-12, nativeMarch: 1e-12 };
  const want = (kernel) => !only || only.includes(kernel);
  const cases = [];
  if (want('integrand')) cases.push(await integrandCase(be, exe, rounds, samples));
  if (want('cellScan')) cases.push(await cellScanCase(be, exe, rounds, samples));
  const mc = want('mcMove') ? await mcCase(be, exe, rounds, samples, log) : null;
  if (mc) cases.push(mc);
  const records = [];
  const details = { date: new Date().toISOString(), machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version }, compiler: exe.note, method: `${rounds} paired rounds; in each, every variant timed back to back as the median of ${samples} calls (JS: fewer); figures are medians over rounds, ratios medians of per-round ratios`, tolerance: TOL, kernels: [] };
  for (const c of cases) {
    for (const [v, diff] of Object.entries(c.agreement)) {
      log(`  ${c.kernel}: ${LABEL[v]} vs WASM: max relative difference ${diff.toExponential(2)} (stated tolerance ${TOL[v] === 0 ? 'bit-identical' : TOL[v]})`);
      if (!(diff <= TOL[v])) throw new Error(`${c.kernel}: ${LABEL[v]} disagrees with WASM (${diff} > ${TOL[v]})`);
    }
    const m = measure(c, rounds, samples, log);
    records.push(m.record);
    details.kernels.push({ kernel: c.kernel, unit: c.unit, ...m.record, ratios: m.ratios, best: m.best, bestRatios: m.bestRatios, agreement: c.agreement, ...c.extra, perRoundSeconds: m.perRound });
  }
  if (only) {
    printTable(records, details, log);
    log('(only some kernels timed: bench/results/native*.json not written)');
    return { records, details };
  }
  // Without the Monte Carlo move kernel in this build its row is all null.
  if (!mc) records.push({ kernel: 'mcMove', unit: 'moves/s', wasm: null, wasmSimd: null, js: null, native: null, nativeMarch: null });
  const outDir = join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'native.json'), `${JSON.stringify(records, null, 2)}\n`);
  writeFileSync(join(outDir, 'native-details.json'), `${JSON.stringify(details, null, 2)}\n`);
  printTable(records, details, log);
  return { records, details };
}

function printTable(records, details, log) {
  const fmt = (v) => (v == null ? '-' : v.toLocaleString('en'));
  log(`\n| kernel | unit | ${VARIANTS.map((v) => LABEL[v]).join(' | ')} |`);
  log(`|---|---|${VARIANTS.map(() => '---:').join('|')}|`);
  for (const r of records) log(`| ${r.kernel} | ${r.unit} | ${VARIANTS.map((v) => fmt(r[v])).join(' | ')} |`);
  for (const k of details.kernels) {
    if (k.flopsPerPoint) {
      const gf = (v) => (k[v] == null ? '-' : ((k[v] * k.flopsPerPoint) / 1e9).toFixed(2));
      const gfBest = (v) => (k.best[v] == null ? '-' : ((k.best[v] * k.flopsPerPoint) / 1e9).toFixed(2));
      log(`${k.kernel}: ${Math.round(k.flopsPerPoint)} flops per k-point (${k.recipTermsPerPoint.toFixed(1)} of ${k.nRecip} reciprocal terms on average); GFLOP/s (medians / fastest calls): ${VARIANTS.map((v) => `${LABEL[v]} ${gf(v)} / ${gfBest(v)}`).join(', ')}`);
    }
    log(`${k.kernel} ratios (median of paired rounds): ${Object.entries(k.ratios).filter(([, v]) => v != null).map(([n, v]) => `${n} ${v}`).join(', ')}`);
    log(`${k.kernel} fastest calls: ${VARIANTS.filter((v) => k.best[v] != null).map((v) => `${LABEL[v]} ${k.best[v].toLocaleString('en')}`).join(', ')} ${k.unit}; ratios ${Object.entries(k.bestRatios).filter(([, v]) => v != null).map(([n, v]) => `${n} ${v}`).join(', ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(join(dist, 'kernels', 'loadWasm.js'))) {
    console.error('bench/native: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  await benchNative({ only: only.length ? only : null });
  const { closePool } = await load('parallel/pool.js');
  await closePool();
}
