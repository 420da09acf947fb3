import { chargeMoments, type Moments } from './composition.js';
import type { Dual } from './dual.js';

/**
 * One phase's free energy at fixed charges and Gamma, per ion in units of T
 * (f = F/(N T) = Gamma_1 F/(N U_1), linear mixing subtracted; docs/physics.md section 13),
 * as a function of the number fractions x (simplex). `grad` gives the full-space partials
 * g_a = df/dx_a of the formula written with unnormalised x (moments linear in x); only their
 * differences along the simplex matter (see {@link chemicalPotentials}).
 */
export interface PhaseFunction {
  /** 'liquid' | 'random' | 'sro' ... */
  readonly name: string;
  readonly z: readonly number[];
  readonly gamma: number;
  f(x: ArrayLike<number>): number;
  grad(x: ArrayLike<number>): Float64Array;
  /**
   * Chemical potentials accurate to ~1e-10 (units of T), for a phase whose `grad` carries
   * evaluation noise (the SRO solid: see src/multi/sroPhase.ts); absent: `grad` is exact.
   */
  accuratePotentials?(x: ArrayLike<number>): Float64Array;
}

/** t ln t with 0 ln 0 = 0. */
function xlogx(t: number): number {
  return t === 0 ? 0 : t * Math.log(t);
}

/**
 * A phase whose free energy has the form f = sum_a c_a x_a + sum_a x_a ln x_a + s(M):
 * linear terms, the ideal mixing entropy and a smooth function of the charge moments
 * (both the liquid and the random solid of section 13 are of this form).
 */
export function separablePhase(
  name: string,
  z: readonly number[],
  gamma: number,
  linear: readonly number[],
  smooth: (m: Moments) => Dual,
): PhaseFunction {
  const c = z.length;
  return {
    name,
    z,
    gamma,
    f(x) {
      let s = 0;
      for (let a = 0; a < c; a++) if (x[a] !== 0) s += linear[a] * x[a] + xlogx(x[a]);
      return s + smooth(chargeMoments(z, x)).v;
    },
    grad(x) {
      const g = new Float64Array(c);
      const e = new Float64Array(c);
      for (let b = 0; b < c; b++) {
        e.fill(0);
        e[b] = 1;
        g[b] = linear[b] + (x[b] > 0 ? Math.log(x[b]) + 1 : -Infinity) + smooth(chargeMoments(z, x, e)).d;
      }
      return g;
    },
  };
}

/**
 * Exchange chemical potentials mu_a = f + g.(e_a - x) per ion in units of T: the value at
 * vertex a of the tangent plane at x. Two phases coexist when all mu_a agree (common tangent
 * plane, docs/physics.md section 13). Independent of how f is extended off the simplex.
 *
 * @example chemicalPotentials(phase, [0.5, 0.5]) // Float64Array(2)
 */
export function chemicalPotentials(phase: PhaseFunction, x: ArrayLike<number>): Float64Array {
  const f = phase.f(x);
  const g = phase.grad(x);
  let xg = 0;
  for (let a = 0; a < g.length; a++) if (x[a] !== 0) xg += x[a] * g[a];
  const mu = new Float64Array(g.length);
  for (let a = 0; a < g.length; a++) mu[a] = f + g[a] - xg;
  return mu;
}

/**
 * Chemical potentials for a certificate: the phase's accuratePotentials where it has them,
 * otherwise {@link chemicalPotentials} (whose gradient is then exact).
 *
 * @example certifiedPotentials(phase, [0.5, 0.3, 0.2]) // Float64Array(3)
 */
export function certifiedPotentials(phase: PhaseFunction, x: ArrayLike<number>): Float64Array {
  return phase.accuratePotentials ? phase.accuratePotentials(x) : chemicalPotentials(phase, x);
}

/** True for a phase with noisy analytic gradients (it has accuratePotentials): solvers use Jacobian steps of 1e-4. */
export function hasNoisyGradient(phase: PhaseFunction): boolean {
  return typeof phase.accuratePotentials === 'function';
}
