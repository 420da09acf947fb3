import type { Mixture } from '../mixture/composition.js';
import { mixingEntropyZ, xlogx } from '../mixture/entropy.js';
import { liquidMixingCorrection } from '../mixture/liquidMixing.js';
import { ocpFreeEnergyDifference, type OcpOptions } from '../ocp/meltingPoint.js';

/** Options of {@link liquidFreeEnergy}: the OCP parameter sets plus the ideal-mixing term. */
export interface LiquidOptions extends OcpOptions {
  /**
   * Ideal mixing term of the liquid (docs/physics.md section 7; docs/solidus-offset.md):
   * - 'smixz' (default): -S_mixZ/N (eq. 11) = x ln x + (1-x) ln(1-x) + <ln Z> - ln<Z>, the
   *   ideal-gas mixing term of ions at their true partial densities n_j = x_j n_e/<Z> relative
   *   to the pure plasmas at the same n_e (linear mixing applied to the excess free energies only);
   * - 'smix' (variant): + x ln x + (1-x) ln(1-x) = -S_mix/N (eq. 10), each species built at its
   *   pure-plasma density n_e/Z_j.
   */
  idealMixing?: 'smix' | 'smixz';
}

/**
 * Liquid free energy per ion on the paper's scale (solid linear-mixing thermal and
 * Madelung terms subtracted), in U_1 = Z1^(5/3) e^2/a_e (docs/physics.md section 7):
 *   F_liq/(N T) = (1-x) Phi(Gamma_1) + x Phi(Gamma_2) + df - S_mixZ/N,
 * Gamma_2 = Gamma_1 (Z2/Z1)^(5/3), and F_liq/(N U_1) = that / Gamma_1.
 * Zero for pure Z1 (x = 0) at Gamma_1 = Gamma_1m; 0 ln 0 = 0 at the ends.
 *
 * @param mix mixture (0 <= x <= 1)
 * @param gamma Gamma_1 > 0
 * @param options OCP parameter sets (defaults: the paper's) and the ideal-mixing term (default 'smixz')
 * @example liquidFreeEnergy({ z1: 6, z2: 8, x: 0 }, 175.71893518) // ~0
 */
export function liquidFreeEnergy(mix: Mixture, gamma: number, options: LiquidOptions = {}): number {
  const { x } = mix;
  const gamma2 = gamma * Math.pow(mix.z2 / mix.z1, 5 / 3);
  const phi1 = x === 1 ? 0 : (1 - x) * ocpFreeEnergyDifference(gamma, options);
  const phi2 = x === 0 ? 0 : x * ocpFreeEnergyDifference(gamma2, options);
  const ideal = options.idealMixing === 'smix' ? xlogx(x) + xlogx(1 - x) : -mixingEntropyZ(mix);
  const perT = phi1 + phi2 + liquidMixingCorrection(mix, gamma) + ideal;
  return perT / gamma;
}
