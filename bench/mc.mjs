// Benchmark of the lattice Monte Carlo (docs/physics.md section 12):
//  1. attempted exchange moves per second per thread, WASM against the portable JS build of the
//     same kernel, n = 8 (the paper's Hamiltonian) and n = 30 coupled shells, L = 12, at
//     Gamma = 175.719 (melting), 400 and 800; acceptance (hence cost per move) depends on Gamma;
//     and the WASM rate at melting on L = 6, 8, 12, 16 (the neighbour table outgrows the cache);
//  2. replica exchange (pilot + production, L = 8, 480 sweeps) with 1 and 2 threads: time, and
//     the check that both give identical rows;
//  3. the cost of the Monte Carlo section of `reproduce` at its default level (coarse), and
//     with `--full` also of `--mc full` (tens of minutes), against the estimate it prints first.
// Run stand-alone with `node bench/mc.mjs [--full] [--no-sections] [--moves-only] [--note TEXT]` after `npm run build`; bench/run.mjs calls
// benchMc(). Medians of repeated runs; results in bench/results/mc.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const load = (p) => {
  const f = join(root, 'dist', p);
  if (!existsSync(f)) throw new Error(`bench/mc: dist/${p} is missing; run \`npm run build\` first`);
  return import(pathToFileURL(f).href);
};
const median = (a) => [...a].sort((p, q) => p - q)[a.length >> 1];

/**
 * `reps` timed calls of `sweeps` sweeps of kernel k at gamma (after whatever warm-up the caller
 * ran): medians of the wall-clock rate, of the rate per CPU-second of this thread (the figure that
 * does not depend on how many other jobs share the cores) and of the acceptance.
 */
function timeSweeps(k, gamma, sweeps, reps) {
  const rates = [], cpuRates = [], acc = [];
  for (let rep = 0; rep < reps; rep++) {
    const a0 = k.attempts(), c0 = k.accepted();
    const t0 = performance.now(), c0u = process.cpuUsage();
    k.sweeps(gamma, sweeps, 0);
    const s = (performance.now() - t0) / 1e3;
    const cu = process.cpuUsage(c0u);
    rates.push((k.attempts() - a0) / s);
    cpuRates.push((k.attempts() - a0) / ((cu.user + cu.system) / 1e6));
    acc.push((k.accepted() - c0) / (k.attempts() - a0));
  }
  return { wall: median(rates), cpu: median(cpuRates), acceptance: median(acc) };
}

async function moveRates() {
  const { getLatticeSums } = await load('latticeSums/getLatticeSums.js');
  const { paperCouplings, supercellSetup, randomSites } = await load('mc/supercell.js');
  const { SplitMix32 } = await load('mc/rng.js');
  const { mcKernel } = await load('kernels/mcKernel.js');
  const { loadWasm } = await load('kernels/loadWasm.js');
  const { loadPortable } = await load('kernels/loadPortable.js');
  const sums = await getLatticeSums(30);
  const L = 12, N = 2 * L ** 3;
  const rows = [];
  for (const n of [8, 30]) {
    const setup = supercellSetup(L, paperCouplings({ z1: 6, z2: 8, x: 0.5 }, sums, n));
    for (const backend of [loadWasm(), await loadPortable()]) {
      const k = mcKernel(setup, 1, backend);
      for (const gamma of [175.719, 400, 800]) {
        k.load(randomSites(N, N / 2, new SplitMix32(1)), [1, 2, 3, 4]);
        const sweeps = backend.name.startsWith('wasm') ? (n === 8 ? 200 : 40) : (n === 8 ? 20 : 4);
        k.sweeps(gamma, sweeps, 0); // equilibrate roughly and warm the JIT
        const t = timeSweeps(k, gamma, sweeps, 5);
        const row = { name: `moves/s/thread ${backend.name} n=${n} L=${L} Gamma=${gamma}`, movesPerSecond: Math.round(t.wall), movesPerCpuSecond: Math.round(t.cpu), acceptance: +t.acceptance.toFixed(4) };
        rows.push(row);
        console.log(`  ${row.name}: ${row.movesPerSecond.toExponential(2)} wall, ${row.movesPerCpuSecond.toExponential(2)} per CPU-second (acceptance ${row.acceptance})`);
      }
    }
  }
  rows.push(...(await sizeRates(sums)));
  for (const n of [8, 30]) for (const g of [175.719, 400, 800]) {
    // The WASM backend is named 'wasm' or 'wasm-simd' (whichever build loadWasm picked).
    const w = rows.find((r) => r.name.startsWith('moves/s/thread wasm') && r.name.endsWith(` n=${n} L=${L} Gamma=${g}`)), j = rows.find((r) => r.name === `moves/s/thread js n=${n} L=${L} Gamma=${g}`);
    rows.push({ name: `wasm/js ratio n=${n} Gamma=${g}`, ratio: +(w.movesPerCpuSecond / j.movesPerCpuSecond).toFixed(2) });
  }
  return rows;
}

/**
 * The WASM rate at melting (Gamma = 175.719, n = 8, the dearest point of a ladder) against the
 * cell size, per CPU-second, median of 7 calls of about 1e6 moves. Each accepted exchange reads
 * two rows of the neighbour table, N x 112 uint16: 0.09 MB at L = 6 up to 1.8 MB at L = 16.
 */
async function sizeRates(sums) {
  const { paperCouplings, supercellSetup, randomSites } = await load('mc/supercell.js');
  const { SplitMix32 } = await load('mc/rng.js');
  const { mcKernel } = await load('kernels/mcKernel.js');
  const { loadWasm } = await load('kernels/loadWasm.js');
  const rows = [];
  for (const L of [6, 8, 12, 16]) {
    const N = 2 * L ** 3;
    const k = mcKernel(supercellSetup(L, paperCouplings({ z1: 6, z2: 8, x: 0.5 }, sums, 8)), 1, loadWasm());
    k.load(randomSites(N, N / 2, new SplitMix32(1)), [1, 2, 3, 4]);
    const sweeps = Math.max(1, Math.round(1e6 / N));
    k.sweeps(175.719, 4 * sweeps, 0);
    const row = { name: `moves/s/thread ${loadWasm().name} n=8 L=${L} Gamma=175.719 (size)`, movesPerCpuSecond: Math.round(timeSweeps(k, 175.719, sweeps, 7).cpu), neighbourTableBytes: N * 112 * 2 };
    rows.push(row);
    console.log(`  ${row.name}: ${row.movesPerCpuSecond.toExponential(2)} per CPU-second (neighbour table ${(row.neighbourTableBytes / 2 ** 20).toFixed(2)} MB)`);
  }
  return rows;
}

async function replicaExchangeThreads() {
  const { latticeMonteCarlo } = await load('mc/latticeMonteCarlo.js');
  const { closePool } = await load('parallel/pool.js');
  const rows = [];
  const results = {};
  for (const threads of [1, 2]) {
    const times = [];
    for (let rep = 0; rep < 3; rep++) {
      const r = await latticeMonteCarlo({ x: 0.5, L: 8, sweeps: 480, seed: 3, threads });
      times.push(r.seconds);
      results[threads] = r;
    }
    const row = { name: `replica exchange L=8 480 sweeps threads=${threads}`, medianMs: +(median(times) * 1e3).toFixed(0), replicas: results[threads].ladder.length, movesPerSecond: Math.round(results[threads].attemptedMoves / median(times)) };
    rows.push(row);
    console.log(`  ${row.name}: ${(row.medianMs / 1e3).toFixed(2)} s, ${row.replicas} replicas, ${row.movesPerSecond.toExponential(2)} moves/s`);
  }
  await closePool();
  const same = JSON.stringify(results[1].rows) === JSON.stringify(results[2].rows);
  rows.push({ name: 'replica exchange 2-thread speed-up', ratio: +(rows[0].medianMs / rows[1].medianMs).toFixed(2), identicalRows: same });
  console.log(`  speed-up 1 -> 2 threads: x${rows[2].ratio}; identical rows: ${same}`);
  return rows;
}

async function sectionCost(level) {
  const { mcStudy, mcStudyConfig, mcCostEstimate } = await load('reproduce/mcStudy.js');
  const { getLatticeSums } = await load('latticeSums/getLatticeSums.js');
  const { meltingGamma } = await load('ocp/meltingPoint.js');
  const { closePool, defaultThreads } = await load('parallel/pool.js');
  const sums = await getLatticeSums(8);
  const gamma1m = meltingGamma();
  const progress = { note: (m) => console.log(`  ${m}`), bar: () => ({ update() {}, done() {} }) };
  const t0 = performance.now();
  const r = await mcStudy(mcStudyConfig(level), { z1: 6, z2: 8, threads: defaultThreads(), gamma1m, sums, crystalGammas: [gamma1m, 170, 160, 150], progress });
  await closePool();
  const estimatedMoves = Math.round(mcCostEstimate(mcStudyConfig(level)).total);
  const row = { name: `reproduce Monte Carlo section, level ${level} (${defaultThreads()} threads)`, medianMs: Math.round(performance.now() - t0), attemptedMoves: r.attemptedMoves, estimatedMoves, samples: 1 };
  console.log(`  ${row.name}: ${(row.medianMs / 1e3).toFixed(0)} s, ${row.attemptedMoves.toExponential(2)} moves (estimated beforehand: ${estimatedMoves.toExponential(2)})`);
  return row;
}

/** Every row of the Monte Carlo benchmark (written to bench/results/mc.json as well). */
export async function benchMc(options = {}) {
  const rows = [...(await moveRates()), ...(options.movesOnly ? [] : await replicaExchangeThreads())];
  if (options.sections !== false && !options.movesOnly) rows.push(await sectionCost('coarse'));
  if (options.full) rows.push(await sectionCost('full'));
  mkdirSync(join(here, 'results'), { recursive: true });
  // A partial run (--moves-only, --no-sections) replaces its own rows and keeps the others.
  const file = join(here, 'results', 'mc.json');
  const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const merged = [...(old.rows ?? []).filter((r) => !rows.some((q) => q.name === r.name)), ...rows];
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), note: options.note ?? old.note ?? '', rows: merged }, null, 2)}\n`);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const note = process.argv.includes('--note') ? process.argv[process.argv.indexOf('--note') + 1] : undefined;
  await benchMc({ full: process.argv.includes('--full'), sections: !process.argv.includes('--no-sections'), movesOnly: process.argv.includes('--moves-only'), note });
}
