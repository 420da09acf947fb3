import type { LatticeSums } from '../latticeSums/types.js';
import { referenceCharge, type Moments } from './composition.js';
import { add, div, powc, scale, sub, type Dual } from './dual.js';
import { separablePhase, type PhaseFunction } from './phase.js';

/**
 * Electrostatic energy of the disordered c-species bcc crystal per ion in U_1 (linear mixing
 * subtracted; docs/physics.md section 13):
 *   U_rnd = -zeta (<Z>^(5/3) - <Z^(5/3)>)/Z_1^(5/3) - Var(Z) T_0 / (2 Z_1^(5/3) <Z>^(1/3)).
 *
 * @example randomEnergyMoments(chargeMoments([6, 8], [0.5, 0.5]), 6, sums).v // 0.0012455...
 */
export function randomEnergyMoments(m: Moments, zr: number, sums: Pick<LatticeSums, 'zeta' | 'T0'>): Dual {
  const u1 = Math.pow(zr, 5 / 3);
  const mad = scale(sub(powc(m.m1, 5 / 3), m.m53), -sums.zeta / u1);
  const shift = scale(div(m.variance, powc(m.m1, 1 / 3)), (-0.5 * sums.T0) / u1);
  return add(mad, shift);
}

/**
 * Disordered ("random") solid of c species, per ion in units of T (section 13):
 * f = Gamma_1 U_rnd - S_mix, S_mix = -sum_a x_a ln x_a.
 *
 * @example multiRandomSolid([6, 8, 10], 175, sums).f([0.5, 0.49, 0.01])
 */
export function multiRandomSolid(z: readonly number[], gamma: number, sums: Pick<LatticeSums, 'zeta' | 'T0'>): PhaseFunction {
  const zr = referenceCharge(z);
  return separablePhase('random', z, gamma, z.map(() => 0), (m) => scale(randomEnergyMoments(m, zr, sums), gamma));
}
