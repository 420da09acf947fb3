import type { LatticeSums } from '../latticeSums/types.js';
import { meanZ, zMoment, type Mixture } from './composition.js';

/*
 * Electrostatic energies of a binary bcc crystal per ion, in units of
 * U_1 = Z1^(5/3) e^2/a_e, with the linear-mixing energy -zeta <Z^(5/3)> e^2/a_e
 * subtracted (docs/physics.md section 4, paper eqs. 5-6).
 *
 * Lattice sums I_i, T_i, T_0 are in 1/a_i; e^2/a_i = e^2/(a_e <Z>^(1/3)).
 */

/**
 * The ion-sphere energy unit in U_1: (e^2/a_i)/U_1 = 1/(Z1^(5/3) <Z>^(1/3)),
 * since a_i = a_e <Z>^(1/3) (docs/physics.md section 1).
 *
 * @example ionSphereUnit({ z1: 6, z2: 8, x: 0.5 }) // 1/(6^(5/3) 7^(1/3)) = 0.0263865...
 */
export function ionSphereUnit(mix: Mixture): number {
  return 1 / (Math.pow(mix.z1, 5 / 3) * Math.cbrt(meanZ(mix)));
}

/**
 * Madelung energy of the mixture minus linear mixing, in U_1 (docs/physics.md section 4):
 * U_mad - LM = -zeta (<Z>^(5/3) - <Z^(5/3)>) e^2/a_e. Zero for a pure plasma, positive
 * otherwise (<Z>^(5/3) <= <Z^(5/3)>).
 *
 * @param zeta bcc Madelung constant in Z^2 e^2/a_i (0.895929255682)
 * @example madelungExcess({ z1: 6, z2: 8, x: 0.5 }, 0.895929255682) // 0.0131436...
 */
export function madelungExcess(mix: Mixture, zeta: number): number {
  return (-zeta * (Math.pow(meanZ(mix), 5 / 3) - zMoment(mix, 5 / 3))) / Math.pow(mix.z1, 5 / 3);
}

function checkAlpha(alpha: ArrayLike<number>, sums: LatticeSums): void {
  if (alpha.length > sums.shells.length) {
    throw new RangeError(`${alpha.length} order parameters but only ${sums.shells.length} shells of lattice sums`);
  }
}

/**
 * Correlation energy of the ordered ion placement, in U_1 (paper eq. 5):
 * U_corr = (Z2 - Z1)^2 e^2/2 sum_i (alpha_i - x^2) I_i, I_i = m_i/R_i in 1/a_i.
 * Shells beyond alpha.length have alpha_i = x^2 and contribute nothing.
 *
 * @param alpha order parameters alpha_1..alpha_n (n <= sums.shells.length)
 * @param sums lattice sums (a_i units)
 * @example correlationEnergy(mix, [x*x, x*x], sums) // 0 (random placement)
 */
export function correlationEnergy(mix: Mixture, alpha: ArrayLike<number>, sums: LatticeSums): number {
  checkAlpha(alpha, sums);
  const x2 = mix.x * mix.x;
  let s = 0;
  for (let i = 0; i < alpha.length; i++) s += (alpha[i] - x2) * sums.shells[i].I;
  const dz = mix.z2 - mix.z1;
  return 0.5 * dz * dz * s * ionSphereUnit(mix);
}

/**
 * Static-displacement (shift) energy, in U_1 (paper eq. 6):
 * U_shft = -(Z2 - Z1)^2 e^2/2 [x(1-x) T_0 + sum_i (alpha_i - x^2) T_i], T in 1/a_i.
 * Shells beyond alpha.length have alpha_i = x^2.
 *
 * @example shiftEnergy({ z1: 6, z2: 8, x: 0.5 }, [], sums) // -2 * 0.25 * T0 * ionSphereUnit(mix)
 */
export function shiftEnergy(mix: Mixture, alpha: ArrayLike<number>, sums: LatticeSums): number {
  checkAlpha(alpha, sums);
  const { x } = mix;
  const x2 = x * x;
  let s = x * (1 - x) * sums.T0;
  for (let i = 0; i < alpha.length; i++) s += (alpha[i] - x2) * sums.shells[i].T;
  const dz = mix.z2 - mix.z1;
  return -0.5 * dz * dz * s * ionSphereUnit(mix);
}

/**
 * Electrostatic energy of the fully disordered crystal, in U_1 (paper text after eq. 9,
 * docs/physics.md section 4): U_rnd = U_mad + U_shft(alpha_i = x^2)
 * = (U_mad - LM) - (Z2 - Z1)^2/2 x(1-x) T_0 e^2/a_i.
 *
 * @example randomEnergy({ z1: 6, z2: 8, x: 0.5 }, sums) // 0.0131436 - 2 * 0.25 * T0 * 0.0263865 = 0.0012455 (T0 = 0.90183)
 */
export function randomEnergy(mix: Mixture, sums: LatticeSums): number {
  return madelungExcess(mix, sums.zeta) + shiftEnergy(mix, [], sums);
}

/**
 * Full electrostatic energy of a short-range-ordered crystal, in U_1:
 * U = (U_mad - LM) + U_corr + U_shft (eqs. 5-6).
 *
 * @example electrostaticEnergy(mix, [x*x], sums) === randomEnergy(mix, sums)
 */
export function electrostaticEnergy(mix: Mixture, alpha: ArrayLike<number>, sums: LatticeSums): number {
  return madelungExcess(mix, sums.zeta) + correlationEnergy(mix, alpha, sums) + shiftEnergy(mix, alpha, sums);
}

/**
 * Per-shell linear coefficients g_i (in U_1) of the ordered-placement energy:
 * U_corr + U_shft = U_shft(alpha = x^2) + sum_i g_i (alpha_i - x^2), with
 * g_i = (Z2 - Z1)^2/2 (I_i - T_i) e^2/a_i (eqs. 5-6). Used by the minimizer.
 *
 * @param n number of order parameters (<= sums.shells.length)
 * @returns Float64Array of length n
 * @example linearCoefficients({ z1: 6, z2: 8, x: 0.5 }, sums, 1)[0] // 2 * (I_1 - T_1) * 0.0263865 = 0.0060636 (I_1 - T_1 = 0.1149)
 */
export function linearCoefficients(mix: Mixture, sums: LatticeSums, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || n > sums.shells.length) {
    throw new RangeError(`shell count ${n} outside 0..${sums.shells.length}`);
  }
  const dz = mix.z2 - mix.z1;
  const scale = 0.5 * dz * dz * ionSphereUnit(mix);
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = scale * (sums.shells[i].I - sums.shells[i].T);
  return g;
}
