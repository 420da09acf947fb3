import { bccShells } from '../lattice/bccShells.js';
import { LATTICE_CONSTANT } from '../lattice/constants.js';
import { productTerms } from './constraintTable.js';
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

/** Cholesky solve of a 3x3 SPD system; null if not positive definite. */
function chol3Solve(H: number[], rhs: Vec3): Vec3 | null {
  const l00sq = H[0];
  if (!(l00sq > 0)) return null;
  const l00 = Math.sqrt(l00sq);
  const l10 = H[3] / l00;
  const l20 = H[6] / l00;
  const l11sq = H[4] - l10 * l10;
  if (!(l11sq > 0)) return null;
  const l11 = Math.sqrt(l11sq);
  const l21 = (H[7] - l20 * l10) / l11;
  const l22sq = H[8] - l20 * l20 - l21 * l21;
  if (!(l22sq > 0)) return null;
  const l22 = Math.sqrt(l22sq);
  const y0 = rhs[0] / l00;
  const y1 = (rhs[1] - l10 * y0) / l11;
  const y2 = (rhs[2] - l20 * y0 - l21 * y1) / l22;
  const z2 = y2 / l22;
  const z1 = (y1 - l21 * z2) / l11;
  const z0 = (y0 - l10 * z1 - l20 * z2) / l00;
  return [z0, z1, z2];
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

interface PackedTerms {
  shell: Int32Array;
  j: Int32Array; // 3 per term
  w: Float64Array;
  jmax: number;
}
const packedCache = new Map<number, PackedTerms>();

function packedTerms(n: number): PackedTerms {
  let hit = packedCache.get(n);
  if (hit) return hit;
  const { terms, jmax } = productTerms(n);
  hit = {
    shell: Int32Array.from(terms, (t) => t.shell),
    j: Int32Array.from(terms.flatMap((t) => [t.jx, t.jy, t.jz])),
    w: Float64Array.from(terms, (t) => t.weight),
    jmax,
  };
  packedCache.set(n, hit);
  return hit;
}

/** Fresh zeroed jet arrays for n shells. */
function emptyJet(n: number): ShellJet {
  return { c: new Float64Array(n), dc: new Float64Array(3 * n), d2c: new Float64Array(6 * n) };
}

// Scratch of shellCosineJetInto and localMinimizeDelta (synchronous, so one set per thread):
// the local searches evaluate the jet millions of times, and typed arrays of this size live
// outside the JS heap, where allocating them costs more than the arithmetic.
let scratchC = new Float64Array(0);
let scratchS = new Float64Array(0);
const scratchJets = new Map<number, [ShellJet, ShellJet]>();

/**
 * Shell cosine sums with first and second k-derivatives at k, from the separable form
 * sum over orbit permutations of w prod_a cos(q_a j_a), q = k a_l/2 (see constraintTable.ts):
 * 3 (jmax+1) sines and cosines per k instead of one per lattice vector.
 */
export function shellCosineJet(k: ArrayLike<number>, n: number): ShellJet {
  return shellCosineJetInto(k, n, emptyJet(n));
}

/** {@link shellCosineJet} written into `out` (its first n, 3n, 6n entries are overwritten). */
function shellCosineJetInto(k: ArrayLike<number>, n: number, out: ShellJet): ShellJet {
  const { shell, j, w, jmax } = packedTerms(n);
  const half = LATTICE_CONSTANT / 2;
  if (scratchC.length < 3 * (jmax + 1)) {
    scratchC = new Float64Array(3 * (jmax + 1));
    scratchS = new Float64Array(3 * (jmax + 1));
  }
  const C = scratchC;
  const S = scratchS;
  for (let a = 0; a < 3; a++) {
    const q = k[a] * half;
    for (let m = 0; m <= jmax; m++) {
      C[a * (jmax + 1) + m] = Math.cos(q * m);
      S[a * (jmax + 1) + m] = Math.sin(q * m);
    }
  }
  const { c, dc, d2c } = out;
  c.fill(0, 0, n);
  dc.fill(0, 0, 3 * n);
  d2c.fill(0, 0, 6 * n);
  const o1 = jmax + 1;
  const o2 = 2 * (jmax + 1);
  const h2 = half * half;
  for (let t = 0; t < w.length; t++) {
    const jx = j[3 * t];
    const jy = j[3 * t + 1];
    const jz = j[3 * t + 2];
    const cx = C[jx];
    const cy = C[o1 + jy];
    const cz = C[o2 + jz];
    const sx = S[jx] * jx * half; // -(d/dk_x) cos(q_x jx) = half jx sin
    const sy = S[o1 + jy] * jy * half;
    const sz = S[o2 + jz] * jz * half;
    const wt = w[t];
    const i = shell[t];
    c[i] += wt * cx * cy * cz;
    dc[3 * i] -= wt * sx * cy * cz;
    dc[3 * i + 1] -= wt * cx * sy * cz;
    dc[3 * i + 2] -= wt * cx * cy * sz;
    d2c[6 * i] -= wt * h2 * jx * jx * cx * cy * cz;
    d2c[6 * i + 1] += wt * sx * sy * cz;
    d2c[6 * i + 2] += wt * sx * cy * sz;
    d2c[6 * i + 3] -= wt * h2 * jy * jy * cx * cy * cz;
    d2c[6 * i + 4] += wt * cx * sy * sz;
    d2c[6 * i + 5] -= wt * h2 * jz * jz * cx * cy * cz;
  }
  return out;
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

/** Delta, gradient and Hessian (3x3 row-major) from a jet for given (x, d). */
export function deltaFromJet(jet: ShellJet, x: number, d: ArrayLike<number>): { value: number; grad: Vec3; hess: number[] } {
  const n = d.length;
  let v = x * (1 - x);
  const g: Vec3 = [0, 0, 0];
  const h = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const di = d[i];
    v += di * jet.c[i];
    g[0] += di * jet.dc[3 * i];
    g[1] += di * jet.dc[3 * i + 1];
    g[2] += di * jet.dc[3 * i + 2];
    for (let t = 0; t < 6; t++) h[t] += di * jet.d2c[6 * i + t];
  }
  return { value: v, grad: g, hess: [h[0], h[1], h[2], h[1], h[3], h[4], h[2], h[4], h[5]] };
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
 * to rounding. Unconstrained: by the mirror symmetry of the wedge faces the minimum over the
 * wedge is a stationary point (see the file comment).
 */
export function localMinimizeDelta(k0: ArrayLike<number>, x: number, d: ArrayLike<number>, maxIterations = 60): LocalMinimum {
  const n = d.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(d[i]));
  let k: Vec3 = [k0[0], k0[1], k0[2]];
  let pair = scratchJets.get(n);
  if (!pair) scratchJets.set(n, (pair = [emptyJet(n), emptyJet(n)]));
  let [jet, trial] = pair;
  shellCosineJetInto(k, n, jet);
  let e = deltaFromJet(jet, x, d);
  let it = 0;
  for (; it < maxIterations; it++) {
    const gn = Math.hypot(e.grad[0], e.grad[1], e.grad[2]);
    if (gn <= 1e-14 * Math.max(scale, 1e-300)) break;
    const rhs: Vec3 = [-e.grad[0], -e.grad[1], -e.grad[2]];
    let step: Vec3 | null = chol3Solve(e.hess, rhs);
    if (!step) {
      const H = e.hess;
      const normH = Math.abs(H[0]) + Math.abs(H[4]) + Math.abs(H[8]) + 2 * (Math.abs(H[1]) + Math.abs(H[2]) + Math.abs(H[5]));
      let tau = Math.max(1e-12, 1e-3 * normH);
      for (let t = 0; t < 60 && !step; t++, tau *= 4) {
        step = chol3Solve([H[0] + tau, H[1], H[2], H[3], H[4] + tau, H[5], H[6], H[7], H[8] + tau], rhs);
      }
      if (!step) step = rhs;
    }
    const slope = e.grad[0] * step[0] + e.grad[1] * step[1] + e.grad[2] * step[2];
    if (!(slope < 0)) break;
    let t = 1;
    let accepted = false;
    for (let bt = 0; bt < 50; bt++) {
      const kt: Vec3 = [k[0] + t * step[0], k[1] + t * step[1], k[2] + t * step[2]];
      const jt = shellCosineJetInto(kt, n, trial);
      const et = deltaFromJet(jt, x, d);
      // Near convergence the decrease drops below the rounding of Delta: then accept a full
      // Newton step that does not increase Delta beyond rounding and shrinks the gradient.
      const gn1 = Math.hypot(et.grad[0], et.grad[1], et.grad[2]);
      const roundingLevel = 1e-15 * (Math.abs(e.value) + x * (1 - x));
      if (et.value <= e.value + 1e-4 * t * slope || (t === 1 && et.value <= e.value + roundingLevel && gn1 < 0.5 * gn)) {
        k = kt;
        trial = jet;
        jet = jt;
        e = et;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) break;
    if (t * Math.hypot(step[0], step[1], step[2]) < 1e-15 * Math.max(1, Math.hypot(k[0], k[1], k[2]))) break;
  }
  const own = emptyJet(n);
  own.c.set(jet.c.subarray(0, n));
  own.dc.set(jet.dc.subarray(0, 3 * n));
  own.d2c.set(jet.d2c.subarray(0, 6 * n));
  return { k, value: e.value, grad: e.grad, hess: e.hess, jet: own, iterations: it };
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
  for (const start of starts) {
    const lm = localMinimizeDelta(start, x, d, maxIt);
    const kw = foldToWedge(lm.k);
    const ew = deltaFromJet(shellCosineJet(kw, d.length), x, d);
    const cand: RefinedMinimum = {
      k: kw,
      value: ew.value,
      gradNorm: Math.hypot(ew.grad[0], ew.grad[1], ew.grad[2]),
      iterations: lm.iterations,
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
