// Default SRO phase diagram (Gamma 130..181.5 step 0.5, x step 0.01, n = 8) as users run it:
// the whole `coulomix phase-diagram --model sro` process, 1 and 2 threads, median of 5 runs;
// then the same diagram in a warm process. Runs take seconds, and a cold run is a whole
// process, so this suite times them directly rather than with benny.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');

function timeRun(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`phase-diagram failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

/** Seconds taken by the async `fn`. */
async function elapsed(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Median and sorted samples (s) of `runs` timings; `time(i)` returns run i's seconds. */
async function medianOf(runs, time) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await time(i));
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], samples: times.map((t) => +t.toFixed(2)) };
}

export async function benchPhaseDiagram({ runs = 5 } = {}) {
  const rows = [];
  const medians = {};
  for (const threads of [1, 2]) {
    const r = await medianOf(runs, (i) => {
      const t = timeRun(['phase-diagram', '--model', 'sro', '--threads', String(threads), '--csv', '--quiet']);
      console.log(`  phase-diagram --model sro --threads ${threads}: run ${i + 1}: ${t.toFixed(1)} s`);
      return t;
    });
    medians[threads] = r.median;
    rows.push({ name: `SRO phase diagram (default grid), ${threads} thread(s)`, medianMs: +(r.median * 1e3).toFixed(0), samples: r.samples });
  }
  rows.push({ name: 'SRO phase diagram speed-up 2 threads vs 1 (cold processes)', medianMs: 0, ratio: +(medians[1] / medians[2]).toFixed(2) });

  // The warm measurements run in a fresh child process: this one has run other suites, whose
  // JIT feedback would slow its main thread (the 1-thread case) down.
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'warm', String(runs)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`warm phase-diagram bench failed: ${child.stderr}`);
  rows.push(...JSON.parse(child.stdout));
  return rows;
}

/**
 * In one process whose pool and main thread are already warm (JIT-compiled): the whole diagram
 * again (what each diagram of a sweep in one process costs; the ceiling of the speed-up once no
 * thread has anything left to compile), and its 104 SRO curves alone (the parallel part).
 */
async function benchWarm(runs) {
  const rows = [];
  const { sroCurvePoints } = await import(join(root, 'dist', 'parallel', 'sroCurves.js'));
  const { sroPhaseDiagram } = await import(join(root, 'dist', 'parallel', 'sroPhaseDiagram.js'));
  const { sroGrid } = await import(join(root, 'dist', 'phase', 'sroCurve.js'));
  const { gammaGrid } = await import(join(root, 'dist', 'phase', 'phaseDiagram.js'));
  const { getLatticeSums } = await import(join(root, 'dist', 'latticeSums', 'getLatticeSums.js'));
  const { closePool } = await import(join(root, 'dist', 'parallel', 'pool.js'));
  const sums = await getLatticeSums(8);
  const scan = { gammaMin: 130, gammaMax: 181.5, gammaStep: 0.5 };
  const sweep = { z1: 6, z2: 8, gammas: gammaGrid(scan.gammaMin, scan.gammaMax, scan.gammaStep), xs: sroGrid(), sums };
  const warmDiagram = {};
  const warm = {};
  for (const threads of [1, 2]) {
    await sroPhaseDiagram({ ...scan, threads });
    const d = await medianOf(runs, () => elapsed(() => sroPhaseDiagram({ ...scan, threads })));
    warmDiagram[threads] = d.median;
    rows.push({ name: `SRO phase diagram (default grid) again in a warm process, ${threads} thread(s)`, medianMs: +(d.median * 1e3).toFixed(0), samples: d.samples });
    const c = await medianOf(runs, () => elapsed(() => sroCurvePoints({ ...sweep, threads })));
    warm[threads] = c.median;
    rows.push({ name: `104 SRO curves x 111 compositions, warm pool, ${threads} thread(s)`, medianMs: +(c.median * 1e3).toFixed(0), samples: c.samples });
    await closePool();
  }
  rows.push({ name: 'SRO phase diagram speed-up 2 threads vs 1 (warm process)', medianMs: 0, ratio: +(warmDiagram[1] / warmDiagram[2]).toFixed(2) });
  rows.push({ name: 'SRO sweep speed-up 2 threads vs 1 (warm pool)', medianMs: 0, ratio: +(warm[1] / warm[2]).toFixed(2) });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'warm') process.stdout.write(JSON.stringify(await benchWarm(Number(process.argv[3]) || 5)));
  else for (const r of await benchPhaseDiagram()) console.log(r);
}
