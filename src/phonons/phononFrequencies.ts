import { FOUR_PI_N } from '../lattice/constants.js';
import { latticeKernel } from '../kernels/latticeKernel.js';
import { symmetricEigenvalues3 } from './symmetricEigenvalues3.js';

/**
 * Phonon frequencies omega_ks / omega_p (s = 1..3, ascending) of the bcc Coulomb crystal at
 * wave vector k (1/a_i), from the eigenvalues of the same Ewald D(k) as the T_i integrals:
 * lambda_ks = (omega_ks/omega_p)^2 * 4 pi n (docs/physics.md section 3).
 *
 * @example phononFrequencies([0.5, 0.2, 0.1]) // three numbers whose squares sum to 1
 */
export function phononFrequencies(k: ArrayLike<number>, eta = 0.9): [number, number, number] {
  const { D } = latticeKernel({ eta, shells: 0 }).dynamical(k);
  return symmetricEigenvalues3(D).map((l) => Math.sqrt(Math.max(l, 0) / FOUR_PI_N)) as [number, number, number];
}
