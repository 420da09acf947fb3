import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { liquidFreeEnergy, type LiquidOptions } from '../models/liquid.js';
import { mc2010Liquid, mc2010Solid } from '../models/mc2010.js';
import { ogataSolid } from '../models/ogata.js';
import { randomSolid } from '../models/random.js';
import type { FreeEnergyCurve } from './types.js';

/** Solid models with a fixed microstructure, whose curves are closed-form in x. */
export type FixedSolidModel = 'random' | 'ogata' | 'ogata-smixz' | 'mc2010';
/** Every solid model of the phase-diagram command. */
export type SolidModelName = FixedSolidModel | 'sro';
export const SOLID_MODELS: readonly SolidModelName[] = ['sro', 'random', 'ogata', 'ogata-smixz', 'mc2010'];

/** The liquid curve F_liq(x)/U_1 at fixed Gamma (src/models/liquid.ts; options e.g. idealMixing). */
export function liquidCurve(z1: number, z2: number, gamma: number, options: LiquidOptions = {}): FreeEnergyCurve {
  return { f: (x) => liquidFreeEnergy({ z1, z2, x }, gamma, options) };
}

/**
 * The liquid that goes with a fixed solid model: Medin & Cumming's own liquid for 'mc2010'
 * (src/models/mc2010.ts), this package's liquid (with `options`) for the others.
 */
export function liquidCurveFor(model: FixedSolidModel, z1: number, z2: number, gamma: number, options: LiquidOptions = {}): FreeEnergyCurve {
  return model === 'mc2010' ? { f: (x) => mc2010Liquid({ z1, z2, x }, gamma) } : liquidCurve(z1, z2, gamma, options);
}

/** A fixed-microstructure solid curve F_sol(x)/U_1 at fixed Gamma. `sums` is needed for 'random'. */
export function fixedSolidCurve(
  model: FixedSolidModel,
  z1: number,
  z2: number,
  gamma: number,
  sums?: LatticeSums,
): FreeEnergyCurve {
  switch (model) {
    case 'random': {
      if (!sums) throw new Error('the random solid needs lattice sums');
      return { f: (x) => randomSolid({ z1, z2, x }, gamma, sums).F };
    }
    case 'ogata':
      return { f: (x) => ogataSolid({ z1, z2, x }, gamma, { entropy: 'smix' }).F };
    case 'ogata-smixz':
      return { f: (x) => ogataSolid({ z1, z2, x }, gamma, { entropy: 'smixz' }).F };
    case 'mc2010':
      return { f: (x) => mc2010Solid({ z1, z2, x }, gamma).F };
    default:
      throw new Error(`unknown fixed solid model '${model as string}'`);
  }
}

/** Lattice sums needed by a fixed model (only zeta and T_0 matter for 'random'). */
export async function sumsForFixedModel(model: FixedSolidModel): Promise<LatticeSums | undefined> {
  return model === 'random' ? getLatticeSums(8) : undefined;
}
