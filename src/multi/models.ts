import { DomainError } from '../errors.js';
import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { multiLiquid } from './liquid.js';
import type { PhaseFactory } from './liquidus.js';
import { multiRandomSolid } from './random.js';

/** Solid models for c species. */
export type MultiSolidModel = 'random' | 'sro';
export const MULTI_SOLID_MODELS: readonly MultiSolidModel[] = ['random', 'sro'];

/** The liquid and a solid model of section 13 as phase factories (charges, Gamma_1) -> free energy. */
export interface MultiModels {
  model: MultiSolidModel;
  liquid: PhaseFactory;
  solid: PhaseFactory;
}

/**
 * The c-species liquid and the named solid (docs/physics.md section 13). The SRO solid for
 * c > 2 species is not available in this version: asking for it is a DomainError.
 *
 * @example const { liquid, solid } = await multiModels('random'); solid([6, 8, 10], 175).f([0.5, 0.4, 0.1])
 */
export async function multiModels(model: MultiSolidModel): Promise<MultiModels> {
  if (model === 'sro') {
    throw new DomainError("the short-range-ordered solid for three or more species is not available yet; use --model random");
  }
  if (model !== 'random') throw new DomainError(`solid model must be one of ${MULTI_SOLID_MODELS.join(', ')}, got '${model}'`);
  const sums = await getLatticeSums(8);
  return { model, liquid: (z, g) => multiLiquid(z, g), solid: (z, g) => multiRandomSolid(z, g, sums) };
}
