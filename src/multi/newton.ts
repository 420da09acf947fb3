/**
 * Small dense Newton solver for the coexistence equations (square systems of a few unknowns):
 * forward-difference Jacobian, Gaussian elimination with partial pivoting, backtracking on
 * |r|^2. Returns the last iterate and its residual; the caller decides what is certified.
 */
export interface NewtonResult {
  u: Float64Array;
  /** max_i |r_i| at u. */
  residual: number;
  iterations: number;
}

/** Solve A d = b in place (n x n, row-major); returns null if singular. */
export function solveLinear(A: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const m = A.slice();
  const r = b.slice();
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i * n + k]) > Math.abs(m[p * n + k])) p = i;
    if (!(Math.abs(m[p * n + k]) > 0)) return null;
    if (p !== k) {
      for (let j = 0; j < n; j++) [m[k * n + j], m[p * n + j]] = [m[p * n + j], m[k * n + j]];
      [r[k], r[p]] = [r[p], r[k]];
    }
    for (let i = k + 1; i < n; i++) {
      const f = m[i * n + k] / m[k * n + k];
      if (f === 0) continue;
      for (let j = k; j < n; j++) m[i * n + j] -= f * m[k * n + j];
      r[i] -= f * r[k];
    }
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = r[i];
    for (let j = i + 1; j < n; j++) s -= m[i * n + j] * x[j];
    x[i] = s / m[i * n + i];
  }
  return x.every(Number.isFinite) ? x : null;
}

const maxAbs = (r: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < r.length; i++) m = Math.max(m, Math.abs(r[i]));
  return Number.isNaN(m) || Array.prototype.some.call(r, (v: number) => !Number.isFinite(v)) ? Infinity : m;
};
const norm2 = (r: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return Number.isFinite(s) ? s : Infinity;
};

/** Forward-difference Jacobian (n x n, row-major) of residual at u, r = residual(u), step h(u_j) for unknown j. */
function forwardJacobian(residual: (u: Float64Array) => Float64Array, u: Float64Array, r: ArrayLike<number>, h: (uj: number) => number): Float64Array {
  const n = u.length;
  const J = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const hj = h(u[j]);
    const up = u.slice();
    up[j] += hj;
    const rp = residual(up);
    for (let i = 0; i < n; i++) J[i * n + j] = (rp[i] - r[i]) / hj;
  }
  return J;
}

/**
 * Newton iteration on residual(u) = 0 (n equations, n unknowns) until max|r| <= tol.
 *
 * @param maxStep largest change of any unknown in one step (unknowns are logs: default 2)
 * @param maxHalvings step halvings of one line search before the iteration stops (default 40);
 *   a residual with evaluation noise stops after this many new evaluations instead of 40
 * @param jacobianStep relative forward-difference step of the Jacobian (default 1e-7); a residual
 *   with evaluation noise eps needs a step well above eps / |J| (e.g. 1e-4 for the SRO solid)
 * @example newton((u) => Float64Array.of(u[0] * u[0] - 2), [1]).u[0] // 1.41421356...
 */
export function newton(
  residual: (u: Float64Array) => Float64Array,
  u0: ArrayLike<number>,
  options: { tol?: number; maxIter?: number; maxStep?: number; maxHalvings?: number; jacobianStep?: number } = {},
): NewtonResult {
  const tol = options.tol ?? 1e-12;
  const maxIter = options.maxIter ?? 60;
  const maxStep = options.maxStep ?? 2;
  const maxHalvings = options.maxHalvings ?? 40;
  const jacobianStep = options.jacobianStep ?? 1e-7;
  let u = Float64Array.from(u0);
  let r = residual(u);
  const n = u.length;
  let it = 0;
  for (; it < maxIter && maxAbs(r) > tol; it++) {
    const J = forwardJacobian(residual, u, r, (v) => jacobianStep * Math.max(1, Math.abs(v)));
    const d = solveLinear(J, r, n);
    if (!d) break;
    const big = maxAbs(d);
    let t = big > maxStep ? maxStep / big : 1;
    const r0 = norm2(r);
    let accepted = false;
    for (let k = 0; k < maxHalvings; k++, t *= 0.5) {
      const un = u.map((v, i) => v - t * d[i]);
      const rn = residual(un);
      if (norm2(rn) < r0 || (k > 30 && norm2(rn) <= r0)) {
        u = un;
        r = rn;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  return { u, residual: maxAbs(r), iterations: it };
}

/**
 * Chord refinement of a Newton solution against a more accurate residual: u -= J^-1 r_acc(u),
 * with J from forward differences of the cheap residual at a step h well above its noise (the
 * SRO solid's envelope gradient: ~1e-6 in units of T when eq. 3 is active, so h = 1e-4). At most
 * maxSteps steps, stopping once max|r_acc| <= tol or it no longer decreases; the best iterate.
 *
 * @example chordRefine((u) => Float64Array.of(u[0] * u[0] - 2 + 1e-7), (u) => Float64Array.of(u[0] * u[0] - 2), [1.4142], 1e-12).residual < 1e-12
 */
export function chordRefine(
  cheap: (u: Float64Array) => Float64Array,
  accurate: (u: Float64Array) => Float64Array,
  u0: ArrayLike<number>,
  tol: number,
  options: { step?: number; maxSteps?: number } = {},
): NewtonResult {
  let u = Float64Array.from(u0);
  let r = accurate(u);
  let best: NewtonResult = { u, residual: maxAbs(r), iterations: 0 };
  if (best.residual <= tol) return best;
  const n = u.length;
  const h = options.step ?? 1e-4;
  const J = forwardJacobian(cheap, u, cheap(u), () => h);
  const maxSteps = options.maxSteps ?? 5;
  for (let k = 1; k <= maxSteps && best.residual > tol; k++) {
    const d = solveLinear(J, r, n);
    if (!d) break;
    u = u.map((v, i) => v - d[i]);
    r = accurate(u);
    const res = maxAbs(r);
    if (!(res < best.residual)) break;
    best = { u, residual: res, iterations: k };
  }
  return best;
}
