import type { LatticeSums } from '../latticeSums/types.js';
import type { Mixture } from '../mixture/composition.js';
import { randomEnergy } from '../mixture/electrostatic.js';
import { mixingEntropy } from '../mixture/entropy.js';
import type { SolidModelResult } from './types.js';

/**
 * Fully disordered ("random") binary bcc crystal (paper eqs. 6, 10; docs/physics.md section 8):
 * F = U_rnd - T S_mix per ion in U_1 (linear mixing subtracted), T = 1/Gamma_1.
 *
 * @param mix mixture (0 <= x <= 1)
 * @param gamma Gamma_1 = U_1/T > 0
 * @param sums lattice sums (zeta, T_0 used)
 * @example randomSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, sums).F // U_rnd - ln 2/175.719
 */
export function randomSolid(mix: Mixture, gamma: number, sums: LatticeSums): SolidModelResult {
  const U = randomEnergy(mix, sums);
  const S = mixingEntropy(mix.x);
  return { model: 'random', F: U - S / gamma, U, S };
}
