import { bccShells, MAX_SHELLS } from '../lattice/bccShells.js';
import { latticeKernel } from '../kernels/latticeKernel.js';
import { checkCallback, checkInteger, checkNumber, checkOptions } from '../domain.js';
import { UncertifiedError } from '../errors.js';
import { checkThreads, defaultThreads, runTasks } from '../parallel/pool.js';
import type { WedgeSumsTask } from '../parallel/tasks.js';
import type { LatticeSums } from './types.js';

/** Options of the lattice-sum computation. */
export interface LatticeSumsOptions {
  /** Number of neighbour shells, 1..60. Default 8. */
  shells?: number;
  /** Required absolute accuracy of every T_i (1/a_i), 1e-12..0.1. Default 1e-9. */
  tol?: number;
  /** Worker threads, 1..maxThreads(); default the number of cores; 1 runs in this thread. */
  threads?: number;
  /** Ewald parameter eta (1/a_i), 0.3..3. Default 0.9. The result does not depend on it. */
  eta?: number;
  /** Called after each quadrature level with (level, estimated error). */
  onProgress?: (info: { orders: [number, number, number]; error: number }) => void;
}

/** Lattice sums plus how they were obtained. */
export interface LatticeSumsResult extends LatticeSums {
  /** Gauss orders (t, u, v) of the finest level used, and of the level it was compared with. */
  orders: [number, number, number];
  coarseOrders: [number, number, number];
  eta: number;
  /** Ewald truncation tolerance used. */
  ewaldTol: number;
}

/** Fixed number of shards: summation order (hence every bit of the result) does not depend on the thread count. */
const SHARDS = 16;
/** Tightest accepted accuracy target of the T_i (1/a_i): the Ewald sums and rounding limit it. */
export const MIN_TOL = 1e-12;
/** Largest level tried before giving up. */
const MAX_LEVEL = 160;

/** Gauss orders of level n: n nodes across the face direction u, 0.6 n along t and v (measured to balance the errors). */
export function levelOrders(n: number): [number, number, number] {
  const m = Math.ceil(0.6 * n);
  return [m, n, m];
}

/**
 * I_i, T_0 and T_1..T_N (paper Table I; eqs. 5 and 7) and the Madelung constant, a_i units.
 * T_i are BZ averages done by a tensor Gauss rule in cone coordinates over the irreducible
 * wedge; the rule is refined (u-order n = 32, 40, 48, ... or from 16 for tol > 1e-8) until two successive levels agree
 * within `tol`, and that difference is reported as the error estimate.
 *
 * @example const s = await latticeSums({ shells: 8 }); s.shells[0].T // 4.43339...
 */
export async function latticeSums(options: LatticeSumsOptions = {}): Promise<LatticeSumsResult> {
  const o = checkOptions('latticeSums options', options, ['shells', 'tol', 'threads', 'eta', 'onProgress']);
  const shells = checkInteger('shells', o.shells ?? 8, 1, MAX_SHELLS);
  const tol = checkNumber('tol', o.tol ?? 1e-9, MIN_TOL, 0.1);
  const threads = checkThreads(o.threads ?? defaultThreads());
  const eta = checkNumber('eta', o.eta ?? 0.9, 0.3, 3);
  checkCallback('onProgress', o.onProgress);
  // Ewald sums 1000x tighter than the quadrature target (but no looser than 1e-12).
  const ewaldTol = Math.min(1e-12, tol * 1e-3);
  const kernelOptions = { eta, ewaldTol, shells };

  const level = async (n: number): Promise<Float64Array> => {
    const orders = levelOrders(n);
    const total = orders[0] * orders[1] * orders[2];
    const tasks: WedgeSumsTask[] = [];
    for (let s = 0; s < SHARDS; s++) {
      tasks.push({
        kind: 'wedgeSums', kernel: kernelOptions, orders,
        first: Math.floor((s * total) / SHARDS), last: Math.floor(((s + 1) * total) / SHARDS),
      });
    }
    const parts = await runTasks(tasks, threads);
    const sum = new Float64Array(shells + 1);
    for (const p of parts) for (let i = 0; i <= shells; i++) sum[i] += p[i];
    return sum;
  };

  // First level: 16 for loose tolerances; at tol <= 1e-8 levels below 32 never pass the
  // two-level test (measured: 24 vs 32 differ by ~5e-8 for 30 shells), so skip them.
  let n = tol <= 1e-8 ? 32 : 16;
  let coarse = await level(n);
  let fine: Float64Array;
  let error: number;
  for (;;) {
    fine = await level(n + 8);
    error = 0;
    for (let i = 0; i <= shells; i++) error = Math.max(error, Math.abs(fine[i] - coarse[i]));
    options.onProgress?.({ orders: levelOrders(n + 8), error });
    n += 8;
    if (error <= tol) break;
    if (n >= MAX_LEVEL) throw new UncertifiedError(`the quadrature did not reach tol = ${tol} (estimated error ${error.toExponential(2)})`);
    coarse = fine;
  }

  const zeta = -latticeKernel(kernelOptions).madelungEnergy();
  return {
    units: 'a_i',
    zeta,
    T0: fine[0],
    error,
    orders: levelOrders(n),
    coarseOrders: levelOrders(n - 8),
    eta,
    ewaldTol,
    shells: bccShells(shells).map((s, idx) => ({
      i: s.i,
      vector: s.vector,
      l2: s.l2,
      m: s.m,
      R: s.R,
      I: s.I,
      T: fine[idx + 1],
      IminusT: s.I - fine[idx + 1],
    })),
  };
}
