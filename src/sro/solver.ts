import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import {
  mixingEntropy,
  shellEntropyDecrement,
  shellEntropyDecrementDerivative,
  shellEntropyDecrementSecondDerivative,
} from '../mixture/entropy.js';
import { vec3 } from '../brillouin/wedge.js';
import { CELLS, lowestCells, type CellBlocks } from './lowestCells.js';

/*
 * Convex solver of the short-range-order problem (docs/physics.md section 6, paper eqs. 3-4, A.3-A.4).
 *
 * Variables d_i = alpha_i - x^2, i = 1..n. Objective, in U_1 (constant part dropped):
 *     F(d) = sum_i g_i d_i - T S(alpha),   S = S_mix(x) + 1/2 sum_i m_i dS(x, alpha_i)
 * subject to
 *     max(0, 2x-1) < alpha_i < x         (the domain of eq. A.3; never active for T > 0)
 *     sum_i m_i d_i = 0                  (eq. 4)
 *     S(alpha) >= 0                      (paper: states with S < 0 excluded)
 *     x(1-x) + sum_i d_i c_i(k) >= 0     (eq. 3) for each k of a finite cut set.
 * -S is separable and strictly convex, so the problem has one global minimum.
 *
 * Internally the objective is divided by T (Phi = F/T = h.d - S with h = g/T), which keeps
 * every quantity O(1) for all Gamma; multipliers and the certificate are scaled back to U_1.
 *
 * The finite problem is solved by a primal-dual interior-point method (Mehrotra predictor-
 * corrector, infeasible start); the Newton system is reduced to n x n (+ the equality) and
 * solved by Cholesky (ml-matrix). Its certificate is an exact Lagrangian duality gap: the dual
 * function is evaluated in closed form because the Lagrangian is separable in alpha_i.
 */

const DEBUG = typeof process !== 'undefined' && !!process.env?.COULOMIX_DEBUG_IPM;

/** The data of one instance (plain numbers; nothing physics-specific beyond eq. A.3). */
export interface SroProblem {
  /** Number fraction of Z2 ions, 0 < x < 1. */
  x: number;
  /** Temperature in energy units of g (T/U_1 = 1/Gamma), > 0. */
  T: number;
  /** Linear coefficients g_i of the energy in d_i = alpha_i - x^2. */
  g: ArrayLike<number>;
  /** Shell multiplicities m_i. */
  m: ArrayLike<number>;
}

/** A finite set of cuts x(1-x) + c_j . d >= 0: `rows` holds n coefficients per cut. */
export interface CutSet {
  rows: Float64Array;
  count: number;
}

/** Result of the interior-point solve of a finite problem. */
export interface SubproblemSolution {
  d: Float64Array;
  /** Multipliers of the cuts, then of the concave constraints, in units of F (U_1). */
  lambda: Float64Array;
  /** Multiplier of S >= 0, in units of F. */
  lambdaS: number;
  /** Multiplier of eq. 4, in units of F. */
  nu: number;
  iterations: number;
  /** Final complementarity measure (scaled problem). */
  mu: number;
  /** Final infinity norm of the stationarity residual, in U_1. */
  stationarity: number;
  /** Largest violation of a cut or S >= 0 by the primal point (>= 0). */
  primalInfeasibility: number;
  /** Gradients of the concave constraints at d (n per constraint): their supporting hyperplanes. */
  nonlinearRows: Float64Array;
  /** Values of the concave constraints at d. */
  nonlinearValues: Float64Array;
  /** True if the tolerances were met (false: iteration limit or non-finite data). */
  converged: boolean;
}

/** Options of {@link solveFinite}. */
export interface FiniteOptions {
  /** Starting d (inside the domain); default 0 (the random state). */
  d0?: ArrayLike<number>;
  /** Stop when the duality measure (scaled) and residuals fall below this; default 1e-14. */
  tol?: number;
  maxIterations?: number;
  /** Stationarity tolerance of the scaled problem (F/T); default 1e-12. */
  stationarityTol?: number;
}

/** Bounds of alpha_i: (lo, x) with lo = max(0, 2x-1). */
export function alphaBounds(x: number): { lo: number; hi: number } {
  // Built from a double literal: lo is the integer 0 for x <= 1/2, and a first object holding
  // an integer field would later be replaced by a double-field one (a V8 map deprecation,
  // which aborts the optimizing compile of the solver in flight).
  const bounds = { lo: 0.5, hi: 0.5 };
  bounds.lo = Math.max(0, 2 * x - 1);
  bounds.hi = x;
  return bounds;
}

/** Entropy per ion S(alpha) (eq. A.4) in terms of d = alpha - x^2. */
export function entropyOf(x: number, m: ArrayLike<number>, d: ArrayLike<number>): number {
  const x2 = x * x;
  let s = mixingEntropy(x);
  for (let i = 0; i < d.length; i++) s += 0.5 * m[i] * shellEntropyDecrement(x, x2 + d[i]);
  return s;
}

/** Objective F(d) = g.d - T S (U_1, constant part dropped). */
export function objectiveOf(p: SroProblem, d: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < d.length; i++) e += p.g[i] * d[i];
  return e - p.T * entropyOf(p.x, p.m, d);
}

/**
 * The alpha minimizing q (alpha - x^2) - w dS(x, alpha) over the domain (w > 0): the root of
 * q = w ln((x-a)^2/(a(1-2x+a))), i.e. of (1-E) a^2 - (2x + E(1-2x)) a + x^2 = 0, E = e^(q/w),
 * in closed form, polished by safeguarded Newton steps.
 */
export function separableMinimizer(x: number, q: number, w: number): number {
  const { lo, hi } = alphaBounds(x);
  const r = q / w;
  const u = 1 - 2 * x;
  let a: number;
  if (r <= 0) {
    const E = Math.exp(r); // in (0, 1]
    a = (2 * x * x) / (2 * x + E * u + Math.sqrt(4 * E * x * (1 - x) + E * E * u * u));
  } else {
    const e = Math.exp(-r); // 1/E in (0, 1)
    // a = 2x^2 e / (2x e + u + sqrt(u^2 + 4x(1-x)e)); rewrite u + sqrt(.) without cancellation.
    const sq = Math.sqrt(u * u + 4 * x * (1 - x) * e);
    // For u < 0, u + sq = 4x(1-x)e/(sq - u): divide through by e (no 0/0 when e underflows).
    a = u >= 0 ? (2 * x * x * e) / (2 * x * e + u + sq) : (2 * x * x) / (2 * x + (4 * x * (1 - x)) / (sq - u));
  }
  if (!(a > lo && a < hi)) a = Math.min(hi - (hi - lo) * 1e-15, Math.max(lo + (hi - lo) * 1e-15, a));
  // Polish: phi'(a) = q - w dS'(a) is increasing; Newton with bracketing (bisection fallback).
  let left = lo;
  let right = hi;
  for (let it = 0; it < 200; it++) {
    const f = q - w * shellEntropyDecrementDerivative(x, a);
    if (!Number.isFinite(f) || f === 0) break;
    if (f > 0) right = a;
    else left = a;
    const fp = -w * shellEntropyDecrementSecondDerivative(x, a);
    const step = f / fp;
    if (Math.abs(step) <= 4e-16 * a) break;
    let next = a - step;
    if (!(next > left && next < right)) next = 0.5 * (left + right);
    if (next === a) break;
    a = next;
  }
  return a;
}

/**
 * Cold start: the exact minimizer of F subject to eq. 4 only (no cuts, no S >= 0), from the
 * separable closed form with the multiplier nu of eq. 4 found by bisection; then pulled toward
 * the random state until S >= S_mix/10.
 */
export function unconstrainedStart(p: SroProblem): Float64Array {
  const n = p.g.length;
  const { x, T } = p;
  const x2 = x * x;
  const d = new Float64Array(n);
  const excess = (nu: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      d[i] = separableMinimizer(x, p.g[i] - nu * p.m[i], 0.5 * T * p.m[i]) - x2;
      s += p.m[i] * d[i];
    }
    return s; // increasing in nu
  };
  let lo = -1;
  let hi = 1;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(p.g[i] / p.m[i]));
  lo = -2 * scale - T;
  hi = 2 * scale + T;
  for (let k = 0; k < 60 && excess(lo) > 0; k++) lo *= 2;
  for (let k = 0; k < 60 && excess(hi) < 0; k++) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo) + Math.abs(hi)); k++) {
    const mid = 0.5 * (lo + hi);
    if (excess(mid) > 0) hi = mid;
    else lo = mid;
  }
  excess(0.5 * (lo + hi));
  const sMix = mixingEntropy(x);
  for (let k = 0; k < 60 && !(entropyOf(x, p.m, d) >= 0.1 * sMix); k++) for (let i = 0; i < n; i++) d[i] *= 0.7;
  return d;
}

/**
 * Exact Lagrangian dual bound of the finite problem for multipliers lambda >= 0 (cuts),
 * lambdaS >= 0 (S >= 0) and nu (eq. 4), all in units of F:
 *   q(lambda, nu) = min_alpha [F - sum_j lambda_j (x(1-x) + c_j.d) - lambdaS S - nu m.d],
 * separable in alpha_i and minimized in closed form. Any feasible d has F(d) >= q.
 */
export function dualBound(p: SroProblem, cuts: CutSet, lambda: ArrayLike<number>, lambdaS: number, nu: number): number {
  const n = p.g.length;
  const { x, T } = p;
  const b = x * (1 - x);
  const x2 = x * x;
  const coef = new Float64Array(n);
  let lamSum = 0;
  for (let i = 0; i < n; i++) coef[i] = p.g[i] - nu * p.m[i];
  for (let j = 0; j < cuts.count; j++) {
    const l = lambda[j];
    if (l === 0) continue;
    lamSum += l;
    const row = j * n;
    for (let i = 0; i < n; i++) coef[i] -= l * cuts.rows[row + i];
  }
  const tS = T + lambdaS;
  let value = -tS * mixingEntropy(x) - b * lamSum;
  for (let i = 0; i < n; i++) {
    const w = 0.5 * tS * p.m[i];
    const a = separableMinimizer(x, coef[i], w);
    value += coef[i] * (a - x2) - w * shellEntropyDecrement(x, a);
  }
  return value;
}

/**
 * A concave constraint phi(d) >= 0 given by an oracle (e.g. phi(d) = min_k Delta(k; d) over a
 * neighbourhood of a local minimizer: a minimum of affine functions of d, hence concave).
 * `evaluate` may keep internal state (a warm start); the last call is at the accepted point.
 */
export interface ConcaveConstraint {
  evaluate(d: Float64Array): { value: number; grad: ArrayLike<number>; hess?: ArrayLike<number> };
}

/**
 * Primal-dual interior-point solution of the finite problem: linear cuts, optional concave
 * constraints, S >= 0 and eq. 4. Mehrotra predictor-corrector with slacks; infeasible start
 * allowed (only the domain of alpha must hold at d0).
 */
export function solveFinite(
  p: SroProblem,
  cuts: CutSet,
  options: FiniteOptions = {},
  nonlinear: ConcaveConstraint[] = [],
): SubproblemSolution {
  const n = p.g.length;
  const { x, T } = p;
  const { lo, hi } = alphaBounds(x);
  const x2 = x * x;
  const b = x * (1 - x);
  const nc = cuts.count;
  const nn = nonlinear.length;
  const iS = nc + nn; // index of the entropy constraint
  const np = iS + 1;
  const tol = options.tol ?? 1e-14;
  const maxIt = options.maxIterations ?? 100;
  const tolD = options.stationarityTol ?? 1e-12;
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) h[i] = p.g[i] / T;
  const m = p.m;

  const d = new Float64Array(n);
  if (options.d0) for (let i = 0; i < n; i++) d[i] = options.d0[i];
  else d.set(unconstrainedStart(p));
  for (let i = 0; i < n; i++) {
    const a = x2 + d[i];
    if (!(a > lo && a < hi)) d[i] = 0;
  }
  // Equality: project d0 onto m.d = 0 if it stays in the domain, else restart at 0.
  {
    let md = 0;
    let mm = 0;
    for (let i = 0; i < n; i++) {
      md += m[i] * d[i];
      mm += m[i] * m[i];
    }
    const shift = md / mm;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const a = x2 + d[i] - shift * m[i];
      if (!(a > lo && a < hi)) ok = false;
    }
    if (ok) for (let i = 0; i < n; i++) d[i] -= shift * m[i];
    else d.fill(0);
  }

  // Jacobian rows of all constraints (linear rows fixed; nonlinear and entropy rows refreshed).
  const J = new Float64Array(np * n);
  J.set(cuts.rows.subarray(0, nc * n));
  const nlHess = new Float64Array(nn * n * n);
  const nlHasHess = new Uint8Array(nn);
  const f = new Float64Array(np);
  const s = new Float64Array(np);
  const lam = new Float64Array(np);
  const kappa = new Float64Array(n);
  let nu = 0;

  // Values of all constraints at dd; refreshes the nonlinear rows/Hessians (last call = accepted point).
  const evalConstraints = (dd: Float64Array, out: Float64Array): void => {
    for (let j = 0; j < nc; j++) {
      const row = j * n;
      let v = b;
      for (let i = 0; i < n; i++) v += J[row + i] * dd[i];
      out[j] = v;
    }
    for (let r = 0; r < nn; r++) {
      const e = nonlinear[r].evaluate(dd);
      out[nc + r] = e.value;
      const row = (nc + r) * n;
      for (let i = 0; i < n; i++) J[row + i] = e.grad[i];
      if (e.hess) {
        nlHess.set(Array.from(e.hess), r * n * n);
        nlHasHess[r] = 1;
      } else nlHasHess[r] = 0;
    }
    out[iS] = entropyOf(x, m, dd);
  };
  const evalDerivatives = (): void => {
    const row = iS * n;
    for (let i = 0; i < n; i++) {
      const a = x2 + d[i];
      J[row + i] = 0.5 * m[i] * shellEntropyDecrementDerivative(x, a);
      kappa[i] = -0.5 * m[i] * shellEntropyDecrementSecondDerivative(x, a);
    }
  };

  evalConstraints(d, f);
  // Slacks on the scale of each constraint (x(1-x) for the cuts, S_mix for the entropy),
  // multipliers O(1) in the scaled problem.
  const sMix = mixingEntropy(x);
  for (let j = 0; j < np; j++) {
    const scale = j < iS ? b : sMix;
    s[j] = Math.max(f[j], 0.1 * scale);
    lam[j] = Math.min(1, 0.1 / s[j]);
  }

  const rd = new Float64Array(n);
  const rp = new Float64Array(np);
  const dd = new Float64Array(n);
  const ds = new Float64Array(np);
  const dl = new Float64Array(np);
  const trial = new Float64Array(n);
  const ftrial = new Float64Array(np);
  const rc = new Float64Array(np);
  const Kd = new Float64Array(n * n);
  let iterations = 0;
  let converged = false;
  let bestResD = Infinity;
  let stall = 0;
  let mu = 0;
  let resD = Infinity;
  let resP = Infinity;
  const K = new Matrix(n, n);
  const Km = Matrix.columnVector(Array.from({ length: n }, (_, i) => m[i]));

  // Solve (W + J^T D J) dd - m dnu = rhs, m.dd = -re, for the complementarity residual rc.
  const newton = (re: number, chol: CholeskyDecomposition, v: number[]): number => {
    const rhs = new Array<number>(n);
    for (let i = 0; i < n; i++) rhs[i] = -rd[i];
    for (let j = 0; j < np; j++) {
      const t = (lam[j] / s[j]) * rp[j] + rc[j] / s[j];
      if (t === 0) continue;
      const row = j * n;
      for (let i = 0; i < n; i++) rhs[i] -= J[row + i] * t;
    }
    const u = chol.solve(Matrix.columnVector(rhs)).to1DArray();
    let mu_ = 0;
    let mv = 0;
    for (let i = 0; i < n; i++) {
      mu_ += m[i] * u[i];
      mv += m[i] * v[i];
    }
    const dnu = (-re - mu_) / mv;
    for (let i = 0; i < n; i++) dd[i] = u[i] + v[i] * dnu;
    for (let j = 0; j < np; j++) {
      const row = j * n;
      let t = 0;
      for (let i = 0; i < n; i++) t += J[row + i] * dd[i];
      ds[j] = t + rp[j];
      dl[j] = (-rc[j] - lam[j] * ds[j]) / s[j];
    }
    return dnu;
  };

  const maxStep = (): number => {
    let alpha = 1;
    for (let j = 0; j < np; j++) {
      if (ds[j] < 0) alpha = Math.min(alpha, -s[j] / ds[j]);
      if (dl[j] < 0) alpha = Math.min(alpha, -lam[j] / dl[j]);
    }
    for (let i = 0; i < n; i++) {
      const a = x2 + d[i];
      if (dd[i] > 0) alpha = Math.min(alpha, (hi - a) / dd[i]);
      else if (dd[i] < 0) alpha = Math.min(alpha, (lo - a) / dd[i]);
    }
    return alpha;
  };

  for (iterations = 0; iterations < maxIt; iterations++) {
    evalDerivatives();
    let sl = 0;
    for (let j = 0; j < np; j++) sl += s[j] * lam[j];
    mu = sl / np;
    for (let i = 0; i < n; i++) rd[i] = h[i] - J[iS * n + i] * (1 + lam[iS]) - nu * m[i];
    for (let j = 0; j < iS; j++) {
      const l = lam[j];
      const row = j * n;
      for (let i = 0; i < n; i++) rd[i] -= l * J[row + i];
    }
    resD = 0;
    for (let i = 0; i < n; i++) resD = Math.max(resD, Math.abs(rd[i]));
    resP = 0;
    for (let j = 0; j < np; j++) {
      rp[j] = f[j] - s[j];
      resP = Math.max(resP, Math.abs(rp[j]));
    }
    let re = 0;
    for (let i = 0; i < n; i++) re += m[i] * d[i];
    if (DEBUG) console.error(`ipm ${iterations} mu ${mu.toExponential(2)} resD ${resD.toExponential(2)} resP ${resP.toExponential(2)} re ${re.toExponential(2)}`);
    // Stationarity and feasibility are limited by rounding in the O(1)-O(m) entropy gradient.
    // Rounding level of the stationarity sum: the size of its largest terms.
    let gscale = 1;
    for (let i = 0; i < n; i++) {
      let t = Math.abs(h[i]) + (1 + lam[iS]) * Math.abs(J[iS * n + i]) + Math.abs(nu * m[i]);
      for (let j = 0; j < iS; j++) t += lam[j] * Math.abs(J[j * n + i]);
      gscale = Math.max(gscale, t);
    }
    if (resD < bestResD * 0.5) {
      bestResD = resD;
      stall = 0;
    } else stall++;
    if (mu < tol && resP < 10 * tol && (resD < tolD * gscale || (stall >= 6 && resD < 1e3 * tolD * gscale))) {
      converged = true;
      break;
    }
    if (!Number.isFinite(resD) || !Number.isFinite(mu)) break;

    // Reduced matrix K = W + J^T D J, W = (1 + lambda_S) diag(kappa) - sum_r lambda_r hess_r.
    Kd.fill(0);
    for (let j = 0; j < np; j++) {
      const Dj = lam[j] / s[j];
      const row = j * n;
      for (let i = 0; i < n; i++) {
        const ci = Dj * J[row + i];
        if (ci === 0) continue;
        for (let k = i; k < n; k++) Kd[i * n + k] += ci * J[row + k];
      }
    }
    for (let r = 0; r < nn; r++) {
      if (!nlHasHess[r]) continue;
      const l = lam[nc + r];
      const off = r * n * n;
      for (let i = 0; i < n; i++) for (let k = i; k < n; k++) Kd[i * n + k] -= l * nlHess[off + i * n + k];
    }
    let maxDiag = 0;
    for (let i = 0; i < n; i++) {
      Kd[i * n + i] += (1 + lam[iS]) * kappa[i];
      maxDiag = Math.max(maxDiag, Kd[i * n + i]);
    }
    for (let i = 0; i < n; i++) {
      K.set(i, i, Kd[i * n + i]);
      for (let k = i + 1; k < n; k++) {
        K.set(i, k, Kd[i * n + k]);
        K.set(k, i, Kd[i * n + k]);
      }
    }
    let chol = new CholeskyDecomposition(K);
    for (let reg = 1e-14; !chol.isPositiveDefinite() && reg < 1; reg *= 100) {
      for (let i = 0; i < n; i++) K.set(i, i, Kd[i * n + i] + reg * maxDiag);
      chol = new CholeskyDecomposition(K);
    }
    if (!chol.isPositiveDefinite()) break; // non-finite data: give up (reported as not converged)
    const v = chol.solve(Km).to1DArray();

    // Predictor (affine scaling), then Mehrotra corrector.
    for (let j = 0; j < np; j++) rc[j] = s[j] * lam[j];
    newton(re, chol, v);
    const aAff = Math.min(1, maxStep());
    let muAff = 0;
    for (let j = 0; j < np; j++) muAff += (s[j] + aAff * ds[j]) * (lam[j] + aAff * dl[j]);
    muAff /= np;
    const sigma = Math.min(1, Math.pow(muAff / Math.max(mu, 1e-300), 3));
    // Centering target, floored so that the iterates never run into the rounding level.
    const target = Math.max(sigma * mu, 0.1 * tol);
    for (let j = 0; j < np; j++) rc[j] = s[j] * lam[j] + ds[j] * dl[j] - target;
    const dnu = newton(re, chol, v);
    const tau = Math.min(1 - 1e-8, Math.max(0.99, 1 - mu));
    let alpha = Math.min(1, tau * maxStep());
    // Keep S finite (domain of eq. A.3) and accept.
    for (let bt = 0; bt < 60; bt++) {
      for (let i = 0; i < n; i++) trial[i] = d[i] + alpha * dd[i];
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const a = x2 + trial[i];
        ok = a > lo && a < hi;
      }
      if (!ok) {
        alpha *= 0.5;
        continue;
      }
      evalConstraints(trial, ftrial);
      ok = Number.isFinite(ftrial[iS]);
      for (let r = 0; r < nn && ok; r++) ok = Number.isFinite(ftrial[nc + r]);
      if (ok) break;
      alpha *= 0.5;
    }
    d.set(trial);
    f.set(ftrial);
    for (let j = 0; j < np; j++) {
      s[j] += alpha * ds[j];
      lam[j] += alpha * dl[j];
    }
    nu += alpha * dnu;
  }

  const lambda = new Float64Array(nc + nn);
  for (let j = 0; j < nc + nn; j++) lambda[j] = lam[j] * T;
  let infeas = 0;
  for (let j = 0; j < np; j++) infeas = Math.max(infeas, -f[j]);
  const nonlinearRows = J.slice(nc * n, (nc + nn) * n);
  const nonlinearValues = f.slice(nc, nc + nn);
  return {
    d,
    lambda,
    lambdaS: lam[iS] * T,
    nu: nu * T,
    iterations,
    mu,
    stationarity: resD * T,
    primalInfeasibility: infeas,
    nonlinearRows,
    nonlinearValues,
    converged,
  };
}

// ---------------------------------------------------------------------------------------------
// Semi-infinite problem: cutting planes over a wedge sample + local refinement in k.
// ---------------------------------------------------------------------------------------------

/** A sample of wave vectors and its cosine table (see constraintTable.ts). */
export interface SampleTable {
  n: number;
  count: number;
  /** 3 coordinates per point, 1/a_i. */
  points: Float64Array;
  /** c_i(k_j) at table[j * n + i]. */
  table: Float64Array;
  /** The points grouped into cells and blocks ({@link cellBlocks}). */
  blocks: CellBlocks;
}

/** A concave constraint that follows a local minimizer k of Delta(k; d) as d changes. */
export interface TrackedCut extends ConcaveConstraint {
  /** Current local minimizer (any image; not necessarily in the wedge), 1/a_i. */
  readonly k: Vec3;
}

/** The constraint oracle beyond the sample: local minima of Delta(k) and exact rows c_i(k). */
export interface KOracle {
  /** Local minima of Delta(k) = x(1-x) + sum d_i c_i(k) started from `starts`, folded into the wedge. */
  refine(x: number, d: Float64Array, starts: Vec3[]): Array<{ k: Vec3; value: number }>;
  /** c_i(k), i = 1..n. */
  row(k: Vec3): Float64Array;
  /** phi(d) = min of Delta(k; d) over k near k0 (Newton from the last minimizer), as a concave constraint. */
  track(k0: Vec3, x: number): TrackedCut;
  /** Image of k in the wedge. */
  fold(k: Vec3): Vec3;
}

type Vec3 = [number, number, number];

/** One cut of the final working set. */
export interface ActiveCut {
  k: Vec3;
  /** Delta(k) at the solution. */
  value: number;
  /** Multiplier (U_1). */
  lambda: number;
  /** 'sample' (a point of the wedge sample) or 'refined' (a local minimizer added by refinement). */
  origin: 'sample' | 'refined';
}

/** Certificate of optimality, all in U_1 except the Delta values (dimensionless). */
export interface Certificate {
  /** F(d) - q(lambda, nu): exact Lagrangian duality gap of the final finite problem, U_1. */
  dualityGap: number;
  /** Infinity norm of the stationarity residual, U_1. */
  stationarity: number;
  /** Smallest Delta over the sample at the solution. */
  minSample: number;
  /** Smallest refined local minimum of Delta(k) at the solution. */
  minDeltaK: number;
  /** Smallest S at the solution (k_B per ion). */
  entropy: number;
}

/** Result of {@link solveSemiInfinite}. */
export interface SemiInfiniteSolution {
  d: Float64Array;
  /** Objective F(d) = g.d - T S (constant part dropped), U_1. */
  objective: number;
  /** Lower bound from the dual, U_1. */
  dualValue: number;
  cuts: ActiveCut[];
  lambdaS: number;
  nu: number;
  certificate: Certificate;
  /** Cutting-plane rounds. */
  rounds: number;
  /** Total interior-point iterations. */
  iterations: number;
  /** True if the exact-active-set polish replaced the interior-point point. */
  polished: boolean;
}

/** Options of {@link solveSemiInfinite}. */
export interface SemiInfiniteOptions {
  /** Starting point (e.g. the solution at a neighbouring x or Gamma). */
  warmD?: ArrayLike<number>;
  /** Cuts to start with (e.g. the active cuts of a neighbouring solution). */
  warmCuts?: Vec3[];
  /** A sample point is added as a cut when Delta < -violationTol; default 1e-13. */
  violationTol?: number;
  /** A refined minimizer is added as a cut when Delta < -refineTol; default 1e-13. */
  refineTol?: number;
  /** Largest number of sample cuts added per round; default 12. */
  cutsPerRound?: number;
  /** Number of refinement starts from the sample (distinct cells); default 12. */
  refineStarts?: number;
  maxRounds?: number;
  /** Interior-point tolerance (scaled problem); default 1e-14. */
  tol?: number;
  onProgress?: (message: string) => void;
  /** Exact-active-set Newton polish after the interior-point method; default true. */
  polish?: boolean;
}

/**
 * Global minimum of the short-range-order problem with the semi-infinite constraint (eq. 3)
 * over the wedge: constraint generation over the sample (the most violated point of each of
 * the coarse cells, up to cutsPerRound per round), then local refinement of min_k Delta(k)
 * from the lowest sample points and from the cuts; refined minimizers with Delta < -refineTol
 * become cuts too, until none is left. The certificate holds for the final finite problem
 * (sample + refined cuts) and, since its multipliers sit on wave vectors of the wedge, its dual
 * value is also a lower bound for the semi-infinite problem.
 */
export function solveSemiInfinite(
  p: SroProblem,
  sample: SampleTable,
  oracle: KOracle,
  options: SemiInfiniteOptions = {},
): SemiInfiniteSolution {
  const n = p.g.length;
  if (sample.n !== n) throw new RangeError(`sample table has ${sample.n} shells, problem has ${n}`);
  const { x } = p;
  const b = x * (1 - x);
  const violTol = options.violationTol ?? 1e-13;
  const refineTol = options.refineTol ?? 1e-13;
  const perRound = options.cutsPerRound ?? 12;
  const nStarts = options.refineStarts ?? 12;
  const maxRounds = options.maxRounds ?? 80;
  const progress = options.onProgress;
  const { blocks } = sample;
  const cellMin = new Float64Array(CELLS * CELLS * CELLS);
  const cellArg = new Int32Array(CELLS * CELLS * CELLS);

  const cutK: Vec3[] = [];
  const cutOrigin: Array<'sample' | 'refined'> = [];
  const cutSampleIndex = new Set<number>();
  let rows = new Float64Array(16 * n);
  const addCut = (k: Vec3, row: ArrayLike<number>, origin: 'sample' | 'refined', index = -1): void => {
    if (index >= 0) {
      if (cutSampleIndex.has(index)) return;
      cutSampleIndex.add(index);
    }
    if ((cutK.length + 1) * n > rows.length) {
      const bigger = new Float64Array(rows.length * 2);
      bigger.set(rows);
      rows = bigger;
    }
    for (let i = 0; i < n; i++) rows[cutK.length * n + i] = row[i];
    cutK.push(k);
    cutOrigin.push(origin);
  };
  const samplePoint = (j: number): Vec3 => vec3(sample.points[3 * j], sample.points[3 * j + 1], sample.points[3 * j + 2]);
  // Always start with the four vertices (stored first in the sample).
  for (let j = 0; j < Math.min(4, sample.count); j++) addCut(samplePoint(j), sample.table.subarray(j * n, j * n + n), 'sample', j);

  const tracked: TrackedCut[] = [];
  const warmCuts = options.warmCuts;
  if (warmCuts) for (let j = 0; j < warmCuts.length; j++) tracked.push(oracle.track(vec3(warmCuts[j][0], warmCuts[j][1], warmCuts[j][2]), x));

  let d: Float64Array = new Float64Array(n);
  if (options.warmD) for (let i = 0; i < n; i++) d[i] = options.warmD[i];
  let sol: SubproblemSolution | undefined;
  let iterations = 0;
  let rounds = 0;
  let minSample = Infinity;
  let minRefined = Infinity;
  let solvedWith = [0, 0];
  const timing = { ipm: 0, scan: 0, refine: 0 };
  const tab = sample.table;
  const dist = (u: Vec3, v: Vec3): number => Math.hypot(u[0] - v[0], u[1] - v[1], u[2] - v[2]);
  for (rounds = 1; rounds <= maxRounds; rounds++) {
    // Tracked cuts that converged onto the same minimizer are merged.
    for (let r = tracked.length - 1; r > 0; r--) {
      const kr = oracle.fold(tracked[r].k);
      if (tracked.slice(0, r).some((t) => dist(oracle.fold(t.k), kr) < 1e-9)) tracked.splice(r, 1);
    }
    let t0 = performance.now();
    const warm = rounds > 1 || options.warmD !== undefined;
    sol = solveFinite(p, { rows, count: cutK.length }, { d0: warm ? d : undefined, tol: options.tol }, tracked);
    if (!sol.converged && warm) {
      // The warm start (previous solution, possibly near the domain boundary) failed: cold start.
      iterations += sol.iterations;
      sol = solveFinite(p, { rows, count: cutK.length }, { d0: undefined, tol: options.tol }, tracked);
    }
    timing.ipm += performance.now() - t0;
    t0 = performance.now();
    solvedWith = [cutK.length, tracked.length];
    iterations += sol.iterations;
    d = sol.d;
    // Scan the sample: the lowest coarse cells of Delta (all violated ones and nStarts more).
    const { order } = lowestCells(blocks, d, b, nStarts, -violTol, cellMin, cellArg);
    minSample = order.length ? cellMin[order[0]] : Infinity;
    timing.scan += performance.now() - t0;
    let added = 0;
    for (const c of order) {
      if (added >= perRound || !(cellMin[c] < -violTol)) break;
      const j = cellArg[c];
      if (cutSampleIndex.has(j)) continue;
      addCut(samplePoint(j), tab.subarray(j * n, j * n + n), 'sample', j);
      added++;
    }
    progress?.(`round ${rounds}: ${cutK.length} sample cuts, ${tracked.length} tracked, IPM ${sol.iterations} it, min sample Delta ${minSample.toExponential(3)}`);
    if (added > 0) continue;
    // Refinement from the lowest cells, from every sample cut carrying a multiplier, from the tracked cuts.
    const starts: Vec3[] = [];
    for (let t = 0; t < Math.min(nStarts, order.length); t++) starts.push(samplePoint(cellArg[order[t]]));
    let lamMax = 0;
    for (let j = 0; j < cutK.length; j++) lamMax = Math.max(lamMax, sol.lambda[j]);
    for (let j = 0; j < cutK.length; j++) if (sol.lambda[j] > 1e-8 * lamMax) starts.push(cutK[j]);
    for (const t of tracked) starts.push(t.k);
    t0 = performance.now();
    const minima = oracle.refine(x, d, starts);
    timing.refine += performance.now() - t0;
    minRefined = minSample;
    for (const q of minima) minRefined = Math.min(minRefined, q.value);
    for (let j = 0; j < sol.nonlinearValues.length; j++) minRefined = Math.min(minRefined, sol.nonlinearValues[j]);
    let addedRefined = 0;
    const trackedK = tracked.map((t) => oracle.fold(t.k));
    for (const q of minima) {
      if (!(q.value < -refineTol)) continue;
      // A fixed cut at the refined minimizer guarantees progress (exchange method); a tracked
      // cut that follows the minimizer as d moves gives fast final convergence.
      if (!cutK.some((k) => dist(k, q.k) < 1e-12)) {
        addCut(q.k, oracle.row(q.k), 'refined');
        addedRefined++;
      }
      if (!trackedK.some((k) => dist(k, q.k) < 1e-7)) {
        tracked.push(oracle.track(q.k, x));
        trackedK.push(q.k);
        addedRefined++;
      }
    }
    progress?.(`round ${rounds}: refined min Delta ${minRefined.toExponential(3)}, ${addedRefined} tracked cuts added`);
    if (addedRefined === 0) break;
  }
  if (!sol) throw new Error('solver did not run');
  if (DEBUG) console.error('timing', JSON.stringify(timing));
  if (solvedWith[0] !== cutK.length || solvedWith[1] !== tracked.length) {
    // Round limit reached right after adding cuts: solve the final finite problem once more.
    sol = solveFinite(p, { rows, count: cutK.length }, { d0: d, tol: options.tol }, tracked);
    iterations += sol.iterations;
    d = sol.d;
  }
  // Certificate: the tracked (concave) constraints enter through their supporting hyperplanes at
  // the solution, i.e. linear cuts at their final minimizers k*: a relaxation of the wedge problem.
  const nAll = cutK.length + tracked.length;
  const allRows = new Float64Array(nAll * n);
  allRows.set(rows.subarray(0, cutK.length * n));
  allRows.set(sol.nonlinearRows, cutK.length * n);
  let lambda: Float64Array = sol.lambda;
  let lambdaS = sol.lambdaS;
  let nu = sol.nu;
  let dual = dualBound(p, { rows: allRows, count: nAll }, lambda, lambdaS, nu);
  let objective = objectiveOf(p, d);
  let polished = false;
  if (options.polish !== false) {
    // Exact-active-set Newton polish of the interior-point point (removes the central-path offset
    // of weakly active constraints), accepted only with a full KKT check: feasibility on the whole
    // sample and after k-refinement, non-negative multipliers (NNLS), and a duality gap no worse.
    const exclude = new Set<number>();
    let pol = polishActiveSet(p, allRows, nAll, d, lambdaS, exclude);
    // Primal active-set step: release the cut with the most negative multiplier and retry.
    for (let tries = 0; tries < 4 && typeof pol === 'object' && 'drop' in pol && pol.drop >= 0; tries++) {
      exclude.add(pol.drop);
      pol = polishActiveSet(p, allRows, nAll, d, lambdaS, exclude);
    }
    if (typeof pol === 'string') progress?.(`polish: ${pol}`);
    else if ('reason' in pol) progress?.(`polish: ${pol.reason}`);
    else {
      let minS = Infinity;
      const lows = lowestCells(blocks, pol.d, b, nStarts, -violTol, cellMin, cellArg).order;
      if (lows.length) minS = cellMin[lows[0]];
      const starts: Vec3[] = lows.slice(0, nStarts).map((c) => samplePoint(cellArg[c]));
      for (let j = 0; j < nAll; j++) if (pol.lambda[j] > 0) starts.push(j < cutK.length ? cutK[j] : tracked[j - cutK.length].k);
      const minima = oracle.refine(x, pol.d, starts);
      let minR = minS;
      for (const q of minima) minR = Math.min(minR, q.value);
      const polDual = dualBound(p, { rows: allRows, count: nAll }, pol.lambda, pol.lambdaS, pol.nu);
      const polObj = objectiveOf(p, pol.d);
      const oldGap = objective - dual;
      progress?.(`polish: min sample ${minS.toExponential(2)}, refined ${minR.toExponential(2)}, gap ${(polObj - polDual).toExponential(2)} (was ${oldGap.toExponential(2)})`);
      if (minS >= -violTol && minR >= Math.min(-refineTol, minRefined) && polObj - polDual <= Math.max(1e-14, oldGap) && entropyOf(x, p.m, pol.d) >= -1e-13) {
        d = pol.d;
        lambda = pol.lambda;
        lambdaS = pol.lambdaS;
        nu = pol.nu;
        dual = polDual;
        objective = polObj;
        minSample = minS;
        minRefined = minR;
        polished = true;
      }
    }
  }
  progress?.(polished ? 'active-set polish accepted' : 'active-set polish not applied');
  const cuts: ActiveCut[] = [];
  for (let j = 0; j < nAll; j++) {
    let v = b;
    for (let i = 0; i < n; i++) v += allRows[j * n + i] * d[i];
    const isTracked = j >= cutK.length;
    cuts.push({
      k: isTracked ? oracle.fold(tracked[j - cutK.length].k) : cutK[j],
      value: v,
      lambda: lambda[j],
      origin: isTracked ? 'refined' : cutOrigin[j],
    });
  }
  return {
    d,
    objective,
    dualValue: dual,
    cuts,
    lambdaS,
    nu,
    polished,
    certificate: {
      dualityGap: objective - dual,
      stationarity: sol.stationarity,
      minSample,
      minDeltaK: minRefined,
      entropy: entropyOf(x, p.m, d),
    },
    rounds,
    iterations,
  };
}

/**
 * Newton iterations on the equality-constrained problem min F s.t. f_j(d) = 0 for the active
 * cuts (Delta <= 1e-9 at d0), S = 0 if active, and eq. 4, in the null space of the active
 * Jacobian (rank-revealing eigen-decomposition of A^T A, so redundant cuts, e.g. a continuum of
 * active wave vectors, are harmless); then non-negative multipliers by NNLS. Returns null if the
 * point leaves the domain or no non-negative multipliers satisfy stationarity.
 */
function polishActiveSet(
  p: SroProblem,
  rows: Float64Array,
  count: number,
  d0: Float64Array,
  lambdaS0: number,
  exclude: Set<number> = new Set(),
): { d: Float64Array; lambda: Float64Array; lambdaS: number; nu: number } | string | { drop: number; reason: string } {
  const n = p.g.length;
  const { x, T } = p;
  const x2 = x * x;
  const b = x * (1 - x);
  const { lo, hi } = alphaBounds(x);
  const m = p.m;
  const d = Float64Array.from(d0);
  const act: number[] = [];
  for (let j = 0; j < count; j++) {
    let v = b;
    for (let i = 0; i < n; i++) v += rows[j * n + i] * d[i];
    if (v <= 1e-6 && !exclude.has(j)) act.push(j);
  }
  const entropyActive = entropyOf(x, m, d) <= 1e-9;
  // Nothing near-active: the interior-point point is already the (non-degenerate) optimum.
  if (act.length === 0 && !entropyActive && exclude.size === 0) return 'no active constraints';
  const nA = act.length + (entropyActive ? 1 : 0) + 1;
  const gradS = new Float64Array(n);
  const kappa = new Float64Array(n);
  const A: number[][] = [];
  const r = new Float64Array(nA);
  const evalAll = (): void => {
    for (let i = 0; i < n; i++) {
      const a = x2 + d[i];
      gradS[i] = 0.5 * m[i] * shellEntropyDecrementDerivative(x, a);
      kappa[i] = -0.5 * m[i] * shellEntropyDecrementSecondDerivative(x, a);
    }
    A.length = 0;
    act.forEach((j, q) => {
      const row = Array.from(rows.subarray(j * n, j * n + n));
      let v = b;
      for (let i = 0; i < n; i++) v += row[i] * d[i];
      A.push(row);
      r[q] = v;
    });
    if (entropyActive) {
      A.push(Array.from(gradS));
      r[act.length] = entropyOf(x, m, d);
    }
    A.push(Array.from(m as ArrayLike<number>));
    let md = 0;
    for (let i = 0; i < n; i++) md += m[i] * d[i];
    r[nA - 1] = md;
  };
  const lamS = lambdaS0 / T;
  let lastStep = Infinity;
  for (let it = 0; it < 12; it++) {
    evalAll();
    // M = A^T A, its eigen-decomposition splits row space and null space.
    const M = new Matrix(n, n);
    for (const row of A) for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) M.set(i, k, M.get(i, k) + row[i] * row[k]);
    const evd = new EigenvalueDecomposition(M, { assumeSymmetric: true });
    const ev = evd.realEigenvalues;
    const V = evd.eigenvectorMatrix;
    const evMax = Math.max(...ev.map(Math.abs));
    const thr = 1e-12 * evMax;
    // Minimum-norm correction onto the active manifold: dp = V_r diag(1/ev) V_r^T A^T (-r).
    const Atr = new Float64Array(n);
    A.forEach((row, q) => {
      for (let i = 0; i < n; i++) Atr[i] -= row[i] * r[q];
    });
    const dp = new Float64Array(n);
    const nullCols: number[] = [];
    for (let k = 0; k < n; k++) {
      if (ev[k] <= thr) {
        nullCols.push(k);
        continue;
      }
      let c = 0;
      for (let i = 0; i < n; i++) c += V.get(i, k) * Atr[i];
      c /= ev[k];
      for (let i = 0; i < n; i++) dp[i] += V.get(i, k) * c;
    }
    const step = Float64Array.from(dp);
    if (nullCols.length > 0) {
      // Reduced Newton: w = -(Z^T W Z)^-1 Z^T (G + W dp), G = grad(F/T), W = (1 + lambda_S) diag(kappa).
      const z = nullCols.length;
      const G = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const W = (1 + (entropyActive ? lamS : 0)) * kappa[i];
        G[i] = p.g[i] / T - gradS[i] + W * dp[i];
      }
      const H = new Matrix(z, z);
      const rhs = new Matrix(z, 1);
      for (let u = 0; u < z; u++) {
        let gu = 0;
        for (let i = 0; i < n; i++) gu += V.get(i, nullCols[u]) * G[i];
        rhs.set(u, 0, -gu);
        for (let v = u; v < z; v++) {
          let h = 0;
          for (let i = 0; i < n; i++) h += V.get(i, nullCols[u]) * (1 + (entropyActive ? lamS : 0)) * kappa[i] * V.get(i, nullCols[v]);
          H.set(u, v, h);
          H.set(v, u, h);
        }
      }
      const chol = new CholeskyDecomposition(H);
      if (!chol.isPositiveDefinite()) return 'reduced Hessian not positive definite';
      const w = chol.solve(rhs).to1DArray();
      for (let u = 0; u < z; u++) for (let i = 0; i < n; i++) step[i] += V.get(i, nullCols[u]) * w[u];
    }
    let size = 0;
    for (let i = 0; i < n; i++) {
      d[i] += step[i];
      size = Math.max(size, Math.abs(step[i]));
      const a = x2 + d[i];
      if (!(a > lo && a < hi)) return 'left the domain';
    }
    lastStep = size;
    if (size < 1e-16) break;
  }
  evalAll();
  // Multipliers: NNLS for stationarity grad(F/T) = sum_A lambda_q grad f_q + nu m, lambda >= 0, nu free.
  const G = Array.from({ length: n }, (_, i) => p.g[i] / T - gradS[i]);
  const cols: number[][] = [];
  for (let q = 0; q < nA - 1; q++) cols.push(A[q]);
  cols.push(A[nA - 1]);
  cols.push(A[nA - 1].map((v) => -v));
  const sol = nnls(cols, G);
  let res = 0;
  let scale = 1;
  for (let i = 0; i < n; i++) {
    let v = -G[i];
    for (let c = 0; c < cols.length; c++) v += sol[c] * cols[c][i];
    res = Math.max(res, Math.abs(v));
    scale = Math.max(scale, Math.abs(G[i]));
  }
  // Loose on purpose: the duality gap computed with these multipliers is the real test.
  if (!(res <= 1e-8 * scale)) {
    const ls = minNormLsq(cols, G);
    let worst = -1;
    for (let q = 0; q < act.length; q++) if (ls[q] < 0 && (worst < 0 || ls[q] < ls[worst])) worst = q;
    return { drop: worst >= 0 ? act[worst] : -1, reason: `no non-negative multipliers (stationarity residual ${res.toExponential(2)}, ${act.length} active cuts)` };
  }
  const lambda = new Float64Array(count);
  act.forEach((j, q) => {
    lambda[j] = sol[q] * T;
  });
  const lambdaS = entropyActive ? sol[act.length] * T : 0;
  const nu = (sol[cols.length - 2] - sol[cols.length - 1]) * T;
  return { d, lambda, lambdaS, nu };
}

/**
 * Non-negative least squares (Lawson-Hanson): min ||sum_c x_c col_c - g||, x >= 0.
 * Sub-problems by SVD least squares (ml-matrix), so dependent columns are allowed.
 */
function nnls(cols: number[][], g: number[]): number[] {
  const q = cols.length;
  const n = g.length;
  const x = new Array<number>(q).fill(0);
  const inP = new Array<boolean>(q).fill(false);
  const grad = (): number[] => {
    const r = g.slice();
    for (let c = 0; c < q; c++) if (x[c] !== 0) for (let i = 0; i < n; i++) r[i] -= x[c] * cols[c][i];
    return cols.map((col) => col.reduce((a, v, i) => a + v * r[i], 0));
  };
  let gmax = 0;
  for (const col of cols) gmax = Math.max(gmax, Math.abs(col.reduce((a, v, i) => a + v * g[i], 0)));
  const tol = 1e-14 * Math.max(gmax, 1e-300);
  const lsq = (P: number[]): number[] => minNormLsq(P.map((c) => cols[c]), g);
  for (let outer = 0; outer < 3 * q + 10; outer++) {
    const w = grad();
    let t = -1;
    let best = tol;
    for (let c = 0; c < q; c++) if (!inP[c] && w[c] > best) [best, t] = [w[c], c];
    if (t < 0) break;
    inP[t] = true;
    for (let inner = 0; inner < 3 * q + 10; inner++) {
      const P = [];
      for (let c = 0; c < q; c++) if (inP[c]) P.push(c);
      const z = lsq(P);
      if (z.every((v) => v > 0)) {
        x.fill(0);
        P.forEach((c, k) => (x[c] = z[k]));
        break;
      }
      let alpha = 1;
      P.forEach((c, k) => {
        if (z[k] <= 0) alpha = Math.min(alpha, x[c] / (x[c] - z[k]));
      });
      P.forEach((c, k) => {
        x[c] += alpha * (z[k] - x[c]);
        if (x[c] <= 1e-300) {
          x[c] = 0;
          inP[c] = false;
        }
      });
    }
  }
  return x;
}

/** Minimum-norm least-squares coefficients of g on the given columns (any shape, dependent columns allowed). */
function minNormLsq(cols: number[][], g: number[]): number[] {
  const n = g.length;
  // x = B^T (B B^T)^+ g with B = [cols]; B B^T is n x n symmetric.
  const M = new Matrix(n, n);
  for (const col of cols) for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) M.set(i, k, M.get(i, k) + col[i] * col[k]);
  const evd = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const ev = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const evMax = Math.max(0, ...ev);
  const y = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    if (!(ev[k] > 1e-13 * evMax)) continue;
    let c = 0;
    for (let i = 0; i < n; i++) c += V.get(i, k) * g[i];
    c /= ev[k];
    for (let i = 0; i < n; i++) y[i] += V.get(i, k) * c;
  }
  return cols.map((col) => col.reduce((a, v, i) => a + v * y[i], 0));
}
