import { choleskySolve, cholesky, dot, minNormLeastSquares, nnls, pseudoSolve, symmetricSplit } from './linalg.js';
import {
  addEntropyHessian,
  copyPoint,
  entropyAt,
  entropyGradient,
  termDirection,
  type ConvexProgram,
  type LinearCuts,
  type Multipliers,
  type Point,
} from './program.js';

/*
 * Exact-active-set Newton polish of an interior-point solution: Newton iterations on
 *     min F  subject to  c_q(z) = 0 for the near-active cuts (value <= 1e-6), S = 0 if active, E z = r,
 * in the null space of the active Jacobian (rank-revealing pseudo-inverse of A^T A, so redundant
 * cuts, e.g. a continuum of active wave vectors, are harmless), then non-negative multipliers by
 * NNLS. It removes the central-path offset of weakly active constraints; the caller accepts the
 * result only after a full KKT check (feasibility, duality gap).
 */

/** A polished point with its multipliers (U_1). */
export interface PolishedPoint {
  point: Point;
  multipliers: Multipliers;
}

/** Why the polish did not apply; `drop` names an active cut whose release may help (or -1). */
export interface PolishFailure {
  reason: string;
  drop: number;
}

/** The active constraints' rows A and values r at the point: cuts, then S, then the equalities. */
interface ActiveRows {
  rows: Float64Array[];
  values: Float64Array;
  gradS: Float64Array;
}

function activeRows(p: ConvexProgram, cuts: LinearCuts, act: number[], entropyActive: boolean, point: Point): ActiveRows {
  const n = p.dim;
  const gradS = new Float64Array(n);
  entropyGradient(p.entropy, point.u, gradS);
  const rows: Float64Array[] = [];
  const values: number[] = [];
  for (const j of act) {
    const row = cuts.rows.subarray(j * n, j * n + n);
    rows.push(row);
    values.push(cuts.offsets[j] + dot(row, point.z));
  }
  if (entropyActive) {
    rows.push(gradS);
    values.push(entropyAt(p.entropy, point.u));
  }
  for (let r = 0; r < p.eqRhs.length; r++) {
    const row = p.eqRows.subarray(r * n, r * n + n);
    rows.push(row);
    values.push(dot(row, point.z) - p.eqRhs[r]);
  }
  return { rows, values: Float64Array.from(values), gradS };
}

/**
 * One Newton step on the active manifold: the minimum-norm correction dp = (A^T A)^+ A^T (-r)
 * plus the reduced Newton step in the null space Z: (Z^T W Z) w = -Z^T (G + W dp),
 * G = grad(F/T), W = (1 + lambda_S/T) (-Hessian of S). Null if the reduced Hessian is not positive definite.
 */
function manifoldStep(p: ConvexProgram, a: ActiveRows, point: Point, lamS: number): Float64Array | null {
  const n = p.dim;
  const M = new Float64Array(n * n);
  for (const row of a.rows) for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) M[i * n + k] += row[i] * row[k];
  const split = symmetricSplit(M, n, 1e-12);
  const Atr = new Float64Array(n);
  a.rows.forEach((row, q) => {
    for (let i = 0; i < n; i++) Atr[i] -= row[i] * a.values[q];
  });
  const step = pseudoSolve(split, Atr);
  const z = split.nullSpace.length;
  if (z === 0) return step;
  const W = new Float64Array(n * n);
  addEntropyHessian(p.entropy, point.u, 1 + lamS, W, n);
  for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) W[i * n + k] = W[k * n + i];
  const V = split.vectors;
  const col = (c: number): Float64Array => Float64Array.from({ length: n }, (_, i) => V[i * n + split.nullSpace[c]]);
  const Z = Array.from({ length: z }, (_, c) => col(c));
  const WZ = Z.map((zc) => Float64Array.from({ length: n }, (_, i) => dot(W.subarray(i * n, i * n + n), zc)));
  const G = Float64Array.from({ length: n }, (_, i) => p.energy[i] / p.T - a.gradS[i] + dot(W.subarray(i * n, i * n + n), step));
  const H = new Float64Array(z * z);
  for (let u = 0; u < z; u++) for (let v = u; v < z; v++) H[u * z + v] = dot(Z[u], WZ[v]);
  const c = cholesky(H, z);
  if (!c) return null;
  const w = choleskySolve(c, Float64Array.from(Z, (zc) => -dot(zc, G)));
  for (let u = 0; u < z; u++) for (let i = 0; i < n; i++) step[i] += Z[u][i] * w[u];
  return step;
}

/**
 * Multipliers of the active set by NNLS on stationarity grad(F/T) = sum_q lambda_q grad c_q + E^T nu
 * (lambda >= 0, nu free as a difference of two non-negative columns); a failure names the
 * active cut with the most negative least-squares multiplier.
 */
function activeMultipliers(p: ConvexProgram, a: ActiveRows, act: number[], count: number, entropyActive: boolean): PolishedPoint['multipliers'] | PolishFailure {
  const n = p.dim;
  const neq = p.eqRhs.length;
  const G = Float64Array.from({ length: n }, (_, i) => p.energy[i] / p.T - a.gradS[i]);
  const nIneq = a.rows.length - neq;
  const cols = a.rows.slice(0, nIneq);
  for (let r = 0; r < neq; r++) cols.push(a.rows[nIneq + r], a.rows[nIneq + r].map((v) => -v));
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
    const ls = minNormLeastSquares(cols, G);
    let worst = -1;
    for (let q = 0; q < act.length; q++) if (ls[q] < 0 && (worst < 0 || ls[q] < ls[worst])) worst = q;
    return { drop: worst >= 0 ? act[worst] : -1, reason: `no non-negative multipliers (stationarity residual ${res.toExponential(2)}, ${act.length} active cuts)` };
  }
  const T = p.T;
  const cutsM = new Float64Array(count);
  act.forEach((j, q) => (cutsM[j] = sol[q] * T));
  const equalities = Float64Array.from({ length: neq }, (_, r) => (sol[nIneq + 2 * r] - sol[nIneq + 2 * r + 1]) * T);
  return { cuts: cutsM, entropy: entropyActive ? sol[act.length] * T : 0, equalities };
}

/**
 * Polish `start` on the active set of `cuts` (excluding the indices in `exclude`); lambdaS0 is
 * the interior-point multiplier of S >= 0 (U_1).
 */
export function polishActiveSet(
  p: ConvexProgram,
  cuts: LinearCuts,
  start: Point,
  lambdaS0: number,
  exclude: Set<number> = new Set(),
): PolishedPoint | PolishFailure {
  const n = p.dim;
  const point = copyPoint(start);
  const act: number[] = [];
  for (let j = 0; j < cuts.count; j++) {
    if (!exclude.has(j) && cuts.offsets[j] + dot(cuts.rows.subarray(j * n, j * n + n), point.z) <= 1e-6) act.push(j);
  }
  const entropyActive = entropyAt(p.entropy, point.u) <= 1e-9;
  // Nothing near-active: the interior-point point is already the (non-degenerate) optimum.
  if (act.length === 0 && !entropyActive && exclude.size === 0) return { reason: 'no active constraints', drop: -1 };
  const lamS = entropyActive ? lambdaS0 / p.T : 0;
  const du = new Float64Array(point.u.length);
  for (let it = 0; it < 12; it++) {
    const step = manifoldStep(p, activeRows(p, cuts, act, entropyActive, point), point, lamS);
    if (!step) return { reason: 'reduced Hessian not positive definite', drop: -1 };
    termDirection(p.entropy, step, du);
    let size = 0;
    for (let i = 0; i < n; i++) {
      point.z[i] += step[i];
      size = Math.max(size, Math.abs(step[i]));
    }
    for (let t = 0; t < du.length; t++) {
      point.u[t] += du[t];
      if (!(point.u[t] > 0)) return { reason: 'left the domain', drop: -1 };
    }
    if (size < 1e-16) break;
  }
  const m = activeMultipliers(p, activeRows(p, cuts, act, entropyActive, point), act, cuts.count, entropyActive);
  return 'reason' in m ? m : { point, multipliers: m };
}
