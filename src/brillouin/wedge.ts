import { RECIPROCAL_UNIT } from '../lattice/constants.js';

/** A wave vector (kx, ky, kz) in 1/a_i. */
export type Vec3 = [number, number, number];

/**
 * A new Vec3 (kx, ky, kz), 1/a_i. Every wave vector the SRO solver passes around is made here,
 * so all of them are arrays of doubles: a literal of integer-valued components (a wedge vertex,
 * [0, 0, 0]) would be an array of small integers instead, and each new array kind seen by
 * already-optimized code throws that code away (a V8 deoptimization in every worker).
 *
 * @example vec3(0, 0.5, 0) // [0, 0.5, 0]
 */
export function vec3(kx: number, ky: number, kz: number): Vec3 {
  const k: Vec3 = [0.5, 0.5, 0.5]; // a double literal: double elements whatever is stored next
  k[0] = kx;
  k[1] = ky;
  k[2] = kz;
  return k;
}

/**
 * Vertices of the irreducible wedge of the bcc Brillouin zone (1/a_i units):
 * Gamma = 0, H = c(1,0,0), N = c(1/2,1/2,0), P = c(1/2,1/2,1/2), c = 2 pi/a_l.
 * The wedge is 0 <= kz <= ky <= kx, kx + ky <= c, 1/48 of the zone (docs/physics.md section 3).
 */
export const WEDGE: Readonly<Record<'Gamma' | 'H' | 'N' | 'P', Vec3>> = Object.freeze({
  Gamma: [0, 0, 0] as Vec3,
  H: [RECIPROCAL_UNIT, 0, 0] as Vec3,
  N: [RECIPROCAL_UNIT / 2, RECIPROCAL_UNIT / 2, 0] as Vec3,
  P: [RECIPROCAL_UNIT / 2, RECIPROCAL_UNIT / 2, RECIPROCAL_UNIT / 2] as Vec3,
});

/** True when k (1/a_i) lies in the closed irreducible wedge, within an absolute `tol` (1/a_i). */
export function inWedge(k: ArrayLike<number>, tol = 1e-12): boolean {
  return k[2] >= -tol && k[1] - k[2] >= -tol && k[0] - k[1] >= -tol && RECIPROCAL_UNIT - k[0] - k[1] >= -tol;
}
