import { certifiedPotentials, chemicalPotentials, hasNoisyGradient, type PhaseFunction } from './phase.js';
import { chordRefine, newton, type NewtonResult } from './newton.js';
import { fromSoftmax, interior, toSoftmax } from './simplex.js';

/**
 * Common-tangent-plane solvers at fixed Gamma (docs/physics.md section 13): phases coexist
 * when their exchange chemical potentials mu_a (units of T) are equal for every species.
 * Unknowns are softmax coordinates (see simplex.ts), so trace fractions are solved in relative
 * terms. Each solver returns `residual` = max_a |mu_a difference|, the tangent-plane check,
 * computed with certified chemical potentials (PhaseFunction.accuratePotentials where a phase
 * has them: the SRO solid's envelope gradient carries noise of ~1e-6 when eq. 3 is active).
 */

/** Chemical potentials of a phase at x (units of T): the cheap (gradient) or the certified ones. */
type Potentials = (p: PhaseFunction, x: ArrayLike<number>) => Float64Array;

/**
 * Newton on the residual built with the phases' own gradients; where a phase has noisy gradients,
 * then chord steps (chordRefine) on the residual built with certified potentials, to 1e-10.
 */
function solveTangent(residual: (mu: Potentials) => (u: Float64Array) => Float64Array, u0: ArrayLike<number>, phases: PhaseFunction[]): NewtonResult {
  const cheap = residual(chemicalPotentials);
  const res = newton(cheap, u0, { tol: 1e-13 });
  if (!phases.some(hasNoisyGradient)) return res;
  return chordRefine(cheap, residual(certifiedPotentials), res.u, 1e-10);
}

/** A refined two-phase tie-line. */
export interface TieLine {
  a: Float64Array;
  b: Float64Array;
  /** Fraction of phase b in the lever rule (flash only). */
  fraction?: number;
  /** max_a |mu_a(a) - mu_a(b)|, units of T. */
  residual: number;
}

/** max_a |mu_a(pA, xA) - mu_a(pB, xB)| (units of T): the common-tangent-plane check. */
export function tangentPlaneResidual(pA: PhaseFunction, xA: ArrayLike<number>, pB: PhaseFunction, xB: ArrayLike<number>): number {
  const a = certifiedPotentials(pA, xA);
  const b = certifiedPotentials(pB, xB);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return Number.isFinite(m) ? m : Infinity;
}

function muDiff(mu: Potentials, out: Float64Array, at: number, pA: PhaseFunction, xA: Float64Array, pB: PhaseFunction, xB: Float64Array): void {
  const a = mu(pA, xA);
  const b = mu(pB, xB);
  for (let i = 0; i < a.length; i++) out[at + i] = a[i] - b[i];
}

/**
 * Two-phase split of the overall composition x0 (lever rule + equal mu_a): 2c-1 equations
 * for yA, yB and the fraction of B. Starts from the grid estimate (xA, xB).
 *
 * @example flash(liquid, solid, [0.5, 0.45, 0.05], xL0, xS0).residual < 1e-9
 */
export function flash(pA: PhaseFunction, pB: PhaseFunction, x0: ArrayLike<number>, xA: ArrayLike<number>, xB: ArrayLike<number>): TieLine {
  const c = x0.length;
  const ya = toSoftmax(interior(xA));
  const yb = toSoftmax(interior(xB));
  let f0 = 0.5;
  let den = 0;
  let num = 0;
  for (let i = 0; i < c; i++) {
    num += (x0[i] - xA[i]) * (xB[i] - xA[i]);
    den += (xB[i] - xA[i]) ** 2;
  }
  if (den > 0) f0 = num / den;
  const u0 = [...ya, ...yb, f0];
  const split = (u: Float64Array) => [fromSoftmax(u.subarray(0, c - 1)), fromSoftmax(u.subarray(c - 1, 2 * c - 2))] as const;
  const res = solveTangent(
    (mu) => (u) => {
      const [a, b] = split(u);
      const r = new Float64Array(2 * c - 1);
      muDiff(mu, r, 0, pA, a, pB, b);
      const f = u[2 * c - 2];
      for (let i = 1; i < c; i++) r[c + i - 1] = (1 - f) * a[i] + f * b[i] - x0[i];
      return r;
    },
    u0,
    [pA, pB],
  );
  const [a, b] = split(res.u);
  return { a, b, fraction: res.u[2 * c - 2], residual: tangentPlaneResidual(pA, a, pB, b) };
}

/**
 * Tie-line whose phase-A end has x_k = value (c = 3: 4 unknowns, 3 equal mu_a plus
 * ln x_k = ln value). Used for trace species (x_k down to 1e-6 and below).
 */
export function tieLineAtFraction(
  pA: PhaseFunction,
  pB: PhaseFunction,
  k: number,
  value: number,
  xA: ArrayLike<number>,
  xB: ArrayLike<number>,
): TieLine {
  const c = xA.length;
  if (c !== 3) throw new RangeError('tieLineAtFraction needs three species');
  const split = (u: Float64Array) => [fromSoftmax(u.subarray(0, 2)), fromSoftmax(u.subarray(2, 4))] as const;
  const res = solveTangent(
    (mu) => (u) => {
      const [a, b] = split(u);
      const r = new Float64Array(4);
      muDiff(mu, r, 0, pA, a, pB, b);
      r[3] = Math.log(a[k]) - Math.log(value);
      return r;
    },
    [...toSoftmax(interior(xA)), ...toSoftmax(interior(xB))],
    [pA, pB],
  );
  const [a, b] = split(res.u);
  return { a, b, residual: Math.max(tangentPlaneResidual(pA, a, pB, b), Math.abs(Math.log(a[k] / value))) };
}

/** A refined three-phase triangle (c = 3). */
export interface ThreePhase {
  x: [Float64Array, Float64Array, Float64Array];
  residual: number;
}

/** Three phases with one common tangent plane (c = 3: 6 unknowns, 6 equations). */
export function threePhase(p: [PhaseFunction, PhaseFunction, PhaseFunction], x: ArrayLike<number>[]): ThreePhase {
  const c = x[0].length;
  const n = c - 1;
  const split = (u: Float64Array) => [0, 1, 2].map((k) => fromSoftmax(u.subarray(k * n, (k + 1) * n))) as [Float64Array, Float64Array, Float64Array];
  const res = solveTangent(
    (mu) => (u) => {
      const xs = split(u);
      const r = new Float64Array(2 * c);
      muDiff(mu, r, 0, p[0], xs[0], p[1], xs[1]);
      muDiff(mu, r, c, p[0], xs[0], p[2], xs[2]);
      return r;
    },
    x.flatMap((v) => [...toSoftmax(interior(v))]),
    p,
  );
  const xs = split(res.u);
  return {
    x: xs,
    residual: Math.max(tangentPlaneResidual(p[0], xs[0], p[1], xs[1]), tangentPlaneResidual(p[0], xs[0], p[2], xs[2])),
  };
}
