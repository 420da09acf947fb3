import type { LatticeSums } from '../latticeSums/types.js';
import { meanZ, type Mixture } from '../mixture/composition.js';
import { liquidMixingCorrection } from '../mixture/liquidMixing.js';
import { ocpFreeEnergyDifference } from '../ocp/meltingPoint.js';
import type { LiquidOptions } from './liquid.js';

/*
 * Composition derivatives dF/dx (U_1 per ion, x = number fraction of Z2) of the closed-form
 * models, for the common-tangent construction (docs/physics.md section 9). They stay accurate
 * when x or 1 - x is tiny (down to 1e-300): the logarithms are analytic, and nothing is formed
 * as the difference of two O(1) free energies (a finite difference of F itself loses every digit
 * of the x ln x term once x << 1e-16).
 */

/*
 * Every slope here has the form dF/dx = smooth(x) + T ln(x/(1-x)), T = 1/Gamma_1 (the logarithm
 * comes from x ln x + (1-x) ln(1-x)); the `...Smooth` functions return the smooth part, which the
 * tangent construction combines with u = logit x itself (src/phase/commonTangent.ts).
 */

/** d/dx of the ideal-mixing part: -dS_mix/dx = ln(x/(1-x)) (eq. 10). */
function dNegSmix(x: number): number {
  return Math.log(x) - Math.log1p(-x);
}

/** Smooth part of d/dx of -S_mixZ/N = x ln x + (1-x) ln(1-x) + <ln Z> - ln<Z> (eq. 11): ln(Z2/Z1) - (Z2-Z1)/<Z>. */
function dNegSmixZExtra(mix: Mixture): number {
  const { z1, z2 } = mix;
  return Math.log(z2 / z1) - (z2 - z1) / meanZ(mix);
}

/** Central difference of g with a step relative to the distance from the nearer end (g smooth, g(0) = g(1) = 0). */
function relativeDerivative(g: (x: number) => number, x: number): number {
  const h = 1e-4 * Math.min(x, 1 - x, 0.1);
  return (g(x + h) - g(x - h)) / (2 * h);
}

/**
 * dF_liq/dx in U_1 (docs/physics.md section 7): [Phi(Gamma_2) - Phi(Gamma_1) + d(df)/dx +
 * d(ideal)/dx] / Gamma_1. d(df)/dx is a central difference with a step relative to min(x, 1 - x):
 * df vanishes at both ends and is computed to full relative precision there.
 *
 * @example liquidSlope({ z1: 6, z2: 8, x: 1e-200 }, 170) // ~ (ln 1e-200 + ...)/170
 */
export function liquidSlope(mix: Mixture, gamma: number, options: LiquidOptions = {}): number {
  return liquidSlopeSmooth(mix, gamma, options) + dNegSmix(mix.x) / gamma;
}

/** Smooth part of {@link liquidSlope} (without T ln(x/(1-x))), U_1. */
export function liquidSlopeSmooth(mix: Mixture, gamma: number, options: LiquidOptions = {}): number {
  const gamma2 = gamma * Math.pow(mix.z2 / mix.z1, 5 / 3);
  const dPhi = ocpFreeEnergyDifference(gamma2, options) - ocpFreeEnergyDifference(gamma, options);
  const dDf = relativeDerivative((t) => liquidMixingCorrection({ ...mix, x: t }, gamma), mix.x);
  const extra = options.idealMixing === 'smix' ? 0 : dNegSmixZExtra(mix);
  return (dPhi + dDf + extra) / gamma;
}

/**
 * dU_rnd/dx in U_1 (docs/physics.md section 4, alpha_i = x^2):
 * U_rnd Z1^(5/3) = -zeta (<Z>^(5/3) - <Z^(5/3)>) - (Z2-Z1)^2/2 x(1-x) T_0 <Z>^(-1/3).
 *
 * @example randomEnergySlope({ z1: 6, z2: 8, x: 0.5 }, sums) // ~0 (symmetric to first order)
 */
export function randomEnergySlope(mix: Mixture, sums: LatticeSums): number {
  const { z1, z2, x } = mix;
  const dz = z2 - z1;
  const z = meanZ(mix);
  const dMad = -sums.zeta * ((5 / 3) * Math.pow(z, 2 / 3) * dz - (Math.pow(z2, 5 / 3) - Math.pow(z1, 5 / 3)));
  const dShift = -0.5 * dz * dz * sums.T0 * ((1 - 2 * x) / Math.cbrt(z) - (x * (1 - x) * dz) / (3 * Math.pow(z, 4 / 3)));
  return (dMad + dShift) / Math.pow(z1, 5 / 3);
}

/** dF/dx of the random solid U_rnd - T S_mix, U_1 (eqs. 6, 10). */
export function randomSolidSlope(mix: Mixture, gamma: number, sums: LatticeSums): number {
  return randomEnergySlope(mix, sums) + dNegSmix(mix.x) / gamma;
}

/**
 * d(dU)/dx of the Ogata et al. (1993) fit dU/U_1 = x(1-x) dG(sqrt x) (docs/physics.md section 8):
 * (1-2x) dG - (1-x) s C_R k P'(s) / (2 (1 + k P)^2), P = s(s-0.3)(s-0.7)(s-1) = w(w + 0.21),
 * w = s^2 - s, k = 27(R-1)/(1+0.1(R-1)); finite at x -> 0 (the 1/sqrt(x) of ds/dx cancels).
 */
export function ogataEnergySlope(mix: Mixture): number {
  const { x } = mix;
  const r1 = mix.z2 / mix.z1 - 1;
  const s = Math.sqrt(x);
  const cR = (0.05 * r1 * r1) / ((1 + 0.64 * r1) * (1 + 0.5 * r1 * r1));
  const k = (27 * r1) / (1 + 0.1 * r1);
  const w = s * s - s;
  const P = w * (w + 0.21);
  const dP = (2 * w + 0.21) * (2 * s - 1);
  const den = 1 + k * P;
  return (1 - 2 * x) * (cR / den) - ((1 - x) * s * cR * k * dP) / (2 * den * den);
}

/** dF/dx of the Ogata solid with S_mix ('smix') or S_mixZ ('smixz') residual entropy, U_1 (eqs. 10, 11). */
export function ogataSolidSlope(mix: Mixture, gamma: number, entropy: 'smix' | 'smixz' = 'smix'): number {
  return ogataSolidSlopeSmooth(mix, gamma, entropy) + dNegSmix(mix.x) / gamma;
}

/** Smooth part of {@link ogataSolidSlope} (without T ln(x/(1-x))), U_1. */
export function ogataSolidSlopeSmooth(mix: Mixture, gamma: number, entropy: 'smix' | 'smixz' = 'smix'): number {
  return ogataEnergySlope(mix) + (entropy === 'smixz' ? dNegSmixZExtra(mix) / gamma : 0);
}
