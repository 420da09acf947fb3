import type { Mixture } from '../mixture/composition.js';
import { mixingEntropyZ, xlogx } from '../mixture/entropy.js';
import { liquidMixingCorrection } from '../mixture/liquidMixing.js';
import { ocpFreeEnergyDifference } from '../ocp/meltingPoint.js';
import { ogataEnergy } from './ogata.js';
import type { SolidModelResult } from './types.js';

/*
 * Medin & Cumming (2010), Phys. Rev. E 81, 036107: the C/O phase diagram the paper compares its
 * "Ogata + S_mixZ" banana with (docs/physics.md section 15). Per ion per kT, relative to the
 * linear-mixed solid, with species 1 the lighter one, Gamma_2 = Gamma_1 (Z2/Z1)^(5/3):
 *   liquid: x1 df(Gamma_1) + x2 df(Gamma_2) + Smix,   solid: Gamma_1 x1 x2 dG_Ogata + Smix,
 *   Smix = x1 ln(x1/(x1 + x2 R)) + x2 ln(x2 R/(x1 + x2 R)) = -S_mixZ/N (eq. 11), R = Z2/Z1.
 */

/** Their pure-C melting point Gamma_crit (the temperatures of their diagram are T/T_mC = 178.6/Gamma_1). */
export const MC2010_GAMMA_CRIT = 178.6;

/**
 * Medin & Cumming's fit of the OCP free-energy difference f_liq - f_sol per ion per kT (their
 * eq. 9), with the linear continuations they use outside 100 <= Gamma <= 200.
 *
 * @example mc2010OcpDifference(178.6) // ~0 (their melting point)
 */
export function mc2010OcpDifference(gamma: number): number {
  if (gamma < 100) return -0.3683 + 0.00458 * (gamma - 100);
  if (gamma > 200) return 0.09384 + 0.00428 * (gamma - 200);
  return -0.003243 * gamma + 1.8645 * Math.pow(gamma, 0.32301) - 1.7748 * Math.log(gamma) - 0.2316 + 10.84 / gamma;
}

/** The ingredients of a liquid free energy, switchable one at a time (for the comparison of causes). */
export interface LiquidIngredients {
  /** OCP difference f_liq - f_sol: 'pc2000' (this package, docs/physics.md section 7) or 'mc2010' (their eq. 9). */
  ocp: 'pc2000' | 'mc2010';
  /** Include the Potekhin et al. (2009) liquid-mixture correction df (docs/physics.md section 7). */
  correction: boolean;
  /** Ideal term: 'smixz' = -S_mixZ/N (eq. 11), 'smix' = -S_mix/N (eq. 10). */
  idealMixing: 'smix' | 'smixz';
}

/** Medin & Cumming's liquid: their OCP fit, no mixture correction, -S_mixZ. */
export const MC2010_LIQUID: LiquidIngredients = { ocp: 'mc2010', correction: false, idealMixing: 'smixz' };
/** This package's default liquid (docs/physics.md section 7) written as ingredients. */
export const DEFAULT_LIQUID: LiquidIngredients = { ocp: 'pc2000', correction: true, idealMixing: 'smixz' };

/**
 * Liquid free energy per ion in U_1 (linear-mixed solid subtracted) from its ingredients:
 * F/(N T) = (1-x) df(Gamma_1) + x df(Gamma_2) [+ df_mix] + ideal term, F/U_1 = that / Gamma_1.
 * With DEFAULT_LIQUID it equals liquidFreeEnergy(mix, gamma) with idealMixing 'smixz'.
 *
 * @example composedLiquid({ z1: 6, z2: 8, x: 0 }, 178.6, MC2010_LIQUID) // ~0
 */
export function composedLiquid(mix: Mixture, gamma: number, parts: LiquidIngredients): number {
  const { x } = mix;
  const ocp = parts.ocp === 'mc2010' ? mc2010OcpDifference : (g: number) => ocpFreeEnergyDifference(g);
  const gamma2 = gamma * Math.pow(mix.z2 / mix.z1, 5 / 3);
  const phi = (x === 1 ? 0 : (1 - x) * ocp(gamma)) + (x === 0 ? 0 : x * ocp(gamma2));
  const correction = parts.correction ? liquidMixingCorrection(mix, gamma) : 0;
  const ideal = parts.idealMixing === 'smixz' ? -mixingEntropyZ(mix) : xlogx(x) + xlogx(1 - x);
  return (phi + correction + ideal) / gamma;
}

/**
 * Medin & Cumming's liquid free energy per ion, U_1 (docs/physics.md section 15).
 *
 * @example mc2010Liquid({ z1: 6, z2: 8, x: 0.5 }, 178.6)
 */
export function mc2010Liquid(mix: Mixture, gamma: number): number {
  return composedLiquid(mix, gamma, MC2010_LIQUID);
}

/**
 * Medin & Cumming's solid: the Ogata et al. (1993) energy with -S_mixZ, F = dU - T S_mixZ in U_1,
 * T = 1/Gamma_1 (the same curve as this package's 'ogata-smixz' solid, docs/physics.md section 8).
 *
 * @example mc2010Solid({ z1: 6, z2: 8, x: 0.5 }, 178.6).model // 'mc2010'
 */
export function mc2010Solid(mix: Mixture, gamma: number): SolidModelResult {
  const U = ogataEnergy(mix);
  const S = mixingEntropyZ(mix);
  return { model: 'mc2010', F: U - S / gamma, U, S };
}
