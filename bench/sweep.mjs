// `coulomix sweep`: its per-task overhead against running the same command directly (one
// process per task either way), and a sweep of independent tasks with 1 and 2 tasks at a time.
// Whole processes, timed directly; medians of several runs. Results: bench/results/sweep.json.
// Run alone with `node bench/sweep.mjs`, or as the 'sweep' suite of `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli', 'main.js');

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`coulomix ${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The tasks of a spec as argv lists (the grid's product, first flag slowest). */
function taskArgs(spec) {
  let rows = [[]];
  for (const [k, values] of Object.entries(spec.grid)) rows = rows.flatMap((r) => values.map((v) => [...r, `--${k}=${v}`]));
  const base = Object.entries(spec.base).map(([k, v]) => (v === true ? `--${k}` : `--${k}=${v}`));
  return rows.map((r) => [spec.command, ...base, ...r, '--json']);
}

/** Seconds for the whole sweep in a fresh directory (kept if `keep`, for the no-op rerun). */
function sweepOnce(work, spec, threads, i, keep = false) {
  const file = join(work, 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  const out = join(work, `out-${threads}-${i}-${Math.random().toString(36).slice(2)}`);
  const t = timed(['sweep', file, '--out', out, '--threads', String(threads), '--quiet']);
  if (keep) return { t, out, file };
  rmSync(out, { recursive: true, force: true });
  return t;
}

/**
 * Overhead of a sweep against running its tasks directly, measured in pairs (direct run i,
 * sweep run i, then a rerun of that finished sweep: the sweep's fixed cost of starting, checking
 * the spec and finding every result). Per task: (sweep - direct - fixed) / tasks, median of the pairs.
 */
function overhead(work, name, spec, runs) {
  const tasks = taskArgs(spec);
  const direct = [];
  const sweep = [];
  const fixed = [];
  const perTask = [];
  for (let i = 0; i < runs; i++) {
    const d = tasks.reduce((s, a) => s + timed(a), 0);
    const { t, out, file } = sweepOnce(work, spec, 1, i, true);
    const f = timed(['sweep', file, '--out', out, '--quiet']);
    rmSync(out, { recursive: true, force: true });
    direct.push(d);
    sweep.push(t);
    fixed.push(f);
    perTask.push((t - d - f) / tasks.length);
  }
  const [d, s, f, p] = [direct, sweep, fixed, perTask].map(median);
  console.log(`  ${name}: ${tasks.length} tasks, direct ${d.toFixed(2)} s, sweep --threads 1 ${s.toFixed(2)} s; fixed cost ${(f * 1e3).toFixed(0)} ms, per task ${(p * 1e3).toFixed(0)} ms`);
  const r = (xs) => xs.map((t) => +t.toFixed(3));
  return [
    { name: `${name}: ${tasks.length} tasks run directly, one after another`, medianMs: +(d * 1e3).toFixed(0), samples: r(direct) },
    { name: `${name}: the same as coulomix sweep --threads 1`, medianMs: +(s * 1e3).toFixed(0), samples: r(sweep) },
    { name: `${name}: sweep fixed cost (rerun of the finished sweep)`, medianMs: +(f * 1e3).toFixed(0), samples: r(fixed) },
    { name: `${name}: sweep overhead per task (paired)`, medianMs: +(p * 1e3).toFixed(1), samples: r(perTask) },
  ];
}

export async function benchSweep({ runs = 5 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'coulomix-bench-sweep-'));
  try {
    const rows = [];
    const quick = { command: 'free-energy', base: { model: 'ogata', gamma: 175 }, grid: { x: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] } };
    rows.push(...overhead(work, 'free-energy --model ogata', quick, runs));
    const diagram = { command: 'phase-diagram', base: { model: 'random', 'gamma-min': 170, 'gamma-max': 172, 'gamma-step': 1, threads: 1, quiet: true }, grid: { z2: [8, 10], 'liquid-mixing': ['smix', 'smixz'] } };
    rows.push(...overhead(work, 'phase-diagram --model random (3 Gammas)', diagram, runs));

    const eight = { ...diagram, grid: { z2: [7, 8, 9, 10], 'liquid-mixing': ['smix', 'smixz'] } };
    const med = {};
    for (const threads of [1, 2]) {
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(sweepOnce(work, eight, threads, i));
      med[threads] = median(samples);
      console.log(`  sweep of 8 random-model phase diagrams, --threads ${threads}: ${med[threads].toFixed(2)} s`);
      rows.push({ name: `sweep of 8 phase diagrams (random, 3 Gammas, --threads 1 each), sweep --threads ${threads}`, medianMs: +(med[threads] * 1e3).toFixed(0), samples: samples.map((t) => +t.toFixed(2)) });
    }
    rows.push({ name: 'sweep of 8 phase diagrams: speed-up of sweep --threads 2 over 1', medianMs: 0, ratio: +(med[1] / med[2]).toFixed(2) });
    writeFileSync(join(here, 'results', 'sweep.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, rows }, null, 2)}\n`);
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? 5);
  for (const r of await benchSweep({ runs })) console.log(JSON.stringify(r));
}
