import { ocpLiquidFreeEnergy, type LiquidFitOptions } from './liquidFreeEnergy.js';
import { ocpSolidFreeEnergy, type SolidFitOptions } from './solidFreeEnergy.js';

/** Parameter choices of the one-component liquid and solid (defaults: the paper's). */
export type OcpOptions = LiquidFitOptions & SolidFitOptions;

/**
 * Phi(G) = f_liq(G) - f_sol(G), the liquid-minus-solid free energy per ion of the
 * one-component plasma in units of T (docs/physics.md section 7). Positive above melting.
 *
 * @example ocpFreeEnergyDifference(175.719) // ~0 (melting point)
 */
export function ocpFreeEnergyDifference(gamma: number, options: OcpOptions = {}): number {
  return ocpLiquidFreeEnergy(gamma, options) - ocpSolidFreeEnergy(gamma, options);
}

/** Options of {@link meltingGamma}. */
export interface MeltingOptions extends OcpOptions {
  /** Bracket searched for the root; default [100, 300]. */
  bracket?: [number, number];
  /** Absolute tolerance on Gamma; default 1e-10. */
  tolerance?: number;
}

/**
 * Melting coupling Gamma_m of the classical one-component plasma: the root of
 * Phi(G) = f_liq(G) - f_sol(G) (docs/physics.md section 7; paper: Gamma_1m = 175.719),
 * found by bracketing and Brent's method to an absolute tolerance of 1e-10.
 *
 * @throws Error if Phi does not change sign over the bracket
 * @example meltingGamma() // 175.719...
 */
export function meltingGamma(options: MeltingOptions = {}): number {
  const [lo, hi] = options.bracket ?? [100, 300];
  const tol = options.tolerance ?? 1e-10;
  const f = (g: number) => ocpFreeEnergyDifference(g, options);
  return brent(f, lo, hi, tol);
}

/**
 * Brent's root finder (inverse quadratic interpolation + secant + bisection) on [a, b].
 * Requires f(a) f(b) <= 0.
 */
function brent(f: (t: number) => number, a0: number, b0: number, tol: number): number {
  let a = a0;
  let b = b0;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(fa * fb < 0)) throw new Error(`no sign change of the melting function on [${a0}, ${b0}]`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  throw new Error('Brent iteration did not converge');
}
