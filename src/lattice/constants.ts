/**
 * Geometry constants of the bcc lattice in ion-sphere units (a_i = 1).
 * docs/physics.md section 1: n_i = 3/(4 pi), a_l = (2/n_i)^(1/3) = (8 pi / 3)^(1/3) a_i.
 */

/** Ion number density n_i in units of a_i^-3 (a_i = 1). */
export const ION_DENSITY = 3 / (4 * Math.PI);

/** bcc lattice constant a_l in units of a_i: (8 pi/3)^(1/3) = 2.0310... */
export const LATTICE_CONSTANT = Math.cbrt((8 * Math.PI) / 3);

/** 4 pi n_i: the plasma-frequency scale of D(k) (= 3 in a_i units; Kohn sum rule trace D = 4 pi n_i). */
export const FOUR_PI_N = 4 * Math.PI * ION_DENSITY;

/** Reciprocal-lattice scale 2 pi / a_l in units of 1/a_i. */
export const RECIPROCAL_UNIT = (2 * Math.PI) / LATTICE_CONSTANT;
