import { FOUR_PI_N, LATTICE_CONSTANT, RECIPROCAL_UNIT } from '../lattice/constants.js';
import { erfc } from './erfc.js';

/** Doubles per real-space record: h, k, l, Hxx, Hyy, Hzz, Hxy, Hxz, Hyz, fx, fy, fz, f. */
export const REAL_STRIDE = 13;
/** Doubles per reciprocal record: h, k, l, Gx, Gy, Gz, exp(-G^2/(4 eta^2)). */
export const RECIP_STRIDE = 7;

/** Precomputed Ewald lattice lists for one (eta, tolerance); plain data, passed to the WASM kernel. */
export interface EwaldTables {
  eta: number;
  tol: number;
  /** Real-space vectors R != 0, one of each +-R pair; R = (a_l/2)(h,k,l). */
  real: Float64Array;
  nReal: number;
  /** Largest |h|, |k| or |l| among the real-space records. */
  realMax: number;
  /** Reciprocal vectors G (G = 0 included), all of them; G = (2 pi/a_l)(h,k,l), h+k+l even. */
  recip: Float64Array;
  nRecip: number;
  recipMax: number;
  /** Constant diagonal term of D: 4 pi n/3 - 4 eta^3/(3 sqrt pi). */
  diagonal: number;
  /** Real-space cut-off radius (a_i) and reciprocal cut-off (1/a_i) that the tolerance gave. */
  realCutoff: number;
  recipCutoff: number;
  /** Largest |k| (1/a_i) the tables serve. */
  kmax: number;
  /** Per-k cut-off on |k + G| (1/a_i): at k the kernel sums the listed G with |G| <= recipReach + |k|. */
  recipReach: number;
}

const SQRT_PI = Math.sqrt(Math.PI);

/** Largest magnitude of the real-space Ewald terms at distance r (|f''| bounds |f'|/r and f/r^2). */
function realTerm(eta: number, r: number): number {
  const g = Math.exp(-eta * eta * r * r);
  return 2 * erfc(eta * r) / r ** 3 + (4 * eta / SQRT_PI) * g / (r * r) + (4 * eta ** 3 / SQRT_PI) * g;
}

/**
 * Smallest r on a grid of step `dr` with integral_r^inf g(s) ds < tol, for a decreasing
 * positive integrand g: one backward pass (trapezoid rule) from `far`, where g is negligible.
 */
function tailCutoff(g: (r: number) => number, tol: number, from: number, far: number, dr: number): number {
  let tail = 0;
  let prev = g(far);
  for (let r = far - dr; r >= from; r -= dr) {
    const cur = g(r);
    tail += 0.5 * (prev + cur) * dr;
    if (tail >= tol) return r + dr;
    prev = cur;
  }
  return from;
}

/** Real-space cut-off: the tail sum_{R > Rc} |term| ~ integral 4 pi r^2 n |term| dr is below tol. */
function realCutoff(eta: number, tol: number): number {
  const n = FOUR_PI_N / (4 * Math.PI);
  return tailCutoff((r) => 4 * Math.PI * r * r * n * realTerm(eta, r), tol, 1, 1 + 60 / eta, 0.05);
}

/** Reciprocal cut-off |G|: the tail of 4 pi n sum e^{-q^2/4eta^2}/q is below tol (q >= G - kmax). */
function recipCutoff(eta: number, tol: number, kmax: number): number {
  const density = 1 / (2 * RECIPROCAL_UNIT ** 3); // reciprocal points per unit volume (fcc, cell 2c^3)
  const g = (q: number): number => (4 * Math.PI * (q + kmax) ** 2 * density * FOUR_PI_N * Math.exp(-(q * q) / (4 * eta * eta))) / q;
  return tailCutoff(g, tol, 1, 1 + 60 * eta, 0.05) + kmax;
}

/**
 * Cut-off on |k + G| for one wave vector: the terms of D(k) and beta(k) at q = |k + G| are at
 * most 4 pi n e^{-q^2/4eta^2} in magnitude (|w q_a q_b| and, for q >= 1, |w q_a|, w = 4 pi n
 * e^{-q^2/4eta^2}/q^2), and the number of G with |k + G| in [q, q + dq] is 4 pi q^2 dq times the
 * reciprocal density: the sum over |k + G| > reach is below tol. The kernel sums, at each k, the
 * listed G with |G| <= reach + |k| (docs/physics.md section 3).
 */
function recipReach(eta: number, tol: number): number {
  const density = 1 / (2 * RECIPROCAL_UNIT ** 3);
  const g = (q: number): number => 4 * Math.PI * q * q * density * FOUR_PI_N * Math.exp(-(q * q) / (4 * eta * eta));
  return tailCutoff(g, tol, 1, 1 + 60 * eta, 0.05);
}

/**
 * Build the Ewald lists for D(k) and beta(k) (docs/physics.md section 3), a_i units.
 * Cut-offs follow from `tol` (absolute, on a matrix element) and `eta`; nothing is hard-coded.
 *
 * @param eta Ewald splitting parameter in 1/a_i (1..1.3 balances the sums)
 * @param tol absolute truncation tolerance of each sum
 * @param kmax largest |k| the tables will be used at (1/a_i); the wedge needs |H| = 2 pi/a_l
 */
export function ewaldTables(eta: number, tol: number, kmax = RECIPROCAL_UNIT): EwaldTables {
  if (!(eta > 0) || !(tol > 0)) throw new RangeError(`eta and tol must be positive (eta=${eta}, tol=${tol})`);
  const rc = realCutoff(eta, tol);
  const gc = recipCutoff(eta, tol, kmax);
  const half = LATTICE_CONSTANT / 2;

  const realList: number[] = [];
  let realMax = 0;
  const hm = Math.ceil(rc / half) + 1;
  for (let h = -hm; h <= hm; h++) {
    for (let k = -hm; k <= hm; k++) {
      if (((h - k) & 1) !== 0) continue;
      for (let l = -hm; l <= hm; l++) {
        if (((h - l) & 1) !== 0) continue;
        // keep one of each +-R pair: first non-zero coordinate positive
        if (!(h > 0 || (h === 0 && (k > 0 || (k === 0 && l > 0))))) continue;
        const x = h * half, y = k * half, z = l * half;
        const r = Math.hypot(x, y, z);
        if (r > rc) continue;
        const g = Math.exp(-eta * eta * r * r);
        const ec = erfc(eta * r);
        const f = ec / r;
        const f1 = -ec / (r * r) - (2 * eta / SQRT_PI) * g / r;
        const f2 = 2 * ec / r ** 3 + (4 * eta / SQRT_PI) * g / (r * r) + (4 * eta ** 3 / SQRT_PI) * g;
        const u = [x / r, y / r, z / r];
        const a = f2 - f1 / r; // H_ab = a u_a u_b + (f1/r) delta_ab
        const d = f1 / r;
        realList.push(
          h, k, l,
          a * u[0] * u[0] + d, a * u[1] * u[1] + d, a * u[2] * u[2] + d,
          a * u[0] * u[1], a * u[0] * u[2], a * u[1] * u[2],
          f1 * u[0], f1 * u[1], f1 * u[2],
          f,
        );
        realMax = Math.max(realMax, Math.abs(h), Math.abs(k), Math.abs(l));
      }
    }
  }

  const recipList: number[] = [];
  let recipMax = 0;
  const gm = Math.ceil(gc / RECIPROCAL_UNIT) + 1;
  for (let h = -gm; h <= gm; h++) {
    for (let k = -gm; k <= gm; k++) {
      for (let l = -gm; l <= gm; l++) {
        if (((h + k + l) & 1) !== 0) continue;
        const gx = h * RECIPROCAL_UNIT, gy = k * RECIPROCAL_UNIT, gz = l * RECIPROCAL_UNIT;
        const g2 = gx * gx + gy * gy + gz * gz;
        if (Math.sqrt(g2) > gc) continue;
        recipList.push(h, k, l, gx, gy, gz, Math.exp(-g2 / (4 * eta * eta)));
        recipMax = Math.max(recipMax, Math.abs(h), Math.abs(k), Math.abs(l));
      }
    }
  }

  return {
    eta,
    tol,
    real: Float64Array.from(realList),
    nReal: realList.length / REAL_STRIDE,
    realMax,
    recip: Float64Array.from(recipList),
    nRecip: recipList.length / RECIP_STRIDE,
    recipMax,
    diagonal: FOUR_PI_N / 3 - (4 * eta ** 3) / (3 * SQRT_PI),
    realCutoff: rc,
    recipCutoff: gc,
    kmax,
    recipReach: recipReach(eta, tol),
  };
}
