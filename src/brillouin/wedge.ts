import { RECIPROCAL_UNIT } from '../lattice/constants.js';

/**
 * Vertices of the irreducible wedge of the bcc Brillouin zone (1/a_i units):
 * Gamma = 0, H = c(1,0,0), N = c(1/2,1/2,0), P = c(1/2,1/2,1/2), c = 2 pi/a_l.
 * The wedge is 0 <= kz <= ky <= kx, kx + ky <= c, 1/48 of the zone (PHYSICS.md section 3).
 */
export const WEDGE = {
  H: [RECIPROCAL_UNIT, 0, 0] as const,
  N: [RECIPROCAL_UNIT / 2, RECIPROCAL_UNIT / 2, 0] as const,
  P: [RECIPROCAL_UNIT / 2, RECIPROCAL_UNIT / 2, RECIPROCAL_UNIT / 2] as const,
};

/** True when k (1/a_i) lies in the closed irreducible wedge (with a relative slack `eps`). */
export function inWedge(k: ArrayLike<number>, eps = 1e-12): boolean {
  const s = eps * RECIPROCAL_UNIT;
  return k[2] >= -s && k[1] >= k[2] - s && k[0] >= k[1] - s && k[0] + k[1] <= RECIPROCAL_UNIT + s;
}
