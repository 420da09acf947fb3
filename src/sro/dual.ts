import { cholesky, choleskySolve, dot } from './linalg.js';
import { plogp, type ConvexProgram, type LinearCuts, type Multipliers, type Point, type SeparableEntropy } from './program.js';

/*
 * The exact Lagrangian dual bound of the program (src/sro/program.ts). The Lagrangian
 *     L(z) = e.z - T S - sum_j lambda_j (row_j.z + offset_j) - lambda_S S - nu.(E z - r)
 * is q.z - (T + lambda_S) S(u(z)) + constant with q = e - R^T lambda - E^T nu, and -S separates
 * over the entropy blocks, so min_z L is a sum of small strictly convex problems, each
 * solved to rounding (closed-form start where the variable set has one, then damped Newton).
 * Any feasible point has F >= that minimum (weak duality): the certificate's lower bound.
 */

/** Minimum over one block of q.z_b + tau sum_t w_t u_t ln u_t; writes the block's z and u, returns the value. */
function blockMinimum(e: SeparableEntropy, b: number, q: Float64Array, tau: number, out: Point): number {
  const z0 = e.blockStart[b];
  const nb = e.blockStart[b + 1] - z0;
  const t0 = e.termStart[b];
  const t1 = e.termStart[b + 1];
  const qb = q.subarray(z0, z0 + nb);
  const zb = out.z.subarray(z0, z0 + nb);
  const ub = out.u.subarray(t0, t1);
  if (e.blockStartPoint) e.blockStartPoint(b, qb, tau, zb, ub);
  else {
    zb.fill(0);
    ub.set(e.base.subarray(t0, t1));
  }
  const value = (): number => {
    let v = dot(qb, zb);
    for (let t = t0; t < t1; t++) v += tau * e.weight[t] * plogp(out.u[t]);
    return v;
  };
  const g = new Float64Array(nb);
  const H = new Float64Array(nb * nb);
  const du = new Float64Array(t1 - t0);
  let f = value();
  for (let it = 0; it < 100; it++) {
    g.set(qb);
    H.fill(0);
    for (let t = t0; t < t1; t++) {
      const w = tau * e.weight[t];
      const lg = w * (Math.log(out.u[t]) + 1);
      for (let p = e.start[t]; p < e.start[t + 1]; p++) {
        const i = e.col[p] - z0;
        g[i] += lg * e.coef[p];
        for (let r = e.start[t]; r < e.start[t + 1]; r++) H[i * nb + e.col[r] - z0] += (w / out.u[t]) * e.coef[p] * e.coef[r];
      }
    }
    const c = cholesky(H, nb);
    if (!c) break;
    const dz = choleskySolve(c, g);
    const decrement = dot(g, dz);
    if (!(decrement > 1e-32 * (1 + Math.abs(f)))) break;
    let alpha = 1;
    for (let t = t0; t < t1; t++) {
      let v = 0;
      for (let p = e.start[t]; p < e.start[t + 1]; p++) v -= e.coef[p] * dz[e.col[p] - z0];
      du[t - t0] = v;
      if (v < 0) alpha = Math.min(alpha, -0.99 * (out.u[t] / v));
    }
    const zSave = Float64Array.from(zb);
    const uSave = Float64Array.from(ub);
    let accepted = false;
    let progress = false;
    for (let bt = 0; bt < 60 && !accepted; bt++, alpha *= 0.5) {
      for (let i = 0; i < nb; i++) zb[i] = zSave[i] - alpha * dz[i];
      for (let t = 0; t < ub.length; t++) ub[t] = uSave[t] + alpha * du[t];
      const fn = value();
      if (fn <= f) {
        accepted = true;
        progress = fn < f;
        f = fn;
      }
    }
    if (!accepted) {
      zb.set(zSave);
      ub.set(uSave);
    }
    if (!progress) break;
  }
  return f;
}

/**
 * min_z [q.z - tau S(u(z))], tau > 0: the value, with the minimizing point written to `out`
 * (a fresh point if omitted).
 */
export function lagrangianMinimum(e: SeparableEntropy, q: Float64Array, tau: number, out?: Point): { value: number; point: Point } {
  const point = out ?? { z: new Float64Array(q.length), u: new Float64Array(e.base.length) };
  let value = -tau * e.s0;
  for (let b = 0; b + 1 < e.blockStart.length; b++) value += blockMinimum(e, b, q, tau, point);
  return { value, point };
}

/** q = e - R^T lambda - E^T nu and the constant -sum lambda_j offset_j + nu.r of the Lagrangian. */
export function lagrangianCoefficients(p: ConvexProgram, cuts: LinearCuts, m: Multipliers): { q: Float64Array; constant: number } {
  const n = p.dim;
  const q = Float64Array.from(p.energy);
  let constant = 0;
  for (let j = 0; j < cuts.count; j++) {
    const l = m.cuts[j];
    if (l === 0) continue;
    constant -= l * cuts.offsets[j];
    for (let i = 0; i < n; i++) q[i] -= l * cuts.rows[j * n + i];
  }
  for (let r = 0; r < p.eqRhs.length; r++) {
    const v = m.equalities[r];
    constant += v * p.eqRhs[r];
    for (let i = 0; i < n; i++) q[i] -= v * p.eqRows[r * n + i];
  }
  return { q, constant };
}

/**
 * Exact dual bound q(lambda, lambda_S, nu) <= F(z) for every feasible z (multipliers >= 0 for
 * the cuts and S >= 0, in U_1; the first cuts.count entries of m.cuts are used).
 */
export function dualBound(p: ConvexProgram, cuts: LinearCuts, m: Multipliers): number {
  const { q, constant } = lagrangianCoefficients(p, cuts, m);
  return constant + lagrangianMinimum(p.entropy, q, p.T + m.entropy).value;
}
