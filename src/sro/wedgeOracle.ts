import { vec3 } from '../brillouin/wedge.js';
import { DELTA_K_OUT as OUT, deltaKKernel } from '../kernels/deltaKKernel.js';
import { shellCosinesAt } from './constraintTable.js';
import type { LinearCut, SeparationOracle, TrackedConstraint, WorkingSet } from './cuttingPlane.js';
import { CELLS, lowestCells, type CellBlocks } from './lowestCells.js';
import type { Point } from './program.js';
import { refineMinDeltaK } from './refineDeltaK.js';
import { foldToWedge, type Vec3 } from './wedgeSample.js';

/*
 * The separation oracle of eq. 3 for the binary mixture (docs/physics.md section 6):
 *     Delta(k; z) = x(1-x) + sum_i z_i c_i(k) >= 0 for every k of the irreducible wedge,
 * z_i = alpha_i - x^2, c_i(k) = sum_{R in shell i} cos(k.R). `mostViolated` scans the wedge
 * sample (the lowest coarse cells, src/sro/lowestCells.ts); `refine` runs the local Newton
 * minimization of Delta in k (src/sro/refineDeltaK.ts) from the scan's lowest points, the
 * hinted cuts and the tracked constraints. A violated refined minimizer becomes both a fixed
 * cut (guaranteed progress, the exchange method) and a tracked constraint
 * phi(z) = min_k Delta(k; z) near k*, which follows the minimizer as z moves (fast final convergence).
 */

/** The label of a wedge cut: its wave vector (1/a_i, in the wedge) and where it came from. */
export interface WedgeTag {
  k: Vec3;
  origin: 'sample' | 'refined';
}

/** A wave-vector sample with its cosine table (src/sro/constraintTable.ts). */
export interface WedgeSampleTable {
  n: number;
  count: number;
  /** 3 coordinates per point, 1/a_i. */
  points: Float64Array;
  /** c_i(k_j) at table[j * n + i]. */
  table: Float64Array;
  blocks: CellBlocks;
}

/** Options of {@link wedgeOracle}. */
export interface WedgeOracleOptions {
  /** Wave vectors to track from the outset (e.g. the active cuts of a neighbouring solution). */
  warmCuts?: Vec3[];
  /** A member is violated below -tolerance; default 1e-13. */
  tolerance?: number;
  /** Number of refinement starts from the sample (distinct coarse cells); default 12. */
  refineStarts?: number;
}

/** Inverse of a symmetric 3x3 matrix if it is positive definite with condition < 1e12, else null. */
export function inverse3(H: ArrayLike<number>): number[] | null {
  const [a, b, c, , e, f, , , i] = Array.from(H);
  const A = e * i - f * f;
  const B = -(b * i - c * f);
  const C = b * f - c * e;
  const det = a * A + b * B + c * C;
  const tr = a + e + i;
  if (!(a > 0 && a * e - b * b > 0 && det > 0) || det < 1e-12 * tr * tr * tr * 1e-12) return null;
  const D = a * i - c * c;
  const E = -(a * f - b * c);
  const F = a * e - b * b;
  return [A / det, B / det, C / det, B / det, D / det, E / det, C / det, E / det, F / det];
}

/** -C H^-1 C^T, C_ia = dc_i/dk_a (n x 3 at C[3i + a]): the Hessian of min_k Delta in z. */
function sensitivityHessian(C: ArrayLike<number>, Hinv: number[], n: number): Float64Array {
  const hess = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const u0 = Hinv[0] * C[3 * i] + Hinv[1] * C[3 * i + 1] + Hinv[2] * C[3 * i + 2];
    const u1 = Hinv[3] * C[3 * i] + Hinv[4] * C[3 * i + 1] + Hinv[5] * C[3 * i + 2];
    const u2 = Hinv[6] * C[3 * i] + Hinv[7] * C[3 * i + 1] + Hinv[8] * C[3 * i + 2];
    for (let j = 0; j < n; j++) hess[i * n + j] = -(u0 * C[3 * j] + u1 * C[3 * j + 1] + u2 * C[3 * j + 2]);
  }
  return hess;
}

/**
 * phi(z) = min_k Delta(k; z) near k0 (eq. 3), a concave function of z, with gradient c(k*)
 * (envelope theorem) and Hessian -C H^-1 C^T, H = d2 Delta/dk2 at k* (second-order sensitivity
 * of the minimizer; omitted when H is not safely positive definite).
 *
 * @example trackedMinimum([2.2, 0, 0], 0.5).evaluate({ z: new Float64Array(8), u: new Float64Array(24) }).value // 0.25
 */
export function trackedMinimum(k0: Vec3, x: number): TrackedConstraint<WedgeTag> {
  let k: Vec3 = vec3(k0[0], k0[1], k0[2]);
  return {
    get tag(): WedgeTag {
      return { k: foldToWedge(k), origin: 'refined' };
    },
    evaluate(point: Point) {
      const d = point.z;
      const n = d.length;
      const kernel = deltaKKernel(n);
      kernel.minimize(k, x, d, 30);
      const h = kernel.heap();
      const o = kernel.out;
      k = vec3(h[o + OUT.k], h[o + OUT.k + 1], h[o + OUT.k + 2]);
      const c = o + OUT.jet; // c_i at h[c + i], dc_i/dk_a at h[c + n + 3 i + a]
      const Hinv = inverse3(h.subarray(o + OUT.hess, o + OUT.hess + 9));
      const hess = Hinv ? sensitivityHessian(h.subarray(c + n, c + 4 * n), Hinv, n) : undefined;
      return { value: h[o + OUT.value], grad: h.slice(c, c + n), hess };
    },
  };
}

const dist = (u: Vec3, v: Vec3): number => Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);

/** The wedge oracle of one minimization at x (stateful: the sample points already issued, the last scan's lowest points). */
export function wedgeOracle(sample: WedgeSampleTable, x: number, options: WedgeOracleOptions = {}): SeparationOracle<WedgeTag> {
  const n = sample.n;
  const b = x * (1 - x);
  const tolerance = options.tolerance ?? 1e-13;
  const nStarts = options.refineStarts ?? 12;
  const cellMin = new Float64Array(CELLS * CELLS * CELLS);
  const cellArg = new Int32Array(CELLS * CELLS * CELLS);
  const issued = new Set<number>();
  let lows: Vec3[] = [];
  const point = (j: number): Vec3 => vec3(sample.points[3 * j], sample.points[3 * j + 1], sample.points[3 * j + 2]);
  const sampleCut = (j: number): LinearCut<WedgeTag> => {
    issued.add(j);
    return { row: sample.table.slice(j * n, j * n + n), offset: b, tag: { k: point(j), origin: 'sample' } };
  };
  return {
    tolerance,
    initial() {
      // The four vertices (stored first in the sample), and the warm wave vectors tracked.
      const cuts: LinearCut<WedgeTag>[] = [];
      for (let j = 0; j < Math.min(4, sample.count); j++) cuts.push(sampleCut(j));
      return { cuts, tracked: (options.warmCuts ?? []).map((k) => trackedMinimum(k, x)) };
    },
    mostViolated(pt, limit) {
      const { order } = lowestCells(sample.blocks, pt.z, b, nStarts, -tolerance, cellMin, cellArg);
      lows = order.slice(0, nStarts).map((c) => point(cellArg[c]));
      const cuts: LinearCut<WedgeTag>[] = [];
      for (const c of order) {
        if (cuts.length >= limit || !(cellMin[c] < -tolerance)) break;
        if (!issued.has(cellArg[c])) cuts.push(sampleCut(cellArg[c]));
      }
      return { min: order.length ? cellMin[order[0]] : Infinity, cuts };
    },
    refine(pt, hints, working, add) {
      const trackedK = working.tracked.map((t) => t.tag.k);
      const minima = refineMinDeltaK(x, pt.z, [...lows, ...hints.map((h) => h.k), ...trackedK]);
      let min = Infinity;
      for (const q of minima) min = Math.min(min, q.value);
      return { min, ...(add ? refinedConstraints(minima, working, trackedK, n, x, tolerance) : { cuts: [], tracked: [] }) };
    },
    merge(tracked) {
      const kept: TrackedConstraint<WedgeTag>[] = [];
      const ks: Vec3[] = [];
      for (const t of tracked) {
        const k = t.tag.k;
        if (ks.some((q) => dist(q, k) < 1e-9)) continue;
        kept.push(t);
        ks.push(k);
      }
      return kept;
    },
  };
}

/** New fixed and tracked constraints at the violated refined minima not yet in the working set. */
function refinedConstraints(
  minima: Array<{ k: Vec3; value: number }>,
  working: WorkingSet<WedgeTag>,
  trackedK: Vec3[],
  n: number,
  x: number,
  tolerance: number,
): { cuts: LinearCut<WedgeTag>[]; tracked: TrackedConstraint<WedgeTag>[] } {
  const cuts: LinearCut<WedgeTag>[] = [];
  const tracked: TrackedConstraint<WedgeTag>[] = [];
  const cutK = working.cuts.map((c) => c.tag.k);
  for (const q of minima) {
    if (!(q.value < -tolerance)) continue;
    if (!cutK.some((k) => dist(k, q.k) < 1e-12)) {
      cuts.push({ row: shellCosinesAt(q.k, n), offset: x * (1 - x), tag: { k: q.k, origin: 'refined' } });
      cutK.push(q.k);
    }
    if (!trackedK.some((k) => dist(k, q.k) < 1e-7)) {
      tracked.push(trackedMinimum(q.k, x));
      trackedK.push(q.k);
    }
  }
  return { cuts, tracked };
}
