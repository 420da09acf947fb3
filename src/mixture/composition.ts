import { DomainError } from '../errors.js';

/**
 * A binary ion mixture (docs/physics.md section 1): charges z1 < z2 (C/O: 6, 8) and
 * x = number fraction of the Z2 ions.
 */
export interface Mixture {
  /** Charge number of the lighter species (Z1 > 0). */
  z1: number;
  /** Charge number of the heavier species (Z2 > Z1). */
  z2: number;
  /** Number fraction of Z2 ions, 0 < x < 1 (0 <= x <= 1 for internal curve ends). */
  x: number;
}

/** Options of {@link validateMixture}. */
export interface ValidateMixtureOptions {
  /** Accept the closed interval 0 <= x <= 1 (pure plasmas at curve ends); default false: 0 < x < 1. */
  closed?: boolean;
}

/**
 * Charge moment <Z^p> = (1 - x) Z1^p + x Z2^p (docs/physics.md section 1). Dimensionless.
 *
 * @param mix mixture
 * @param p power (any real; p = 5/3, 2, 5/2 are used)
 * @example zMoment({ z1: 6, z2: 8, x: 0.5 }, 2) // 50
 */
export function zMoment(mix: Mixture, p: number): number {
  const { z1, z2, x } = mix;
  // Pure ends contribute exactly one term (avoids 0 * Infinity for negative p and tiny z).
  if (x === 0) return Math.pow(z1, p);
  if (x === 1) return Math.pow(z2, p);
  return (1 - x) * Math.pow(z1, p) + x * Math.pow(z2, p);
}

/**
 * Mean charge <Z> = (1 - x) Z1 + x Z2 (docs/physics.md section 1). Dimensionless.
 *
 * @example meanZ({ z1: 6, z2: 8, x: 0.5 }) // 7
 */
export function meanZ(mix: Mixture): number {
  return (1 - mix.x) * mix.z1 + mix.x * mix.z2;
}

/**
 * Check a mixture and throw a one-line {@link DomainError} if it is not usable:
 * NaN/infinite values, non-positive charges, z1 >= z2, or x outside (0, 1)
 * ([0, 1] with `{ closed: true }`).
 *
 * @returns the same mixture, for chaining
 * @example validateMixture({ z1: 6, z2: 8, x: 0.5 }) // ok
 * @example validateMixture({ z1: 6, z2: 8, x: 0 }, { closed: true }) // ok (pure carbon)
 */
export function validateMixture(mix: Mixture, options: ValidateMixtureOptions = {}): Mixture {
  const { z1, z2, x } = mix;
  for (const [name, v] of [
    ['z1', z1],
    ['z2', z2],
    ['x', x],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new DomainError(`${name} must be a finite number, got ${v}`);
  }
  if (z1 <= 0 || z2 <= 0) throw new DomainError(`charges must be positive, got z1 = ${z1}, z2 = ${z2}`);
  if (z1 >= z2) throw new DomainError(`z1 must be smaller than z2, got z1 = ${z1}, z2 = ${z2}`);
  if (options.closed) {
    if (x < 0 || x > 1) throw new DomainError(`x must lie in [0, 1], got ${x}`);
  } else if (x <= 0 || x >= 1) {
    throw new DomainError(`x must lie strictly between 0 and 1, got ${x}`);
  }
  return mix;
}
