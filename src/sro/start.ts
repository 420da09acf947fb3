import { lagrangianMinimum } from './dual.js';
import { addEntropyHessian, entropyAt, referencePoint, TERM_FLOOR, type ConvexProgram, type Point } from './program.js';
import { choleskyRegularized, choleskySolve, dot } from './linalg.js';

/*
 * Cold start of the interior-point method: the exact minimizer of F subject to the equalities
 * only (no cuts, no S >= 0), from the closed-form block minimizers with the equality
 * multipliers nu found by damped Newton on the concave dual g(nu) = min_z [F - nu.(E z - r)];
 * then pulled toward the random state (z = 0, strictly feasible) until S >= S_scale/10.
 */

/** The minimizer of F - nu.(E z - r) (scaled by 1/T), its dual value and the residual E z - r. */
function atMultipliers(p: ConvexProgram, nu: Float64Array): { point: Point; value: number; res: Float64Array } {
  const n = p.dim;
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = p.energy[i] / p.T;
  const neq = p.eqRhs.length;
  let constant = 0;
  for (let r = 0; r < neq; r++) {
    constant += nu[r] * p.eqRhs[r];
    for (let i = 0; i < n; i++) q[i] -= nu[r] * p.eqRows[r * n + i];
  }
  const { value, point } = lagrangianMinimum(p.entropy, q, 1);
  const res = new Float64Array(neq);
  for (let r = 0; r < neq; r++) res[r] = dot(p.eqRows.subarray(r * n, r * n + n), point.z) - p.eqRhs[r];
  return { point, value: value + constant, res };
}

/** Newton direction on the dual: (E H^-1 E^T) dnu = -(E z - r), H the entropy Hessian at z(nu). */
function dualNewtonDirection(p: ConvexProgram, point: Point, res: Float64Array): Float64Array | null {
  const n = p.dim;
  const neq = res.length;
  const K = new Float64Array(n * n);
  addEntropyHessian(p.entropy, point.u, 1, K, n);
  for (let i = 0; i < n; i++) for (let k = 0; k < i; k++) K[i * n + k] = K[k * n + i];
  const c = choleskyRegularized(K, n);
  if (!c) return null;
  const HinvE = Array.from({ length: neq }, (_, r) => choleskySolve(c, p.eqRows.subarray(r * n, r * n + n)));
  const S = new Float64Array(neq * neq);
  for (let a = 0; a < neq; a++) for (let b = a; b < neq; b++) S[a * neq + b] = dot(p.eqRows.subarray(a * n, a * n + n), HinvE[b]);
  const cs = choleskyRegularized(S, neq);
  if (!cs) return null;
  return choleskySolve(cs, Float64Array.from(res, (v) => -v));
}

/**
 * One equality: its residual E z(nu) - r increases with nu, so Newton steps safeguarded by a
 * bracket (bisection when a step leaves it) converge from anywhere, also where z(nu) sits
 * exponentially close to the domain boundary and the dual is nearly linear.
 */
function singleEquality(p: ConvexProgram): Point {
  const nu = new Float64Array(1);
  const at = (v: number): ReturnType<typeof atMultipliers> => {
    nu[0] = v;
    return atMultipliers(p, nu);
  };
  let scale = 1;
  for (let i = 0; i < p.dim; i++) scale = Math.max(scale, Math.abs(p.energy[i] / p.T / (p.eqRows[i] || 1)));
  let lo = -2 * scale;
  let hi = 2 * scale;
  for (let k = 0; k < 60 && at(lo).res[0] > 0; k++) lo *= 2;
  for (let k = 0; k < 60 && at(hi).res[0] < 0; k++) hi *= 2;
  let v = 0;
  let cur = at(v);
  for (let it = 0; it < 200 && hi - lo > 1e-15 * (Math.abs(lo) + Math.abs(hi)); it++) {
    if (cur.res[0] === 0) break;
    if (cur.res[0] > 0) hi = v;
    else lo = v;
    const d = dualNewtonDirection(p, cur.point, cur.res);
    let next = d ? v + d[0] : NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (next === v) break;
    v = next;
    cur = at(v);
  }
  return cur.point;
}

/** The equality-constrained minimizer of F (see the file comment); damped dual Newton for several equalities. */
export function equalityMinimizer(p: ConvexProgram): Point {
  if (p.eqRhs.length === 1) return singleEquality(p);
  let nu = new Float64Array(p.eqRhs.length);
  let cur = atMultipliers(p, nu);
  for (let it = 0; it < 60; it++) {
    const dnu = dualNewtonDirection(p, cur.point, cur.res);
    if (!dnu) break;
    // Ascent on the concave dual: halve the step until the dual value increases.
    let next = cur;
    for (let bt = 0, step = 1; bt < 40 && next === cur; bt++, step *= 0.5) {
      const trial = Float64Array.from(nu, (v, r) => v + step * dnu[r]);
      const t = atMultipliers(p, trial);
      if (t.value > cur.value) [next, nu] = [t, trial];
    }
    if (next === cur) break;
    cur = next;
  }
  return cur.point;
}

/**
 * Cold start: {@link equalityMinimizer} pulled toward the random state along the pair
 * probabilities (u = (1-theta) u0 + theta u*, no cancellation) until S >= S_scale/10.
 */
export function coldStart(p: ConvexProgram): Point {
  const star = equalityMinimizer(p);
  // Underflowed terms (minimizers like e^-1000) are lifted to the floor: invisible to z and F.
  for (let t = 0; t < star.u.length; t++) star.u[t] = Math.max(star.u[t], TERM_FLOOR);
  const ref = referencePoint(p);
  const point = referencePoint(p);
  for (let k = 0, theta = 1; k < 60; k++, theta *= 0.7) {
    for (let i = 0; i < p.dim; i++) point.z[i] = theta * star.z[i];
    for (let t = 0; t < point.u.length; t++) point.u[t] = (1 - theta) * ref.u[t] + theta * star.u[t];
    let ok = true;
    for (let t = 0; t < point.u.length && ok; t++) ok = point.u[t] > 0;
    if (ok && entropyAt(p.entropy, point.u) >= 0.1 * p.entropyScale) return point;
  }
  return ref;
}
