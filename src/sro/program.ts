/*
 * The convex program of the short-range-order minimizer as plain data (docs/physics.md
 * sections 5, 6 and 13), independent of the physics that fills it:
 *
 *     minimize  F(z) = e.z - T S(u(z))                     (energy linear, entropy concave)
 *     over      z in R^dim, with u_t(z) = u0_t + sum_k A_tk z_k > 0 for every entropy term t
 *     subject to E z = r                                    (linear equalities, e.g. eq. 4)
 *                S(u) >= 0                                  (the paper excludes S < 0)
 *                row_j.z + offset_j >= 0                    (cuts: eq. 3 at chosen k, v^T S(k) v)
 *                phi_r(z) >= 0                              (concave constraints given by an oracle)
 *
 * with the separable entropy S(u) = s0 - sum_t w_t u_t ln u_t (eq. A.3-A.4 written over the pair
 * probabilities of docs/physics.md section 13). The point keeps BOTH z and the term values u:
 * z carries the linear functions to absolute precision, u keeps every pair probability to its
 * own relative precision (a probability of 1e-30 next to x^2 = 4e-4 stays 1e-30), and the two
 * are moved by the same step, so u = u0 + A z holds to rounding of the larger terms.
 *
 * z = 0 (u = u0, the random state) must be strictly feasible for every constraint.
 */

/** S(u) = s0 - sum_t w_t u_t ln u_t with u = u0 + A z (A sparse, by terms), grouped in blocks. */
export interface SeparableEntropy {
  /** Constant s0, k_B per ion. */
  s0: number;
  /** Weights w_t > 0 (e.g. m_i/2 per ordered pair). */
  weight: Float64Array;
  /** Term values at z = 0 (all > 0). */
  base: Float64Array;
  /** Term t is u0_t + sum_p coef[p] z[col[p]], p in [start[t], start[t+1]). */
  start: Int32Array;
  col: Int32Array;
  coef: Float64Array;
  /**
   * Blocks: block b owns the coordinates [blockStart[b], blockStart[b+1]) and the terms
   * [termStart[b], termStart[b+1]), and those terms use only its coordinates, so the
   * Lagrangian separates over blocks (the exact dual bound) and the entropy Hessian is block diagonal.
   */
  blockStart: Int32Array;
  termStart: Int32Array;
  /**
   * Optional closed-form start for the minimizer of q.z_b + tau sum_{t in b} w_t phi(u_t) over one
   * block (the generic damped Newton polishes it): writes the block's z and u.
   */
  blockStartPoint?: (block: number, q: Float64Array, tau: number, z: Float64Array, u: Float64Array) => void;
}

/** A finite set of linear cuts row_j.z + offset_j >= 0 (rows row-major, dim per cut). */
export interface LinearCuts {
  rows: Float64Array;
  offsets: Float64Array;
  count: number;
}

/** A concave constraint phi(z) >= 0 (e.g. a minimum over k of affine functions of z). */
export interface ConcaveConstraint {
  /** Value, gradient (dim) and optional Hessian (dim x dim, negative semidefinite) at the point. */
  evaluate(point: Point): { value: number; grad: ArrayLike<number>; hess?: ArrayLike<number> };
}

/** The whole program (see the file comment). Units: energies in U_1, entropy in k_B per ion. */
export interface ConvexProgram {
  dim: number;
  /** Linear energy coefficients e (U_1). */
  energy: Float64Array;
  /** Temperature T (U_1), > 0. */
  T: number;
  entropy: SeparableEntropy;
  /** Equalities E z = r: `eqRows` row-major (dim per row), `eqRhs` one per row. */
  eqRows: Float64Array;
  eqRhs: Float64Array;
  /** Size of a typical cut value at z = 0 (e.g. x(1-x)): slack start and tolerances. */
  cutScale: number;
  /** Size of the entropy at z = 0 (e.g. S_mix): slack start and tolerances. */
  entropyScale: number;
}

/** A point of the program: free coordinates z and entropy-term values u (u = u0 + A z). */
export interface Point {
  z: Float64Array;
  u: Float64Array;
}

/** Multipliers in the units of F (U_1): cuts (and concave constraints after them), S >= 0, equalities. */
export interface Multipliers {
  cuts: Float64Array;
  entropy: number;
  equalities: Float64Array;
}

/**
 * Smallest entropy-term value kept: below it a term's share of F is under 1e-277 U_1, and
 * 1/u stays finite in the Newton systems.
 */
export const TERM_FLOOR = 1e-280;

/** t ln t (t > 0), 0 at t = 0, +Infinity below 0 (outside the domain). */
export function plogp(t: number): number {
  if (t > 0) return t * Math.log(t);
  return t === 0 ? 0 : Infinity;
}

/** Number of equality rows of the program. */
export function equalityCount(p: ConvexProgram): number {
  return p.eqRhs.length;
}

/** The random state z = 0, u = u0. */
export function referencePoint(p: ConvexProgram): Point {
  return { z: new Float64Array(p.dim), u: Float64Array.from(p.entropy.base) };
}

/** A copy of a point. */
export function copyPoint(q: Point): Point {
  return { z: Float64Array.from(q.z), u: Float64Array.from(q.u) };
}

/** u = u0 + A z (loses the relative precision of small terms: for starts only). */
export function pointFromZ(p: ConvexProgram, z: ArrayLike<number>): Point {
  const e = p.entropy;
  const zz = Float64Array.from(z);
  const u = new Float64Array(e.base.length);
  for (let t = 0; t < u.length; t++) {
    let v = e.base[t];
    for (let q = e.start[t]; q < e.start[t + 1]; q++) v += e.coef[q] * zz[e.col[q]];
    u[t] = v;
  }
  return { z: zz, u };
}

/** du = A dz, the change of the entropy terms along a direction of z. */
export function termDirection(e: SeparableEntropy, dz: ArrayLike<number>, du: Float64Array): void {
  for (let t = 0; t < du.length; t++) {
    let v = 0;
    for (let q = e.start[t]; q < e.start[t + 1]; q++) v += e.coef[q] * dz[e.col[q]];
    du[t] = v;
  }
}

/**
 * Resolution of each term in the linear relation u = u0 + A z: 4 eps (|u0_t| + sum |A_tk z_k|).
 * A change of u_t below it is invisible to z (and so to the energy and the cuts).
 */
export function termResolution(e: SeparableEntropy, z: ArrayLike<number>, out: Float64Array): void {
  for (let t = 0; t < out.length; t++) {
    let v = Math.abs(e.base[t]);
    for (let q = e.start[t]; q < e.start[t + 1]; q++) v += Math.abs(e.coef[q] * z[e.col[q]]);
    out[t] = 8.9e-16 * v;
  }
}

/** S(u) (eq. A.4 as a sum over pair probabilities), -Infinity outside the domain. */
export function entropyAt(e: SeparableEntropy, u: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < u.length; t++) s += e.weight[t] * plogp(u[t]);
  return e.s0 - s;
}

/** Gradient of S in z: -sum_t w_t (ln u_t + 1) A_t. */
export function entropyGradient(e: SeparableEntropy, u: ArrayLike<number>, out: Float64Array): void {
  out.fill(0);
  for (let t = 0; t < u.length; t++) {
    const g = -e.weight[t] * (Math.log(u[t]) + 1);
    for (let q = e.start[t]; q < e.start[t + 1]; q++) out[e.col[q]] += g * e.coef[q];
  }
}

/** K += factor * (-Hessian of S) = factor * sum_t (w_t/u_t) A_t A_t^T (upper triangle, dim x dim). */
export function addEntropyHessian(e: SeparableEntropy, u: ArrayLike<number>, factor: number, K: Float64Array, dim: number): void {
  for (let t = 0; t < u.length; t++) {
    const h = (factor * e.weight[t]) / u[t];
    for (let q = e.start[t]; q < e.start[t + 1]; q++) {
      const i = e.col[q];
      const ci = h * e.coef[q];
      for (let r = e.start[t]; r < e.start[t + 1]; r++) {
        const k = e.col[r];
        if (k >= i) K[i * dim + k] += ci * e.coef[r];
      }
    }
  }
}

/** F(z) = e.z - T S(u), U_1. */
export function objectiveAt(p: ConvexProgram, point: Point): number {
  let v = 0;
  for (let i = 0; i < p.dim; i++) v += p.energy[i] * point.z[i];
  return v - p.T * entropyAt(p.entropy, point.u);
}

/** True if every entropy term is positive (the open domain of eq. A.3). */
export function inDomain(point: Point): boolean {
  for (let t = 0; t < point.u.length; t++) if (!(point.u[t] > 0)) return false;
  return true;
}

/** Value of every cut at z. */
export function cutValues(cuts: LinearCuts, z: ArrayLike<number>, out: Float64Array): void {
  const n = z.length;
  for (let j = 0; j < cuts.count; j++) {
    let v = cuts.offsets[j];
    for (let i = 0; i < n; i++) v += cuts.rows[j * n + i] * z[i];
    out[j] = v;
  }
}
