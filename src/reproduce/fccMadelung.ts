/**
 * Madelung constants of one-component Coulomb crystals (rigid neutralizing background) by a
 * small Ewald sum, in units of Z^2 e^2 / a_i (a_i = ion-sphere radius), so that the static
 * lattice energy per ion is -zeta Z^2 e^2/a_i. Used for the fcc - bcc energy difference of
 * Fig. 4; the bcc value is also available from the lattice sums (a cross-check).
 *
 * With a_i = 1 (n = 3/(4 pi)):
 *   E/N = (1/2) [ sum_{R != 0} erfc(eta R)/R + (4 pi n) sum_{G != 0} e^{-G^2/(4 eta^2)}/G^2
 *                 - 2 eta/sqrt(pi) - pi n/eta^2 ]
 */

import { erfc } from '../ewald/erfc.js';

type V3 = [number, number, number];

function reciprocal(a: [V3, V3, V3]): [V3, V3, V3] {
  const [a1, a2, a3] = a;
  const cross = (u: V3, v: V3): V3 => [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
  const dot = (u: V3, v: V3) => u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  const vol = dot(a1, cross(a2, a3));
  const s = (2 * Math.PI) / vol;
  const b1 = cross(a2, a3).map((c) => c * s) as V3;
  const b2 = cross(a3, a1).map((c) => c * s) as V3;
  const b3 = cross(a1, a2).map((c) => c * s) as V3;
  return [b1, b2, b3];
}

/** Madelung constant (Z^2 e^2/a_i) of a Bravais lattice with one ion per primitive cell of volume 4 pi/3. */
export function madelungConstant(primitive: [V3, V3, V3], eta = 1.0, range = 8): number {
  const n = 3 / (4 * Math.PI);
  const b = reciprocal(primitive);
  let real = 0;
  let recip = 0;
  for (let i = -range; i <= range; i++) {
    for (let j = -range; j <= range; j++) {
      for (let k = -range; k <= range; k++) {
        if (i === 0 && j === 0 && k === 0) continue;
        const R = [0, 1, 2].map((c) => i * primitive[0][c] + j * primitive[1][c] + k * primitive[2][c]);
        const r = Math.hypot(R[0], R[1], R[2]);
        real += erfc(eta * r) / r;
        const G = [0, 1, 2].map((c) => i * b[0][c] + j * b[1][c] + k * b[2][c]);
        const g2 = G[0] * G[0] + G[1] * G[1] + G[2] * G[2];
        recip += Math.exp(-g2 / (4 * eta * eta)) / g2;
      }
    }
  }
  const energy = 0.5 * (real + 4 * Math.PI * n * recip - (2 * eta) / Math.sqrt(Math.PI) - (Math.PI * n) / (eta * eta));
  return -energy;
}

/** fcc Madelung constant (Z^2 e^2/a_i), ~0.8958736. */
export function fccMadelung(): number {
  const a = Math.cbrt((16 * Math.PI) / 3); // cubic cell with 4 ions has volume 4 * (4 pi/3)
  const h = a / 2;
  return madelungConstant([[0, h, h], [h, 0, h], [h, h, 0]]);
}

/** bcc Madelung constant (Z^2 e^2/a_i) by the same Ewald sum, ~0.8959293 (cross-check of the lattice sums). */
export function bccMadelung(): number {
  const a = Math.cbrt((8 * Math.PI) / 3); // cubic cell with 2 ions
  const h = a / 2;
  return madelungConstant([[-h, h, h], [h, -h, h], [h, h, -h]]);
}
