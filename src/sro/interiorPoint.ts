import { dualBound } from './dual.js';
import { choleskyRegularized, choleskySolve, dot, type Cholesky } from './linalg.js';
import {
  addEntropyHessian,
  copyPoint,
  entropyAt,
  entropyGradient,
  inDomain,
  objectiveAt,
  termDirection,
  termResolution,
  TERM_FLOOR,
  type ConcaveConstraint,
  type ConvexProgram,
  type LinearCuts,
  type Multipliers,
  type Point,
} from './program.js';
import { coldStart } from './start.js';

/*
 * Primal-dual interior-point method (Mehrotra predictor-corrector, infeasible start) for the
 * finite program of src/sro/program.ts: linear cuts, concave constraints, S >= 0 and the
 * equalities. Everything is scaled by 1/T (Phi = F/T = h.z - S, h = e/T), which keeps every
 * quantity O(1) for all temperatures; multipliers are returned in U_1.
 *
 * Constraints c_j(z) >= 0 (cuts, then concave constraints, then S) get slacks s_j and
 * multipliers lambda_j. One iteration is a sequence of small steps over an explicit state:
 * residuals -> reduced system K = W + J^T (Lambda/S) J with the equalities by a Schur
 * complement -> Newton directions (predictor, corrector) -> step to the boundary of
 * s, lambda > 0 and of the entropy domain u > 0.
 */

/** Options of {@link solveInteriorPoint}. */
export interface InteriorPointOptions {
  /** Starting point (inside the entropy domain); default the cold start of src/sro/start.ts. */
  start?: Point;
  /** Complementarity / primal residual tolerance (scaled problem); default 1e-14. */
  tol?: number;
  /** Stationarity tolerance relative to the size of its terms; default 1e-12. */
  stationarityTol?: number;
  /** Stop as well when the exact duality gap (U_1) is below this; default 1e-13. */
  gapTol?: number;
  maxIterations?: number;
}

/** Result of {@link solveInteriorPoint}. */
export interface InteriorPointSolution {
  point: Point;
  /** Multipliers (U_1): cuts then concave constraints in `cuts`, S >= 0, equalities. */
  multipliers: Multipliers;
  iterations: number;
  /** Final infinity norm of the stationarity residual, U_1. */
  stationarity: number;
  /** Largest violation of a constraint at the point (>= 0). */
  primalInfeasibility: number;
  /** Gradients of the concave constraints at the point (dim per constraint) and their values. */
  concaveRows: Float64Array;
  concaveValues: Float64Array;
  converged: boolean;
}

/** The explicit state of the method. */
interface State {
  point: Point;
  /** Constraint values c_j (cuts, concave, entropy). */
  f: Float64Array;
  /** Constraint gradients, dim per constraint. */
  J: Float64Array;
  /** Hessians of the concave constraints (dim x dim), when given. */
  hess: Array<ArrayLike<number> | undefined>;
  s: Float64Array;
  lam: Float64Array;
  nu: Float64Array;
}

interface Residuals {
  rd: Float64Array;
  rp: Float64Array;
  re: Float64Array;
  mu: number;
  resD: number;
  resP: number;
  /** Rounding level of the stationarity sum: the size of its largest terms. */
  gscale: number;
}

interface Direction {
  dz: Float64Array;
  du: Float64Array;
  ds: Float64Array;
  dl: Float64Array;
  dnu: Float64Array;
}

/** The finite problem the method sees: program, cuts, concave constraints. */
interface Problem {
  p: ConvexProgram;
  cuts: LinearCuts;
  concave: ConcaveConstraint[];
  /** h = e/T. */
  h: Float64Array;
  /** Number of constraints (cuts + concave + 1). */
  np: number;
}

/** Values and gradients of every constraint at a point (concave constraints: last call at the accepted point). */
function evaluate(pr: Problem, point: Point, f: Float64Array, J: Float64Array, hess: State['hess']): void {
  const n = pr.p.dim;
  const nc = pr.cuts.count;
  for (let j = 0; j < nc; j++) f[j] = pr.cuts.offsets[j] + dot(pr.cuts.rows.subarray(j * n, j * n + n), point.z);
  pr.concave.forEach((c, r) => {
    const e = c.evaluate(point);
    f[nc + r] = e.value;
    for (let i = 0; i < n; i++) J[(nc + r) * n + i] = e.grad[i];
    hess[r] = e.hess;
  });
  const iS = pr.np - 1;
  f[iS] = entropyAt(pr.p.entropy, point.u);
  entropyGradient(pr.p.entropy, point.u, J.subarray(iS * n, iS * n + n));
}

/** Initial state: constraint values at the start, slacks on the scale of each constraint, multipliers O(1). */
function initialState(pr: Problem, start: Point): State {
  const n = pr.p.dim;
  const J = new Float64Array(pr.np * n);
  J.set(pr.cuts.rows.subarray(0, pr.cuts.count * n));
  const st: State = {
    point: copyPoint(start),
    f: new Float64Array(pr.np),
    J,
    hess: new Array(pr.concave.length),
    s: new Float64Array(pr.np),
    lam: new Float64Array(pr.np),
    nu: new Float64Array(pr.p.eqRhs.length),
  };
  evaluate(pr, st.point, st.f, st.J, st.hess);
  for (let j = 0; j < pr.np; j++) {
    const scale = j < pr.np - 1 ? pr.p.cutScale : pr.p.entropyScale;
    st.s[j] = Math.max(st.f[j], 0.1 * scale);
    st.lam[j] = Math.min(1, 0.1 / st.s[j]);
  }
  return st;
}

/** KKT residuals: stationarity rd = grad Phi - sum lambda_j grad c_j - E^T nu, primal rp = c - s, equalities re = E z - r. */
function residuals(pr: Problem, st: State): Residuals {
  const { p, np } = pr;
  const n = p.dim;
  const iS = np - 1;
  const rd = new Float64Array(n);
  let gscale = 1;
  for (let i = 0; i < n; i++) {
    let v = pr.h[i] - st.J[iS * n + i] * (1 + st.lam[iS]);
    let t = Math.abs(pr.h[i]) + (1 + st.lam[iS]) * Math.abs(st.J[iS * n + i]);
    for (let j = 0; j < iS; j++) {
      v -= st.lam[j] * st.J[j * n + i];
      t += st.lam[j] * Math.abs(st.J[j * n + i]);
    }
    for (let r = 0; r < st.nu.length; r++) {
      v -= st.nu[r] * p.eqRows[r * n + i];
      t += Math.abs(st.nu[r] * p.eqRows[r * n + i]);
    }
    rd[i] = v;
    gscale = Math.max(gscale, t);
  }
  const rp = Float64Array.from(st.f, (v, j) => v - st.s[j]);
  const re = Float64Array.from(p.eqRhs, (v, r) => dot(p.eqRows.subarray(r * n, r * n + n), st.point.z) - v);
  let sl = 0;
  for (let j = 0; j < np; j++) sl += st.s[j] * st.lam[j];
  let resD = 0;
  for (const v of rd) resD = Math.max(resD, Math.abs(v));
  let resP = 0;
  for (const v of rp) resP = Math.max(resP, Math.abs(v));
  return { rd, rp, re, mu: sl / np, resD, resP, gscale };
}

/** The reduced system: K = (1 + lambda_S) H_S - sum_r lambda_r hess_r + J^T (Lambda/S) J, factored, and K^-1 E^T. */
interface ReducedSystem {
  chol: Cholesky;
  /** K^-1 E_r^T per equality row, and the Schur complement E K^-1 E^T factored. */
  KinvE: Float64Array[];
  schur: Cholesky;
}

function reducedSystem(pr: Problem, st: State): ReducedSystem | null {
  const { p, np } = pr;
  const n = p.dim;
  const K = new Float64Array(n * n);
  for (let j = 0; j < np; j++) {
    const Dj = st.lam[j] / st.s[j];
    for (let i = 0; i < n; i++) {
      const ci = Dj * st.J[j * n + i];
      if (ci !== 0) for (let k = i; k < n; k++) K[i * n + k] += ci * st.J[j * n + k];
    }
  }
  const nc = pr.cuts.count;
  st.hess.forEach((H, r) => {
    if (!H) return;
    const l = st.lam[nc + r];
    for (let i = 0; i < n; i++) for (let k = i; k < n; k++) K[i * n + k] -= l * H[i * n + k];
  });
  addEntropyHessian(p.entropy, st.point.u, 1 + st.lam[np - 1], K, n);
  const chol = choleskyRegularized(K, n);
  if (!chol) return null;
  const neq = p.eqRhs.length;
  const KinvE = Array.from({ length: neq }, (_, r) => choleskySolve(chol, p.eqRows.subarray(r * n, r * n + n)));
  const S = new Float64Array(neq * neq);
  for (let a = 0; a < neq; a++) for (let b = a; b < neq; b++) S[a * neq + b] = dot(p.eqRows.subarray(a * n, a * n + n), KinvE[b]);
  const schur = choleskyRegularized(S, neq);
  return schur ? { chol, KinvE, schur } : null;
}

/**
 * Newton direction for the complementarity residual rc (s lambda - target):
 * K dz - E^T dnu = -rd - J^T (Lambda rp + rc)/S,  E dz = -re,  ds = J dz + rp,  dl = (-rc - Lambda ds)/S.
 */
function newtonDirection(pr: Problem, st: State, sys: ReducedSystem, res: Residuals, rc: Float64Array, dir: Direction): void {
  const { p, np } = pr;
  const n = p.dim;
  const rhs = Float64Array.from(res.rd, (v) => -v);
  for (let j = 0; j < np; j++) {
    const t = (st.lam[j] * res.rp[j] + rc[j]) / st.s[j];
    if (t !== 0) for (let i = 0; i < n; i++) rhs[i] -= st.J[j * n + i] * t;
  }
  const u = choleskySolve(sys.chol, rhs);
  const neq = p.eqRhs.length;
  // E (u + K^-1 E^T dnu) = -re  =>  (E K^-1 E^T) dnu = -re - E u.
  const b = Float64Array.from(res.re, (v, r) => -v - dot(p.eqRows.subarray(r * n, r * n + n), u));
  choleskySolve(sys.schur, b, dir.dnu);
  for (let i = 0; i < n; i++) {
    let v = u[i];
    for (let r = 0; r < neq; r++) v += sys.KinvE[r][i] * dir.dnu[r];
    dir.dz[i] = v;
  }
  termDirection(p.entropy, dir.dz, dir.du);
  for (let j = 0; j < np; j++) {
    dir.ds[j] = dot(st.J.subarray(j * n, j * n + n), dir.dz) + res.rp[j];
    dir.dl[j] = (-rc[j] - st.lam[j] * dir.ds[j]) / st.s[j];
  }
}

/**
 * Largest step in (0, 1] keeping s, lambda >= 0 and every entropy term u > 0 (the exact
 * boundary). Terms whose whole change is below their resolution in u = u0 + A z (`fine`) do
 * not limit the step: they move multiplicatively (see takeStep).
 */
function stepToBoundary(st: State, dir: Direction, fine?: Uint8Array): number {
  let alpha = 1;
  for (let j = 0; j < st.s.length; j++) {
    if (dir.ds[j] < 0) alpha = Math.min(alpha, -st.s[j] / dir.ds[j]);
    if (dir.dl[j] < 0) alpha = Math.min(alpha, -st.lam[j] / dir.dl[j]);
  }
  for (let t = 0; t < dir.du.length; t++) if (dir.du[t] < 0 && !fine?.[t]) alpha = Math.min(alpha, -st.point.u[t] / dir.du[t]);
  return alpha;
}

/** The terms whose Newton change is below their resolution (they cannot move z). */
function subResolutionTerms(pr: Problem, st: State, dir: Direction): Uint8Array {
  const res = new Float64Array(dir.du.length);
  termResolution(pr.p.entropy, st.point.z, res);
  return Uint8Array.from(dir.du, (v, t) => (Math.abs(v) <= res[t] ? 1 : 0));
}

/** Mehrotra's predictor and corrector: the corrected direction in `dir`. */
function mehrotraDirection(pr: Problem, st: State, sys: ReducedSystem, res: Residuals, tol: number, dir: Direction): void {
  const np = pr.np;
  const rc = Float64Array.from(st.s, (v, j) => v * st.lam[j]);
  newtonDirection(pr, st, sys, res, rc, dir);
  const aAff = Math.min(1, stepToBoundary(st, dir, subResolutionTerms(pr, st, dir)));
  let muAff = 0;
  for (let j = 0; j < np; j++) muAff += (st.s[j] + aAff * dir.ds[j]) * (st.lam[j] + aAff * dir.dl[j]);
  muAff /= np;
  const sigma = Math.min(1, Math.pow(muAff / Math.max(res.mu, 1e-300), 3));
  // Centering target, floored so that the iterates never run into the rounding level.
  const target = Math.max(sigma * res.mu, 0.1 * tol);
  for (let j = 0; j < np; j++) rc[j] = st.s[j] * st.lam[j] + dir.ds[j] * dir.dl[j] - target;
  newtonDirection(pr, st, sys, res, rc, dir);
}

/**
 * Take the step (fraction tau of the way to the boundary, halved until every value is finite).
 * A sub-resolution term moves as u exp(alpha du/u) (floored at TERM_FLOOR): the Newton step of
 * u ln u in ln u, which reaches a minimizer exponentially close to 0 in one step where the linear
 * step would crawl at alpha ~ 1/ln(u/u*), holding back every other variable.
 */
function takeStep(pr: Problem, st: State, dir: Direction, mu: number): void {
  const n = pr.p.dim;
  const tau = Math.min(1 - 1e-8, Math.max(0.99, 1 - mu));
  const fine = subResolutionTerms(pr, st, dir);
  let alpha = Math.min(1, tau * stepToBoundary(st, dir, fine));
  const trial: Point = { z: new Float64Array(n), u: new Float64Array(st.point.u.length) };
  const f = new Float64Array(pr.np);
  const J = Float64Array.from(st.J);
  const hess: State['hess'] = new Array(pr.concave.length);
  for (let bt = 0; bt < 60; bt++, alpha *= 0.5) {
    for (let i = 0; i < n; i++) trial.z[i] = st.point.z[i] + alpha * dir.dz[i];
    for (let t = 0; t < trial.u.length; t++) {
      const u = st.point.u[t];
      trial.u[t] = fine[t] ? Math.max(TERM_FLOOR, u * Math.exp((alpha * dir.du[t]) / u)) : u + alpha * dir.du[t];
    }
    if (!inDomain(trial)) continue;
    evaluate(pr, trial, f, J, hess);
    if (f.every(Number.isFinite)) break;
  }
  st.point = trial;
  st.f = f;
  st.J = J;
  st.hess = hess;
  for (let j = 0; j < pr.np; j++) {
    st.s[j] += alpha * dir.ds[j];
    st.lam[j] += alpha * dir.dl[j];
  }
  for (let r = 0; r < st.nu.length; r++) st.nu[r] += alpha * dir.dnu[r];
}

/** Multipliers in U_1 and the linearization of every constraint but S (the certificate's cut set). */
function multipliersOf(pr: Problem, st: State): { m: Multipliers; linear: LinearCuts } {
  const n = pr.p.dim;
  const T = pr.p.T;
  const count = pr.np - 1;
  const offsets = new Float64Array(count);
  for (let j = 0; j < count; j++) offsets[j] = st.f[j] - dot(st.J.subarray(j * n, j * n + n), st.point.z);
  const m: Multipliers = {
    cuts: Float64Array.from(st.lam.subarray(0, count), (v) => v * T),
    entropy: st.lam[count] * T,
    equalities: Float64Array.from(st.nu, (v) => v * T),
  };
  return { m, linear: { rows: st.J.slice(0, count * n), offsets, count } };
}

/** True if the exact duality gap of the current iterate is below gapTol (U_1). */
function gapSmall(pr: Problem, st: State, gapTol: number): boolean {
  const { m, linear } = multipliersOf(pr, st);
  if (m.cuts.some((v) => v < 0) || m.entropy < 0) return false;
  for (let j = 0; j < pr.np; j++) if (st.f[j] < 0) return false;
  return objectiveAt(pr.p, st.point) - dualBound(pr.p, linear, m) <= gapTol;
}

/**
 * Solve the finite program. Converged when complementarity and primal residuals are below
 * `tol` and either stationarity holds to rounding or the exact duality gap is below `gapTol`
 * (the latter ends the run where a pair probability decays exponentially toward 0 and the
 * stationarity residual of its logarithm cannot vanish, while its effect on F already has).
 */
export function solveInteriorPoint(
  p: ConvexProgram,
  cuts: LinearCuts,
  concave: ConcaveConstraint[] = [],
  options: InteriorPointOptions = {},
): InteriorPointSolution {
  const n = p.dim;
  const pr: Problem = { p, cuts, concave, h: Float64Array.from(p.energy, (v) => v / p.T), np: cuts.count + concave.length + 1 };
  const tol = options.tol ?? 1e-14;
  const tolD = options.stationarityTol ?? 1e-12;
  const gapTol = options.gapTol ?? 1e-13;
  const maxIt = options.maxIterations ?? 100;
  const st = initialState(pr, options.start && inDomain(options.start) ? options.start : coldStart(p));
  const dir: Direction = {
    dz: new Float64Array(n),
    du: new Float64Array(st.point.u.length),
    ds: new Float64Array(pr.np),
    dl: new Float64Array(pr.np),
    dnu: new Float64Array(p.eqRhs.length),
  };
  let converged = false;
  let res = residuals(pr, st);
  let bestResD = Infinity;
  let stall = 0;
  let iterations = 0;
  for (; iterations < maxIt; iterations++) {
    res = residuals(pr, st);
    if (res.resD < bestResD * 0.5) {
      bestResD = res.resD;
      stall = 0;
    } else stall++;
    if (res.mu < tol && res.resP < 10 * tol) {
      const stationary = res.resD < tolD * res.gscale || (stall >= 6 && res.resD < 1e3 * tolD * res.gscale);
      if (stationary || gapSmall(pr, st, gapTol)) {
        converged = true;
        break;
      }
    }
    if (!Number.isFinite(res.resD) || !Number.isFinite(res.mu)) break;
    const sys = reducedSystem(pr, st);
    if (!sys) break; // non-finite data: reported as not converged
    mehrotraDirection(pr, st, sys, res, tol, dir);
    takeStep(pr, st, dir, res.mu);
  }
  const { m } = multipliersOf(pr, st);
  let infeasibility = 0;
  for (const v of st.f) infeasibility = Math.max(infeasibility, -v);
  const nc = cuts.count;
  return {
    point: st.point,
    multipliers: m,
    iterations,
    stationarity: res.resD * p.T,
    primalInfeasibility: infeasibility,
    concaveRows: st.J.slice(nc * n, (nc + concave.length) * n),
    concaveValues: st.f.slice(nc, nc + concave.length),
    converged,
  };
}
