import type { Mixture } from '../mixture/composition.js';
import { mixingEntropy, mixingEntropyZ } from '../mixture/entropy.js';
import type { SolidModelResult } from './types.js';

/** Options of {@link ogataSolid}. */
export interface OgataOptions {
  /** Residual entropy: 'smix' (eq. 10, model 'ogata', default) or 'smixz' (eq. 11, model 'ogata-smixz'). */
  entropy?: 'smix' | 'smixz';
}

/**
 * Ogata et al. (1993) fit to the deviation from linear mixing of the binary crystal energy,
 * in U_1 (docs/physics.md section 8): dU/U_1 = x(1-x) dG(x), R = Z2/Z1, s = sqrt(x),
 * dG = C_R / [1 + 27(R-1)/(1+0.1(R-1)) s (s-0.3)(s-0.7)(s-1)],
 * C_R = 0.05 (R-1)^2 / [(1 + 0.64(R-1)) (1 + 0.5(R-1)^2)].
 *
 * @example ogataEnergy({ z1: 6, z2: 8, x: 0.5 }) // 0.25 * dG(0.5) = 0.0010901...
 */
export function ogataEnergy(mix: Mixture): number {
  const { x } = mix;
  const r1 = mix.z2 / mix.z1 - 1;
  const s = Math.sqrt(x);
  const cR = (0.05 * r1 * r1) / ((1 + 0.64 * r1) * (1 + 0.5 * r1 * r1));
  const dG = cR / (1 + ((27 * r1) / (1 + 0.1 * r1)) * s * (s - 0.3) * (s - 0.7) * (s - 1));
  return x * (1 - x) * dG;
}

/**
 * Solid free energy with the Ogata et al. (1993) energy and the residual entropy S_mix
 * (eq. 10, model 'ogata') or S_mixZ (eq. 11, model 'ogata-smixz'): F = dU - T S, in U_1
 * (linear mixing subtracted), T = 1/Gamma_1 (docs/physics.md section 8).
 *
 * @param gamma Gamma_1 > 0
 * @example ogataSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, { entropy: 'smixz' }).model // 'ogata-smixz'
 */
export function ogataSolid(mix: Mixture, gamma: number, options: OgataOptions = {}): SolidModelResult {
  const entropy = options.entropy ?? 'smix';
  const U = ogataEnergy(mix);
  const S = entropy === 'smixz' ? mixingEntropyZ(mix) : mixingEntropy(mix.x);
  return { model: entropy === 'smixz' ? 'ogata-smixz' : 'ogata', F: U - S / gamma, U, S };
}
