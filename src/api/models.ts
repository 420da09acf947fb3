import { assertFinite, checkChoice, checkGamma, checkMixture, checkNumber, checkOptions } from '../domain.js';
import type { LatticeSums } from '../latticeSums/types.js';
import type { Mixture } from '../mixture/composition.js';
import { liquidFreeEnergy as liquidImpl, type LiquidOptions } from '../models/liquid.js';
import { ogataEnergy as ogataEnergyImpl, ogataSolid as ogataImpl, type OgataOptions } from '../models/ogata.js';
import { randomSolid as randomImpl } from '../models/random.js';
import type { SolidModelResult } from '../models/types.js';
import { meltingGamma as meltingImpl, ocpFreeEnergyDifference, type MeltingOptions } from '../ocp/meltingPoint.js';
import { DomainError } from '../errors.js';
import { ocpLiquidFreeEnergy as ocpLiquidImpl, type LiquidFitOptions } from '../ocp/liquidFreeEnergy.js';
import { ocpSolidFreeEnergy as ocpSolidImpl, type SolidFitOptions } from '../ocp/solidFreeEnergy.js';
import { checkIdealMixing, checkOcpOptions, checkSums } from './checks.js';
import {
  composedLiquid as composedLiquidImpl, mc2010Liquid as mc2010LiquidImpl, mc2010OcpDifference as mc2010OcpImpl, mc2010Solid as mc2010SolidImpl, type LiquidIngredients,
} from '../models/mc2010.js';

/**
 * The public free-energy models with their arguments checked (src/domain.ts): integer
 * charges 1 <= Z1 < Z2 <= 100, 0 <= x <= 1, 1 <= Gamma <= 1e4, known option keys and values.
 * Bad input is a DomainError; the results are finite.
 */

function finiteModel(r: SolidModelResult): SolidModelResult {
  assertFinite(`${r.model}: F`, r.F);
  assertFinite(`${r.model}: U`, r.U);
  assertFinite(`${r.model}: S`, r.S);
  return r;
}

/**
 * Disordered bcc solid (paper eqs. 6, 10): F = U_rnd - T S_mix per ion in U_1 (linear mixing
 * subtracted), T = 1/Gamma_1.
 *
 * @example randomSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, await getLatticeSums(8)).F
 */
export function randomSolid(mix: Mixture, gamma: number, sums: LatticeSums): SolidModelResult {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  checkSums(sums);
  return finiteModel(randomImpl(mix, gamma, sums));
}

/**
 * Ogata et al. (1993) solid with entropy S_mix ('smix', default) or S_mixZ ('smixz'), U_1 per ion.
 *
 * @example ogataSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, { entropy: 'smixz' }).F
 */
export function ogataSolid(mix: Mixture, gamma: number, options?: OgataOptions): SolidModelResult {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  const o = checkOptions('ogataSolid options', options, ['entropy']);
  if (o.entropy !== undefined) checkChoice('entropy', o.entropy, ['smix', 'smixz']);
  return finiteModel(ogataImpl(mix, gamma, options));
}

/** Ogata et al. (1993) deviation from linear mixing of the solid's energy, U_1 per ion. @example ogataEnergy({ z1: 6, z2: 8, x: 0.5 }) */
export function ogataEnergy(mix: Mixture): number {
  checkMixture(mix, { closed: true });
  return assertFinite('ogataEnergy', ogataEnergyImpl(mix));
}

/**
 * Liquid free energy per ion in U_1 on the paper's scale (docs/physics.md section 7).
 *
 * @example liquidFreeEnergy({ z1: 6, z2: 8, x: 0.5 }, 175.719)
 */
export function liquidFreeEnergy(mix: Mixture, gamma: number, options?: LiquidOptions): number {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  checkOcpOptions('liquidFreeEnergy options', options, ['idealMixing']);
  checkIdealMixing('idealMixing', options?.idealMixing);
  return assertFinite('liquidFreeEnergy', liquidImpl(mix, gamma, options));
}

/** One-component plasma liquid free energy per ion in units of T at coupling Gamma (1..1e4 x 100^(5/3)). */
export function ocpLiquidFreeEnergy(gamma: number, options?: LiquidFitOptions): number {
  checkNumber('gamma', gamma, 1e-3, 1e8);
  checkOcpOptions('ocpLiquidFreeEnergy options', options);
  return assertFinite('ocpLiquidFreeEnergy', ocpLiquidImpl(gamma, options));
}

/** One-component plasma bcc solid free energy per ion in units of T at coupling Gamma (1..1e8). */
export function ocpSolidFreeEnergy(gamma: number, options?: SolidFitOptions): number {
  checkNumber('gamma', gamma, 1, 1e8);
  checkOcpOptions('ocpSolidFreeEnergy options', options);
  return assertFinite('ocpSolidFreeEnergy', ocpSolidImpl(gamma, options));
}

/** Melting coupling Gamma_m of the one-component plasma (paper: 175.719). @example meltingGamma() */
export function meltingGamma(options?: MeltingOptions): number {
  checkOcpOptions('meltingGamma options', options, ['bracket', 'tolerance']);
  if (options?.bracket !== undefined) {
    const b = options.bracket;
    if (!Array.isArray(b) || b.length !== 2) throw new DomainError('bracket must be [low, high]');
    checkNumber('bracket[0]', b[0], 1, 1e4);
    checkNumber('bracket[1]', b[1], b[0], 1e4);
    if (ocpFreeEnergyDifference(b[0], options) * ocpFreeEnergyDifference(b[1], options) > 0) {
      throw new DomainError(`bracket [${b[0]}, ${b[1]}] does not contain the melting point (f_liq - f_sol has one sign there)`);
    }
  }
  if (options?.tolerance !== undefined) checkNumber('tolerance', options.tolerance, 1e-14, 1);
  return assertFinite('meltingGamma', meltingImpl(options));
}

/**
 * Medin & Cumming (2010) liquid, per ion in U_1 (src/models/mc2010.ts), arguments checked as
 * for {@link liquidFreeEnergy}.
 *
 * @example mc2010Liquid({ z1: 6, z2: 8, x: 0.5 }, 178.6)
 */
export function mc2010Liquid(mix: Mixture, gamma: number): number {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  return assertFinite('mc2010Liquid', mc2010LiquidImpl(mix, gamma));
}

/** Medin & Cumming (2010) solid (Ogata energy, -T S_mixZ), U_1 per ion. @example mc2010Solid({ z1: 6, z2: 8, x: 0.5 }, 178.6).F */
export function mc2010Solid(mix: Mixture, gamma: number): SolidModelResult {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  return finiteModel(mc2010SolidImpl(mix, gamma));
}

/** Medin & Cumming's one-component liquid-minus-solid free energy, units of T, at coupling 1 <= Gamma <= 1e8. */
export function mc2010OcpDifference(gamma: number): number {
  checkNumber('gamma', gamma, 1, 1e8);
  return assertFinite('mc2010OcpDifference', mc2010OcpImpl(gamma));
}

/** A liquid composed of named ingredients (src/models/mc2010.ts), arguments checked. */
export function composedLiquid(mix: Mixture, gamma: number, parts: LiquidIngredients): number {
  checkMixture(mix, { closed: true });
  checkGamma(gamma);
  const p = checkOptions('composedLiquid parts', parts, ['ocp', 'correction', 'idealMixing']) as Record<string, unknown>;
  checkChoice('parts.ocp', p.ocp, ['pc2000', 'mc2010']);
  if (typeof p.correction !== 'boolean') throw new DomainError('parts.correction must be true or false');
  checkIdealMixing('parts.idealMixing', p.idealMixing);
  return assertFinite('composedLiquid', composedLiquidImpl(mix, gamma, parts));
}
