import { meanZ, type Mixture } from './composition.js';

/*
 * Residual (configurational) entropies per ion, in units of k_B
 * (paper eqs. 10, 11 and Appendix eqs. A.3-A.4; docs/physics.md section 5).
 * Convention: 0 ln 0 = 0. Outside the allowed domain the entropies are -Infinity, never NaN.
 */

/** t ln t with 0 ln 0 = 0 (t >= 0). */
export function xlogx(t: number): number {
  return t === 0 ? 0 : t * Math.log(t);
}

/**
 * Ideal mixing entropy per ion, S_mix/N = -x ln x - (1-x) ln(1-x) (paper eq. 10), k_B units.
 * Zero at x = 0 and x = 1; -Infinity outside [0, 1] or for NaN.
 *
 * @param x number fraction of Z2 ions
 * @example mixingEntropy(0.5) // ln 2 = 0.6931...
 */
export function mixingEntropy(x: number): number {
  if (!(x >= 0 && x <= 1)) return -Infinity;
  return 0 - xlogx(x) - xlogx(1 - x); // 0 - ... avoids -0 at the ends
}

/**
 * Ogata et al. (1993) residual entropy per ion, S_mixZ/N = S_mix/N + ln<Z> - <ln Z>
 * (paper eq. 11), k_B units.
 *
 * @example mixingEntropyZ({ z1: 6, z2: 8, x: 0.5 }) // ln 2 + ln 7 - (ln 6 + ln 8)/2 = 0.703457...
 */
export function mixingEntropyZ(mix: Mixture): number {
  const { z1, z2, x } = mix;
  const s = mixingEntropy(x);
  if (s === -Infinity) return s;
  const meanLogZ = (x === 1 ? 0 : (1 - x) * Math.log(z1)) + (x === 0 ? 0 : x * Math.log(z2));
  return s + Math.log(meanZ(mix)) - meanLogZ;
}

/**
 * 1 - 2x + a (the Z1-Z1 link fraction) if a lies in the allowed range
 * max(0, 2x - 1) <= a <= x (docs/physics.md section 6), else NaN. Clamped at 0 so that
 * a = 2x - 1 computed in floating point is the exact lower end, not a rounding-negative.
 */
function z1z1Fraction(x: number, a: number): number {
  if (!(x >= 0 && x <= 1 && a >= Math.max(0, 2 * x - 1) && a <= x)) return NaN;
  return Math.max(0, 1 - 2 * x + a);
}

/**
 * Entropy decrement per ion of one link orientation, Delta S(R_in)/N (paper eq. A.3), k_B units:
 * 2x ln x + 2(1-x) ln(1-x) - a ln a - 2(x-a) ln(x-a) - (1-2x+a) ln(1-2x+a), a = alpha_i,
 * with 0 ln 0 = 0. Zero at a = x^2, negative elsewhere (concave in a);
 * -Infinity outside max(0, 2x-1) <= a <= x.
 *
 * @param x number fraction of Z2 ions
 * @param a order parameter alpha_i
 * @example shellEntropyDecrement(0.5, 0.25) // 0
 */
export function shellEntropyDecrement(x: number, a: number): number {
  const b = z1z1Fraction(x, a);
  if (Number.isNaN(b)) return -Infinity;
  return 2 * xlogx(x) + 2 * xlogx(1 - x) - xlogx(a) - 2 * xlogx(x - a) - xlogx(b);
}

/**
 * d(Delta S/N)/d a of eq. A.3: -ln a + 2 ln(x - a) - ln(1 - 2x + a), k_B units.
 * +Infinity at (and below) the lower end of the domain, -Infinity at (and above) a = x,
 * the limits of the concave function; NaN only for NaN input.
 *
 * @example shellEntropyDecrementDerivative(0.5, 0.25) // 0
 */
export function shellEntropyDecrementDerivative(x: number, a: number): number {
  if (Number.isNaN(x) || Number.isNaN(a)) return NaN;
  const lo = Math.max(0, 2 * x - 1);
  if (a >= x) return -Infinity;
  if (a <= lo) return Infinity;
  return -Math.log(a) + 2 * Math.log(x - a) - Math.log(1 - 2 * x + a);
}

/**
 * d^2(Delta S/N)/d a^2 of eq. A.3: -1/a - 2/(x - a) - 1/(1 - 2x + a), k_B units (always < 0).
 * -Infinity at and outside the domain ends; NaN only for NaN input.
 *
 * @example shellEntropyDecrementSecondDerivative(0.5, 0.25) // -1/0.25 - 2/0.25 - 1/0.25 = -16
 */
export function shellEntropyDecrementSecondDerivative(x: number, a: number): number {
  if (Number.isNaN(x) || Number.isNaN(a)) return NaN;
  const b = 1 - 2 * x + a;
  if (!(a > Math.max(0, 2 * x - 1) && x - a > 0 && b > 0)) return -Infinity;
  return -1 / a - 2 / (x - a) - 1 / b;
}

/**
 * Residual entropy per ion of a short-range-ordered crystal (paper eq. A.4), k_B units:
 * S/N = S_mix/N + 1/2 sum_i m_i Delta S_i/N. Equals S_mix at alpha_i = x^2. The value is
 * returned as is (it can be negative; the paper excludes states with S < 0) and is
 * -Infinity if any alpha_i is outside its domain.
 *
 * @param x number fraction of Z2 ions
 * @param alpha order parameters alpha_1..alpha_n
 * @param m shell multiplicities m_1..m_n (at least alpha.length entries)
 * @example orderedEntropy(0.5, [0.25, 0.25], [8, 6]) // ln 2
 */
export function orderedEntropy(x: number, alpha: ArrayLike<number>, m: ArrayLike<number>): number {
  if (m.length < alpha.length) throw new RangeError(`${alpha.length} order parameters but ${m.length} multiplicities`);
  let s = mixingEntropy(x);
  if (s === -Infinity) return s;
  for (let i = 0; i < alpha.length; i++) {
    const d = shellEntropyDecrement(x, alpha[i]);
    if (d === -Infinity) return -Infinity;
    s += 0.5 * m[i] * d;
  }
  return s;
}
