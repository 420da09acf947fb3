// Ternary benchmarks (C/O/Ne, Z = 6, 8, 10): one ternary SRO minimization (24 variables at
// n = 8, 10^5-point wedge sample, table precomputed), one ternary diagram at fixed Gamma
// (random solid, grid 1/60; SRO solid, grid 1/20 with 12 refined tie-lines), and a full MESA
// table (CONe, random solid, 51 x 51) with 1 and 2 threads, and SRO MESA tables (CONe, n x n for
// each n of --sro-n, default 11 and 21; one run each, 2 threads then 1) with the cost per liquid
// composition. Each case: the MEDIAN of `runs` wall-clock runs. Run
// `node bench/ternary.mjs [--runs 3] [--skip-sro-diagram] [--sro-n 11,21] [--only-sro-table]` after
// `npm run build` (with --only-sro-table the other rows of bench/results/ternary.json are kept);
// results go to bench/results/ternary.json (rewritten after every SRO table) and are printed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const sroNs = args.includes('--sro-n') ? args[args.indexOf('--sro-n') + 1].split(',').map(Number) : [11, 21];
const resultsFile = join(here, 'results', 'ternary.json');

async function median(name, fn, n = runs) {
  const times = [];
  let last;
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const row = { name, medianMs: +times[Math.floor(times.length / 2)].toFixed(1), runs: n, timesMs: times.map((t) => +t.toFixed(1)) };
  console.log(`${name}: median ${row.medianMs} ms over ${n} runs`);
  return { row, last };
}

/** SRO MESA tables (CONe) for each n: one run each, 2 threads then 1, with the load average noted. */
async function sroTables(mesaTernaryTable, save) {
  const rows = [];
  for (const n of sroNs)
    for (const threads of [2, 1]) {
      const load = loadavg()[0];
      const { row, last } = await median(`MESA table CONe, SRO solid, ${n} x ${n}, ${threads} thread(s)`, () => mesaTernaryTable('CONe', 'sro', { n, threads }), 1);
      const perPoint = (row.medianMs * threads) / last.points;
      console.log(`  ${last.points} liquid compositions, ${(perPoint / 1000).toFixed(2)} s per composition and thread, load ${load.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`);
      rows.push({ ...row, threads, n, points: last.points, maxResidual: last.maxResidual, msPerPointThread: +perPoint.toFixed(0), loadAverageStart: +load.toFixed(2), loadAverageEnd: +loadavg()[0].toFixed(2) });
      save(rows);
    }
  return rows;
}

function write(rows) {
  const out = { machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, date: new Date().toISOString(), results: rows };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(out, null, 1)}\n`);
  return out;
}

export async function benchTernary() {
  const { getLatticeSums } = await load('latticeSums/getLatticeSums.js');
  const { getConstraintTable } = await load('sro/constraintTable.js');
  const { multiSroSolid } = await load('multi/sroSolid.js');
  const { multiModels } = await load('multi/models.js');
  const { ternaryDiagram } = await load('multi/ternaryDiagram.js');
  const { mesaTernaryTable } = await load('multi/mesaTable.js');
  const sums = await getLatticeSums(8);
  getConstraintTable(8);
  if (args.includes('--only-sro-table')) {
    // Keep the other rows of the last run; replace the SRO-table rows of the grids measured now.
    const kept = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).results.filter((r) => !(/SRO solid, \d+ x \d+/.test(r.name) && sroNs.includes(r.n))) : [];
    let out;
    await sroTables(mesaTernaryTable, (sro) => (out = write([...kept, ...sro])));
    return out;
  }
  const z = [6, 8, 10];
  const rows = [];
  const mins = [
    ['SRO minimization C/O/Ne x = (0.5, 0.49, 0.01), Gamma = 175', [0.5, 0.49, 0.01], 175],
    ['SRO minimization C/O/Ne x = (0.3, 0.4, 0.3), Gamma = 175 (eq. 3 active)', [0.3, 0.4, 0.3], 175],
  ];
  for (const [name, x, g] of mins) {
    const { row, last } = await median(name, () => multiSroSolid(z, x, g, sums), Math.max(runs, 5));
    rows.push({ ...row, variables: 24, rounds: last.rounds, certificate: last.certificate, minEigen: last.minEigen });
  }
  const random = await multiModels('random');
  {
    const { row, last } = await median('ternary diagram, random solid, Gamma = 175, grid 1/60', () => ternaryDiagram(random.liquid(z, 175), random.solid(z, 175), { grid: 60 }));
    rows.push({ ...row, tieLines: last.tieLines.length });
  }
  if (!args.includes('--skip-sro-diagram')) {
    const { row, last } = await median(
      'ternary diagram, SRO solid, Gamma = 175, grid 1/20, 12 tie-lines',
      async () => {
        const sro = await multiModels('sro'); // fresh caches: every free energy is minimized
        return ternaryDiagram(sro.liquid(z, 175), sro.solid(z, 175), { grid: 20, maxTieLines: 12 });
      },
      1,
    );
    rows.push({ ...row, tieLines: last.tieLines.length });
  }
  for (const threads of [1, 2]) {
    const { row, last } = await median(`MESA table CONe, random solid, 51 x 51, ${threads} thread(s)`, () => mesaTernaryTable('CONe', 'random', { n: 51, threads }));
    rows.push({ ...row, threads, points: last.points, maxResidual: last.maxResidual });
  }
  let out = write(rows);
  await sroTables(mesaTernaryTable, (sro) => (out = write([...rows, ...sro])));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchTernary();
