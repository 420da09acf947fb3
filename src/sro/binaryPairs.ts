import {
  mixingEntropy,
  shellEntropyDecrementDerivative,
  shellEntropyDecrementSecondDerivative,
  xlogx,
} from '../mixture/entropy.js';
import type { ConvexProgram, Point, SeparableEntropy } from './program.js';

/*
 * The binary mixture's variable set (docs/physics.md sections 5, 6 and 13): per shell i the
 * free coordinate z_i = alpha_i - x^2 and three entropy terms, the pair probabilities
 *     P22 = alpha_i = x^2 + z_i,   P21 = P12 = x - alpha_i = x(1-x) - z_i,   P11 = 1 - 2x + alpha_i = (1-x)^2 + z_i,
 * each held to its own relative precision (alpha_i = 1e-15 next to x^2, x - alpha_i = 1e-15
 * next to x, ...). S = S_mix + 1/2 sum_i m_i dS_i (eq. A.4) with
 * dS_i = 2x ln x + 2(1-x) ln(1-x) - sum over ordered pairs P ln P (eq. A.3), i.e.
 *     S = S_mix (1 - sum_i m_i) - sum_i (m_i/2) [P22 ln P22 + 2 P21 ln P21 + P11 ln P11].
 * Energy e.z with e_i = g_i (eqs. 5-6), equality sum_i m_i z_i = 0 (eq. 4).
 */

/** Data of one binary instance: x, T = 1/Gamma (U_1), energy coefficients g_i (U_1) and multiplicities m_i. */
export interface BinaryInstance {
  x: number;
  T: number;
  g: ArrayLike<number>;
  m: ArrayLike<number>;
}

/** Bounds of alpha_i: [lo, hi] = [max(0, 2x-1), x] (docs/physics.md section 6). */
export function alphaBounds(x: number): { lo: number; hi: number } {
  // Built from a double literal so that every bounds object has the same (double-field) V8 map.
  const bounds = { lo: 0.5, hi: 0.5 };
  bounds.lo = Math.max(0, 2 * x - 1);
  bounds.hi = x;
  return bounds;
}

/** Closed-form root of q = w dS'(a) (see separableMinimizer), before polishing. */
function separableRoot(x: number, r: number): number {
  const u = 1 - 2 * x;
  if (r <= 0) {
    const E = Math.exp(r); // in (0, 1]
    return (2 * x * x) / (2 * x + E * u + Math.sqrt(4 * E * x * (1 - x) + E * E * u * u));
  }
  const e = Math.exp(-r); // 1/E in (0, 1)
  const sq = Math.sqrt(u * u + 4 * x * (1 - x) * e);
  // For u < 0, u + sq = 4x(1-x)e/(sq - u): divide through by e (no 0/0 when e underflows).
  return u >= 0 ? (2 * x * x * e) / (2 * x * e + u + sq) : (2 * x * x) / (2 * x + (4 * x * (1 - x)) / (sq - u));
}

/**
 * The alpha minimizing q (alpha - x^2) - w dS(x, alpha) over the domain (w > 0): the root of
 * q = w ln((x-a)^2/(a(1-2x+a))) (eq. A.3 differentiated), i.e. of
 * (1-E) a^2 - (2x + E(1-2x)) a + x^2 = 0, E = e^(q/w), in closed form, polished by
 * safeguarded Newton steps.
 *
 * @example separableMinimizer(0.5, 0, 1) // 0.25 (the random state)
 */
export function separableMinimizer(x: number, q: number, w: number): number {
  const { lo, hi } = alphaBounds(x);
  let a = separableRoot(x, q / w);
  if (!(a > lo && a < hi)) a = Math.min(hi - (hi - lo) * 1e-15, Math.max(lo + (hi - lo) * 1e-15, a));
  // Polish: phi'(a) = q - w dS'(a) is increasing; Newton with bracketing (bisection fallback).
  let left = lo;
  let right = hi;
  for (let it = 0; it < 200; it++) {
    const f = q - w * shellEntropyDecrementDerivative(x, a);
    if (!Number.isFinite(f) || f === 0) break;
    if (f > 0) right = a;
    else left = a;
    const step = f / (-w * shellEntropyDecrementSecondDerivative(x, a));
    if (Math.abs(step) <= 4e-16 * a) break;
    let next = a - step;
    if (!(next > left && next < right)) next = 0.5 * (left + right);
    if (next === a) break;
    a = next;
  }
  return a;
}

/** The separable entropy of eq. A.4 over the pair probabilities of n shells at x. */
export function binaryEntropy(x: number, m: ArrayLike<number>): SeparableEntropy {
  const n = m.length;
  const weight = new Float64Array(3 * n);
  const base = new Float64Array(3 * n);
  const start = new Int32Array(3 * n + 1);
  const col = new Int32Array(3 * n);
  const coef = new Float64Array(3 * n);
  let msum = 0;
  for (let i = 0; i < n; i++) {
    msum += m[i];
    const pairs = [x * x, x * (1 - x), (1 - x) * (1 - x)];
    const w = [0.5 * m[i], m[i], 0.5 * m[i]];
    for (let c = 0; c < 3; c++) {
      const t = 3 * i + c;
      weight[t] = w[c];
      base[t] = pairs[c];
      start[t + 1] = t + 1;
      col[t] = i;
      coef[t] = c === 1 ? -1 : 1;
    }
  }
  const blockStart = Int32Array.from({ length: n + 1 }, (_, b) => b);
  const termStart = Int32Array.from({ length: n + 1 }, (_, b) => 3 * b);
  // s0 = S_mix + sum_i m_i [x ln x + (1-x) ln(1-x)] (eq. A.3's constant part).
  const s0 = mixingEntropy(x) + msum * (xlogx(x) + xlogx(1 - x));
  const blockStartPoint = (b: number, q: Float64Array, tau: number, z: Float64Array, u: Float64Array): void => {
    const a = separableMinimizer(x, q[0], 0.5 * tau * m[b]);
    z[0] = a - x * x;
    u[0] = a;
    u[1] = x - a;
    u[2] = 1 - 2 * x + a;
  };
  return { s0, weight, base, start, col, coef, blockStart, termStart, blockStartPoint };
}

/** The convex program of one binary instance (see the file comment). */
export function binaryProgram(p: BinaryInstance): ConvexProgram {
  const n = p.g.length;
  if (p.m.length < n) throw new RangeError(`${n} energy coefficients but ${p.m.length} multiplicities`);
  const m = Float64Array.from({ length: n }, (_, i) => p.m[i]);
  return {
    dim: n,
    energy: Float64Array.from(p.g),
    T: p.T,
    entropy: binaryEntropy(p.x, m),
    eqRows: m,
    eqRhs: new Float64Array(1),
    cutScale: p.x * (1 - p.x),
    entropyScale: mixingEntropy(p.x),
  };
}

/** The order parameters alpha_i = P22(i) of a point (to their own relative precision). */
export function alphaOf(point: Point): number[] {
  return Array.from({ length: point.z.length }, (_, i) => point.u[3 * i]);
}
