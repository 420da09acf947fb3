import { bccShells } from '../lattice/bccShells.js';
import { LATTICE_CONSTANT } from '../lattice/constants.js';
import { DELTA_K_OUT, deltaKKernel, type DeltaKKernel } from '../kernels/deltaKKernel.js';
import { vec3 } from '../brillouin/wedge.js';
import { foldToWedge, type Vec3 } from './wedgeSample.js';

/*
 * Local refinement of min_k |Delta_k|^2/N (paper eq. 3):
 *     Delta(k) = x(1-x) + sum_i d_i c_i(k),  c_i(k) = sum_{R in shell i} cos(k.R),  d_i = alpha_i - x^2.
 * Delta is invariant under the cubic group and reciprocal-lattice translations, and every face
 * of the irreducible wedge lies on a mirror plane (kz = 0, ky = kz, kx = ky, and the zone
 * boundary kx + ky = 2 pi/a_l, a mirror combined with k -> G - k). Hence a local minimum of
 * Delta over the closed wedge is a stationary point of Delta in all of k-space, and the local
 * search can run unconstrained (Newton with a modified Hessian and a line search) and fold the
 * result back into the wedge.
 */

/** Value, gradient and Hessian of Delta(k) for fixed (x, d). */
export interface DeltaKFunction {
  /** Delta(k), dimensionless. */
  value(k: ArrayLike<number>): number;
  /** Value, gradient (3) and Hessian (3x3 row-major) at k. */
  evaluate(k: ArrayLike<number>): { value: number; grad: Vec3; hess: number[] };
}

/**
 * Delta(k) = |Delta_k^+|^2/N of eq. 3 for order parameters alpha_i = x^2 + d_i, by direct
 * summation over the member vectors of the first d.length shells.
 */
export function deltaKFunction(x: number, d: ArrayLike<number>): DeltaKFunction {
  const { R, shell, count } = members(d.length);
  const w = new Float64Array(count);
  for (let p = 0; p < count; p++) w[p] = d[shell[p]];
  const b = x * (1 - x);
  return {
    value(k) {
      let v = b;
      for (let q = 0; q < count; q++) v += w[q] * Math.cos(k[0] * R[3 * q] + k[1] * R[3 * q + 1] + k[2] * R[3 * q + 2]);
      return v;
    },
    evaluate(k) {
      let v = b;
      const g: Vec3 = [0, 0, 0];
      const H = [0, 0, 0, 0, 0, 0, 0, 0, 0];
      for (let q = 0; q < count; q++) {
        const rx = R[3 * q];
        const ry = R[3 * q + 1];
        const rz = R[3 * q + 2];
        const ph = k[0] * rx + k[1] * ry + k[2] * rz;
        const c = w[q] * Math.cos(ph);
        const s = w[q] * Math.sin(ph);
        v += c;
        g[0] -= s * rx;
        g[1] -= s * ry;
        g[2] -= s * rz;
        H[0] -= c * rx * rx;
        H[1] -= c * rx * ry;
        H[2] -= c * rx * rz;
        H[4] -= c * ry * ry;
        H[5] -= c * ry * rz;
        H[8] -= c * rz * rz;
      }
      H[3] = H[1];
      H[6] = H[2];
      H[7] = H[5];
      return { value: v, grad: g, hess: H };
    },
  };
}

/** One refined local minimum of Delta(k). */
export interface RefinedMinimum {
  /** Minimizer folded into the wedge, 1/a_i. */
  k: Vec3;
  /** Delta at k. */
  value: number;
  /** Euclidean norm of the gradient at k. */
  gradNorm: number;
  iterations: number;
}

/** c_i(k), its gradient and Hessian in k for every shell i = 1..n. */
export interface ShellJet {
  /** c_i(k), n values. */
  c: Float64Array;
  /** dc_i/dk_a at 3 i + a. */
  dc: Float64Array;
  /** d2c_i/dk_a dk_b at 6 i + (xx, xy, xz, yy, yz, zz). */
  d2c: Float64Array;
}

const memberCache = new Map<number, { R: Float64Array; shell: Int32Array; count: number }>();

function members(n: number): { R: Float64Array; shell: Int32Array; count: number } {
  let hit = memberCache.get(n);
  if (hit) return hit;
  const shells = bccShells(n);
  const half = LATTICE_CONSTANT / 2;
  let count = 0;
  for (const s of shells) count += s.members.length;
  const R = new Float64Array(3 * count);
  const shell = new Int32Array(count);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (const v of shells[i].members) {
      R[3 * p] = half * v[0];
      R[3 * p + 1] = half * v[1];
      R[3 * p + 2] = half * v[2];
      shell[p] = i;
      p++;
    }
  }
  hit = { R, shell, count };
  memberCache.set(n, hit);
  return hit;
}

/**
 * Shell cosine sums with first and second k-derivatives at k, from the separable form
 * sum over orbit permutations of w prod_a cos(q_a j_a), q = k a_l/2 (WASM kernel,
 * assembly/deltaK.ts): 3 (jmax+1) sines and cosines per k instead of one per lattice vector.
 */
export function shellCosineJet(k: ArrayLike<number>, n: number): ShellJet {
  const kernel = deltaKKernel(n);
  kernel.at(k, 0, new Float64Array(n));
  return jetOf(kernel);
}

/** A copy of the jet in the kernel's output block. */
function jetOf(kernel: DeltaKKernel): ShellJet {
  const n = kernel.n;
  const o = kernel.out + DELTA_K_OUT.jet;
  const h = kernel.heap();
  return { c: h.slice(o, o + n), dc: h.slice(o + n, o + 4 * n), d2c: h.slice(o + 4 * n, o + 10 * n) };
}

/** Shell cosine sums with first and second k-derivatives at k (direct member summation; reference). */
export function shellCosineJetDirect(k: ArrayLike<number>, n: number): ShellJet {
  const { R, shell, count } = members(n);
  const c = new Float64Array(n);
  const dc = new Float64Array(3 * n);
  const d2c = new Float64Array(6 * n);
  for (let q = 0; q < count; q++) {
    const rx = R[3 * q];
    const ry = R[3 * q + 1];
    const rz = R[3 * q + 2];
    const ph = k[0] * rx + k[1] * ry + k[2] * rz;
    const co = Math.cos(ph);
    const si = Math.sin(ph);
    const i = shell[q];
    c[i] += co;
    dc[3 * i] -= si * rx;
    dc[3 * i + 1] -= si * ry;
    dc[3 * i + 2] -= si * rz;
    d2c[6 * i] -= co * rx * rx;
    d2c[6 * i + 1] -= co * rx * ry;
    d2c[6 * i + 2] -= co * rx * rz;
    d2c[6 * i + 3] -= co * ry * ry;
    d2c[6 * i + 4] -= co * ry * rz;
    d2c[6 * i + 5] -= co * rz * rz;
  }
  return { c, dc, d2c };
}

/** Result of {@link localMinimizeDelta}. */
export interface LocalMinimum {
  k: Vec3;
  value: number;
  grad: Vec3;
  /** Hessian of Delta in k (3x3 row-major). */
  hess: number[];
  jet: ShellJet;
  iterations: number;
}

/**
 * Local minimum of Delta(k) = x(1-x) + sum_i d_i c_i(k) from k0: Newton steps on the Hessian
 * shifted to positive definiteness, backtracking (Armijo) on Delta, until the gradient vanishes
 * to rounding (WASM kernel, assembly/deltaK.ts). Unconstrained: by the mirror symmetry of the
 * wedge faces the minimum over the wedge is a stationary point (see the file comment).
 */
export function localMinimizeDelta(k0: ArrayLike<number>, x: number, d: ArrayLike<number>, maxIterations = 60): LocalMinimum {
  const kernel = deltaKKernel(d.length);
  kernel.minimize(k0, x, d, maxIterations);
  const h = kernel.heap();
  const o = kernel.out;
  const O = DELTA_K_OUT;
  return {
    k: vec3(h[o + O.k], h[o + O.k + 1], h[o + O.k + 2]),
    value: h[o + O.value],
    grad: vec3(h[o + O.grad], h[o + O.grad + 1], h[o + O.grad + 2]),
    hess: Array.from(h.subarray(o + O.hess, o + O.hess + 9)),
    jet: jetOf(kernel),
    iterations: h[o + O.iterations],
  };
}

/** Options of {@link refineMinDeltaK}. */
export interface RefineOptions {
  maxIterations?: number;
  /** Minimizers closer than this (1/a_i, after folding) are reported once; default 1e-7. */
  mergeDistance?: number;
}

/**
 * Local minima of Delta(k) started from each of `starts` (any k; typically the worst
 * sample points), folded into the wedge, distinct, lowest first.
 *
 * @param x number fraction of Z2 ions
 * @param d d_i = alpha_i - x^2, i = 1..n
 * @param starts starting wave vectors, 1/a_i
 */
export function refineMinDeltaK(
  x: number,
  d: ArrayLike<number>,
  starts: ArrayLike<number>[],
  options: RefineOptions = {},
): RefinedMinimum[] {
  const maxIt = options.maxIterations ?? 60;
  const merge = options.mergeDistance ?? 1e-7;
  const found: RefinedMinimum[] = [];
  const kernel = deltaKKernel(d.length);
  const o = kernel.out;
  const O = DELTA_K_OUT;
  for (const start of starts) {
    kernel.minimize(start, x, d, maxIt);
    let h = kernel.heap();
    const iterations = h[o + O.iterations];
    const kw = foldToWedge([h[o + O.k], h[o + O.k + 1], h[o + O.k + 2]]);
    kernel.at(kw, x, d);
    h = kernel.heap();
    const cand: RefinedMinimum = {
      k: kw,
      value: h[o + O.value],
      gradNorm: Math.hypot(h[o + O.grad], h[o + O.grad + 1], h[o + O.grad + 2]),
      iterations,
    };
    const dup = found.find((f) => Math.hypot(f.k[0] - kw[0], f.k[1] - kw[1], f.k[2] - kw[2]) < merge);
    if (dup) {
      if (cand.value < dup.value) Object.assign(dup, cand);
    } else {
      found.push(cand);
    }
  }
  found.sort((p, q) => p.value - q.value);
  return found;
}
