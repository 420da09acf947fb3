import { referenceGradient, type ConvexProgram, type Point, type SeparableEntropy } from '../sro/program.js';

/*
 * The c-species variable set of the SRO solid (docs/physics.md section 13) for the convex
 * program of src/sro/program.ts. Per shell i the free coordinates are the off-diagonal
 * deviations z_ab(i) = P_ab(i) - x_a x_b, a < b (c(c-1)/2 of them: 3 for c = 3, 24 variables at
 * n = 8); the row sums sum_b P_ab = x_a are eliminated: P_aa - x_a^2 = -sum_{b != a} z_ab.
 * Entropy terms (eq. A.3-A.4 over ordered pairs): P_ab = P_ba merged (weight m_i), P_aa (weight
 * m_i/2); S = S_mix + sum_i m_i sum_a x_a ln x_a - sum_i (m_i/2) sum_ab P_ab ln P_ab.
 * Charge covariance C_i = sum_ab dZ_a dZ_b P_ab(i) = -sum_{a<b} (Z_a - Z_b)^2 z_ab(i), so the
 * energy (eqs. 5-6) is linear in z with e_ab(i) = -(Z_a - Z_b)^2 (I_i - T_i)/2 e^2/a_i.
 * Eq. 4 for every pair: sum_i m_i z_ab(i) = 0 (the diagonal pairs follow).
 * Binary: z_12 = -(alpha - x^2), the same program as src/sro/binaryPairs.ts.
 */

/** Pairs a < b in order (p = 0..P-1). */
export function pairList(c: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let a = 0; a < c; a++) for (let b = a + 1; b < c; b++) out.push([a, b]);
  return out;
}

/** Data of one c-species instance. */
export interface PairInstance {
  /** Charges and number fractions (all x_a > 0). */
  z: readonly number[];
  x: readonly number[];
  /** T = 1/Gamma_1, U_1. */
  T: number;
  /** (I_i - T_i) e^2/(2 a_i) in U_1, i = 1..n (the binary g_i divided by (Z2 - Z1)^2). */
  h: ArrayLike<number>;
  m: ArrayLike<number>;
}

/** The separable entropy of eq. A.4 over the pair probabilities (see the file comment). */
export function pairEntropy(x: readonly number[], m: ArrayLike<number>): SeparableEntropy {
  const c = x.length;
  const n = m.length;
  const pairs = pairList(c);
  const P = pairs.length;
  const perShell = c + P;
  const nt = n * perShell;
  const weight = new Float64Array(nt);
  const base = new Float64Array(nt);
  const start = new Int32Array(nt + 1);
  const cols: number[] = [];
  const coefs: number[] = [];
  let msum = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    msum += m[i];
    for (let a = 0; a < c; a++) {
      weight[t] = 0.5 * m[i];
      base[t] = x[a] * x[a];
      pairs.forEach(([p, q], k) => {
        if (p === a || q === a) {
          cols.push(i * P + k);
          coefs.push(-1);
        }
      });
      start[++t] = cols.length;
    }
    for (let k = 0; k < P; k++) {
      weight[t] = m[i];
      base[t] = x[pairs[k][0]] * x[pairs[k][1]];
      cols.push(i * P + k);
      coefs.push(1);
      start[++t] = cols.length;
    }
  }
  let xlx = 0;
  for (const v of x) xlx += v * Math.log(v);
  const s0 = -xlx + msum * xlx;
  const blockStart = Int32Array.from({ length: n + 1 }, (_, b) => b * P);
  const termStart = Int32Array.from({ length: n + 1 }, (_, b) => b * perShell);
  // Divergence form of src/sro/program.ts: S = S(u0) + l.z - sum_t w_t D(u_t, u0_t), with
  // S(u0) = s0 - sum_t w_t u0_t ln u0_t and l = dS/dz at the random state z = 0.
  let s0u = s0;
  for (let q = 0; q < nt; q++) s0u -= weight[q] * base[q] * Math.log(base[q]);
  const e = { s0: s0u, weight, base, start, col: Int32Array.from(cols), coef: Float64Array.from(coefs), blockStart, termStart };
  return { ...e, linear: referenceGradient(e, n * P) };
}

/** The convex program of one c-species instance (energy without the constant U_rnd). */
export function pairProgram(p: PairInstance): ConvexProgram {
  const c = p.x.length;
  const n = p.h.length;
  const pairs = pairList(c);
  const P = pairs.length;
  const dim = n * P;
  const energy = new Float64Array(dim);
  const eqRows = new Float64Array(P * dim);
  for (let i = 0; i < n; i++)
    pairs.forEach(([a, b], k) => {
      energy[i * P + k] = -((p.z[a] - p.z[b]) ** 2) * p.h[i];
      eqRows[k * dim + i * P + k] = p.m[i];
    });
  let smix = 0;
  for (const v of p.x) smix -= v * Math.log(v);
  return {
    dim,
    energy,
    T: p.T,
    entropy: pairEntropy(p.x, Float64Array.from({ length: n }, (_, i) => p.m[i])),
    eqRows,
    eqRhs: new Float64Array(P),
    cutScale: Math.max(1e-300, Math.min(...p.x)),
    entropyScale: smix,
  };
}

/**
 * Pair probabilities P_ab(i) of a point as c x c matrices per shell (to the terms' own relative
 * precision: taken from the entropy terms u).
 */
export function pairProbabilities(point: Point, c: number, n: number): number[][][] {
  const pairs = pairList(c);
  const perShell = c + pairs.length;
  return Array.from({ length: n }, (_, i) => {
    const M = Array.from({ length: c }, () => new Array<number>(c).fill(0));
    for (let a = 0; a < c; a++) M[a][a] = point.u[i * perShell + a];
    pairs.forEach(([a, b], k) => {
      M[a][b] = M[b][a] = point.u[i * perShell + c + k];
    });
    return M;
  });
}
