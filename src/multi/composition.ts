import { DomainError } from '../errors.js';
import { dual, sub, type Dual } from './dual.js';

/**
 * A mixture of c ion species (docs/physics.md section 13): charges z_a > 0 and number
 * fractions x_a >= 0 summing to 1. Energies use the lowest charge as Z_1 (Gamma = Gamma_1 of
 * that species), so relabelling the species does not change any result.
 */
export interface Composition {
  z: readonly number[];
  x: readonly number[];
}

/** Powers p of the charge moments <Z^p> used by the models (0 gives sum x_a). */
export const MOMENT_POWERS = [0, 1, 2, 5 / 2, 5 / 3] as const;

/** Charge moments M_p = sum_a x_a Z_a^p as dual numbers, with the derivative along dx. */
export interface Moments {
  m0: Dual;
  m1: Dual;
  m2: Dual;
  m52: Dual;
  m53: Dual;
  /** Var(Z) = sum_a x_a (Z_a - <Z>)^2 (value without cancellation), derivative dM2 - 2 M1 dM1. */
  variance: Dual;
}

/** Lowest charge of the mixture (the Z_1 of Gamma_1 and U_1). */
export function referenceCharge(z: readonly number[]): number {
  return Math.min(...z);
}

/**
 * Moments of x along direction dx (full-space partials: M_p is linear in the unnormalised x).
 *
 * @example chargeMoments([6, 8], [0.5, 0.5]).m1.v // 7
 */
export function chargeMoments(z: readonly number[], x: ArrayLike<number>, dx?: ArrayLike<number>): Moments {
  const acc = [0, 0, 0, 0, 0];
  const dacc = [0, 0, 0, 0, 0];
  for (let a = 0; a < z.length; a++) {
    if (x[a] === 0 && (!dx || dx[a] === 0)) continue;
    for (let k = 0; k < MOMENT_POWERS.length; k++) {
      const zp = Math.pow(z[a], MOMENT_POWERS[k]);
      acc[k] += x[a] * zp;
      if (dx) dacc[k] += dx[a] * zp;
    }
  }
  const [m0, m1, m2, m52, m53] = acc.map((v, k) => dual(v, dacc[k]));
  let varV = 0;
  for (let a = 0; a < z.length; a++) if (x[a] !== 0) varV += x[a] * (z[a] - m1.v / m0.v) ** 2;
  // Var = M2 - M1^2/M0 on the full space (equals sum x (Z - <Z>)^2 on the simplex).
  const vd = sub(m2, { v: (m1.v * m1.v) / m0.v, d: (2 * m1.v * m1.d) / m0.v - ((m1.v * m1.v) / (m0.v * m0.v)) * m0.d });
  return { m0, m1, m2, m52, m53, variance: dual(varV, vd.d) };
}

/**
 * Check charges and fractions: finite, z > 0, 0 <= x <= 1, |sum x - 1| <= 1e-9, at least one
 * species present; throws a one-line {@link DomainError} otherwise. Returns x renormalised.
 *
 * @example validateComposition({ z: [6, 8, 10], x: [0.5, 0.49, 0.01] })
 */
export function validateComposition(comp: Composition): Composition {
  const { z, x } = comp;
  if (z.length < 2 || z.length !== x.length) {
    throw new DomainError(`need at least 2 species with one fraction each, got ${z.length} charges and ${x.length} fractions`);
  }
  for (const v of z) if (!Number.isFinite(v) || v <= 0) throw new DomainError(`charges must be positive finite numbers, got ${v}`);
  let s = 0;
  for (const v of x) {
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new DomainError(`number fractions must lie in [0, 1], got ${v}`);
    s += v;
  }
  if (Math.abs(s - 1) > 1e-9) throw new DomainError(`number fractions must sum to 1, got ${s}`);
  return { z: [...z], x: x.map((v) => v / s) };
}
