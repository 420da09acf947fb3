import { assertFinite, checkGamma, checkInteger, checkMixture, checkNumber } from '../domain.js';
import { DomainError } from '../errors.js';
import type { LatticeSums } from '../latticeSums/types.js';
import type { Mixture } from '../mixture/composition.js';
import * as E from '../mixture/electrostatic.js';
import * as S from '../mixture/entropy.js';
import { liquidMixingCorrection as liquidMixingImpl } from '../mixture/liquidMixing.js';
import { zMoment as zMomentImpl, meanZ as meanZImpl } from '../mixture/composition.js';
import { checkSums } from './checks.js';

/**
 * The mixture energies and entropies of the public API with their arguments checked
 * (mixtures: integer charges 1 <= Z1 < Z2 <= 100, 0 <= x <= 1; order parameters finite, at
 * most as many as the lattice sums have shells). Units as in src/mixture/.
 */

function checkAlpha(alpha: unknown, sums: LatticeSums): ArrayLike<number> {
  const a = alpha as ArrayLike<number>;
  if (a === null || typeof a !== 'object' || typeof a.length !== 'number') throw new DomainError('alpha must be an array of order parameters');
  if (a.length > sums.shells.length) throw new DomainError(`alpha has ${a.length} entries, the sums only ${sums.shells.length} shells`);
  for (let i = 0; i < a.length; i++) checkNumber(`alpha_${i + 1}`, a[i], 0, 1);
  return a;
}

const mixOnly = <R>(name: string, f: (m: Mixture) => R) => (mix: Mixture): R => {
  checkMixture(mix, { closed: true });
  const r = f(mix);
  if (typeof r === 'number') assertFinite(name, r);
  return r;
};

/** <Z^p> = (1 - x) Z1^p + x Z2^p for -10 <= p <= 10. @example zMoment({ z1: 6, z2: 8, x: 0.5 }, 2) // 50 */
export function zMoment(mix: Mixture, p: number): number {
  checkMixture(mix, { closed: true });
  checkNumber('p', p, -10, 10);
  return assertFinite('zMoment', zMomentImpl(mix, p));
}
/** <Z> = (1 - x) Z1 + x Z2. @example meanZ({ z1: 6, z2: 8, x: 0.5 }) // 7 */
export const meanZ = mixOnly('meanZ', meanZImpl);
/** e^2/a_i in U_1 for the mixture (docs/physics.md section 4). */
export const ionSphereUnit = mixOnly('ionSphereUnit', E.ionSphereUnit);
/** Deviation of the Madelung energy from linear mixing, U_1 per ion (eq. 5). */
export function madelungExcess(mix: Mixture, zeta: number): number {
  checkMixture(mix, { closed: true });
  checkNumber('zeta', zeta, 0.8, 1);
  return assertFinite('madelungExcess', E.madelungExcess(mix, zeta));
}
/** U_corr of the order parameters alpha, U_1 per ion (eq. 6). */
export function correlationEnergy(mix: Mixture, alpha: ArrayLike<number>, sums: LatticeSums): number {
  checkMixture(mix, { closed: true });
  checkSums(sums);
  return assertFinite('correlationEnergy', E.correlationEnergy(mix, checkAlpha(alpha, sums), sums));
}
/** U_shft of the order parameters alpha, U_1 per ion (eq. A.4 context). */
export function shiftEnergy(mix: Mixture, alpha: ArrayLike<number>, sums: LatticeSums): number {
  checkMixture(mix, { closed: true });
  checkSums(sums);
  return assertFinite('shiftEnergy', E.shiftEnergy(mix, checkAlpha(alpha, sums), sums));
}
/** Electrostatic energy of the disordered solid, U_1 per ion (eq. 6 with alpha_i = x^2). */
export function randomEnergy(mix: Mixture, sums: LatticeSums): number {
  checkMixture(mix, { closed: true });
  return assertFinite('randomEnergy', E.randomEnergy(mix, checkSums(sums)));
}
/** Electrostatic energy U_mad - LM + U_corr + U_shft of alpha, U_1 per ion (eqs. 5-6). */
export function electrostaticEnergy(mix: Mixture, alpha: ArrayLike<number>, sums: LatticeSums): number {
  checkMixture(mix, { closed: true });
  checkSums(sums);
  return assertFinite('electrostaticEnergy', E.electrostaticEnergy(mix, checkAlpha(alpha, sums), sums));
}
/** Linear coefficients g_i of the energy in alpha_i, U_1 per ion, for n shells. */
export function linearCoefficients(mix: Mixture, sums: LatticeSums, n: number): Float64Array {
  checkMixture(mix, { closed: true });
  checkSums(sums);
  checkInteger('n', n, 1, sums.shells.length);
  return E.linearCoefficients(mix, sums, n);
}
/** S_mix = -x ln x - (1 - x) ln(1 - x), k_B per ion (eq. 10), 0 <= x <= 1. */
export function mixingEntropy(x: number): number {
  checkNumber('x', x, 0, 1);
  return S.mixingEntropy(x);
}
/** S_mixZ (eq. 11), k_B per ion. */
export const mixingEntropyZ = mixOnly('mixingEntropyZ', S.mixingEntropyZ);
/** Entropy decrement of one shell with order parameter a (eq. A.3), k_B per ion; max(0, 2x - 1) <= a <= x. */
export function shellEntropyDecrement(x: number, a: number): number {
  checkNumber('x', x, 0, 1);
  checkNumber('a', a, Math.max(0, 2 * x - 1), x);
  return assertFinite('shellEntropyDecrement', S.shellEntropyDecrement(x, a));
}
/** Residual entropy of the ordered solid (eq. A.4), k_B per ion. */
export function orderedEntropy(x: number, alpha: ArrayLike<number>, m: ArrayLike<number>): number {
  checkNumber('x', x, 0, 1);
  if (!alpha || !m || alpha.length !== m.length) throw new DomainError('alpha and m must be arrays of the same length');
  for (let i = 0; i < alpha.length; i++) {
    checkNumber(`alpha_${i + 1}`, alpha[i], Math.max(0, 2 * x - 1), x);
    checkNumber(`m_${i + 1}`, m[i], 1, 1e6);
  }
  return assertFinite('orderedEntropy', S.orderedEntropy(x, alpha, m));
}
/** Deviation of the liquid's excess free energy from linear mixing, units of T per ion. */
export function liquidMixingCorrection(mix: Mixture, gamma: number): number {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  return assertFinite('liquidMixingCorrection', liquidMixingImpl(mix, gamma));
}
