import type { LatticeSums } from '../latticeSums/types.js';
import type { SroPoint } from '../phase/sroCurve.js';
import { defaultThreads, runTasks } from './pool.js';
import type { SroCurveTask } from './tasks.js';

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
 * constraint table live once). Returns the points per Gamma, in the order of `gammas`.
 */
export async function sroCurvePoints(options: SroCurvePointsOptions): Promise<SroPoint[][]> {
  const shells = options.shells ?? 8;
  const threads = options.threads ?? defaultThreads();
  const { z1, z2, xs, sums, seed, samplePoints } = options;
  const tasks: SroCurveTask[] = options.gammas.map((gamma) => ({
    kind: 'sroCurve', z1, z2, gamma, xs: [...xs], shells, sums, seed, samplePoints,
  }));
  const results = await runTasks(tasks, threads, (done) => options.onProgress?.(done, tasks.length));
  const m = xs.length;
  return results.map((r, g) => {
    const points: SroPoint[] = [];
    xs.forEach((x, j) => {
      if (Number.isNaN(r[j])) options.onFailure?.(options.gammas[g], x);
      else points.push({ x, F: r[j], alpha: Array.from(r.subarray(m + j * shells, m + (j + 1) * shells)) });
    });
    return points;
  });
}
