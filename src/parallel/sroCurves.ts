import type { LatticeSums } from '../latticeSums/types.js';
import type { SroPoint } from '../phase/sroCurve.js';
import { shareConstraintTable } from '../sro/constraintTable.js';
import { defaultThreads, runTasks, startPool, usesWorkers } from './pool.js';
import type { SroCurveTask, TaskRunner } from './tasks.js';

/** Chunks a batch of SRO curves is split into at most (the most threads a single curve uses). */
export const PARALLEL_CHUNKS = 8;

/** Options of {@link sroCurvePoints}. */
export interface SroCurvePointsOptions {
  z1: number;
  z2: number;
  /** One SRO curve per Gamma. */
  gammas: number[];
  /** The x grid (e.g. sroGrid()). */
  xs: number[];
  /** Order parameters n (default 8). */
  shells?: number;
  /** Lattice sums with at least `shells` shells. */
  sums: LatticeSums;
  /** Worker threads (default: number of cores; 1 = in this thread). */
  threads?: number;
  /** Run the tasks elsewhere (e.g. Web Workers, src/parallel/webWorkers.ts) instead of Piscina; `threads` is then its worker count. */
  runner?: TaskRunner;
  seed?: number;
  samplePoints?: number;
  /** Called as curves complete (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called for every grid point whose minimization failed (left out of the curve). */
  onFailure?: (gamma: number, x: number) => void;
}

/**
 * Minimized SRO free energies on an x grid at many Gammas, one Piscina task per Gamma
 * (each warm-started along x inside its worker, where the WASM kernels and the wedge
 * constraint table live once), or per x chunk when there are fewer than 8 Gammas.
 * Returns the points per Gamma (x ascending), in the order of `gammas`.
 */
export async function sroCurvePoints(options: SroCurvePointsOptions): Promise<SroPoint[][]> {
  const shells = options.shells ?? 8;
  const { z1, z2, xs, sums, seed, samplePoints, runner } = options;
  const threads = runner ? runner.workers : options.threads ?? defaultThreads();
  // Workers: boot them first, then build the wedge constraint table once, here, while they
  // start; it goes to every worker in SharedArrayBuffers (one copy per process).
  let table;
  if (!runner && usesWorkers(threads)) {
    await startPool(threads, ['sro']);
    table = shareConstraintTable(shells, { seed, size: samplePoints });
  }
  // Few Gammas (e.g. single curves of an azeotrope search): split each x grid into contiguous
  // chunks so that several threads have work; each chunk is warm-started from its start. The
  // split depends on the batch only, never on the thread count: a cold start at another x
  // changes the minima in the last digits, so every thread count gives bit-identical curves.
  const chunks = Math.max(1, Math.min(Math.ceil(PARALLEL_CHUNKS / options.gammas.length), Math.floor(xs.length / 16)));
  const tasks: SroCurveTask[] = [];
  for (const gamma of options.gammas) {
    for (let c = 0; c < chunks; c++) {
      const part = xs.slice(Math.floor((c * xs.length) / chunks), Math.floor(((c + 1) * xs.length) / chunks));
      tasks.push({ kind: 'sroCurve', z1, z2, gamma, xs: part, shells, sums, seed, samplePoints, table });
    }
  }
  let curvesDone = 0;
  const onDone = (done: number): void => {
    if (done % chunks === 0) options.onProgress?.(++curvesDone, options.gammas.length);
  };
  const results = runner ? await runner.run(tasks, onDone) : await runTasks(tasks, threads, onDone);
  return options.gammas.map((gamma, g) => {
    const points: SroPoint[] = [];
    for (let c = 0; c < chunks; c++) {
      const task = tasks[g * chunks + c];
      const r = results[g * chunks + c];
      const m = task.xs.length;
      task.xs.forEach((x, j) => {
        if (Number.isNaN(r[j])) options.onFailure?.(gamma, x);
        else points.push({ x, F: r[j], alpha: Array.from(r.subarray(m + j * shells, m + (j + 1) * shells)) });
      });
    }
    return points;
  });
}
