import { DomainError } from '../errors.js';
import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { multiLiquid } from './liquid.js';
import type { FirstSolidOptions, PhaseFactory } from './liquidus.js';
import type { PhaseFunction } from './phase.js';
import { multiRandomSolid } from './random.js';
import { multiSroPhase } from './sroPhase.js';

/** Solid models for c species. */
export type MultiSolidModel = 'random' | 'sro';
export const MULTI_SOLID_MODELS: readonly MultiSolidModel[] = ['random', 'sro'];

/** The liquid and a solid model of section 13 as phase factories (charges, Gamma_1) -> free energy. */
export interface MultiModels {
  model: MultiSolidModel;
  liquid: PhaseFactory;
  solid: PhaseFactory;
  /** A cheaper solid that starts searches (the random solid, for 'sro'). */
  seed?: PhaseFactory;
  /** Options for firstSolid with this model (SRO: random-solid seed, coarser global grid check). */
  liquidusOptions: FirstSolidOptions;
}

/**
 * The c-species liquid and the named solid (docs/physics.md section 13). The SRO solid is one
 * certified minimization per composition (src/multi/sroSolid.ts), cached per (charges, Gamma).
 *
 * @example const { liquid, solid } = await multiModels('random'); solid([6, 8, 10], 175).f([0.5, 0.4, 0.1])
 */
export async function multiModels(model: MultiSolidModel): Promise<MultiModels> {
  if (model !== 'random' && model !== 'sro') throw new DomainError(`solid model must be one of ${MULTI_SOLID_MODELS.join(', ')}, got '${model}'`);
  const sums = await getLatticeSums(8);
  const random: PhaseFactory = (z, g) => multiRandomSolid(z, g, sums);
  const liquid: PhaseFactory = (z, g) => multiLiquid(z, g);
  if (model === 'random') return { model, liquid, solid: random, liquidusOptions: {} };
  // SRO: one phase per (charges, Gamma), all sharing the warm start; the random solid seeds searches.
  const phases = new Map<string, PhaseFunction>();
  const shared = {};
  const solid: PhaseFactory = (z, g) => {
    const key = `${z.join(',')}|${g}`;
    let p = phases.get(key);
    if (!p) {
      if (phases.size > 64) phases.clear();
      p = multiSroPhase(z, g, sums, {}, shared);
      phases.set(key, p);
    }
    return p;
  };
  return { model, liquid, solid, seed: random, liquidusOptions: { seed: random, gridN: 10 } };
}
