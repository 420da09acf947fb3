import { assertFinite, checkBoolean, checkCallback, checkGamma, checkInteger, checkMixture, checkOptions } from '../domain.js';
import { DomainError } from '../errors.js';
import type { LatticeSums } from '../latticeSums/types.js';
import type { Mixture } from '../mixture/composition.js';
import { MAX_ORDER_PARAMETERS, sroSolid as sroImpl, type SroOptions, type SroResult } from '../models/sro.js';
import { checkSums } from './checks.js';

const SRO_OPTIONS = ['shells', 'seed', 'samplePoints', 'warmStart', 'onProgress', 'allowUncertified'];

/**
 * The short-range-ordered solid at its certified free-energy minimum (src/models/sro.ts),
 * with the arguments of the public entry point checked: integer charges 1 <= Z1 < Z2 <= 100,
 * 1e-6 <= x <= 1 - 1e-6, 1 <= Gamma <= 1e4, shells 1..12, seed 0..2^31-1, samplePoints
 * 5000..10^6, known option keys, and within the minimizer's certified domain (Z2 <= 6 Z1,
 * Gamma <= 2000; src/models/sro.ts). A minimum without its certificate is an UncertifiedError.
 *
 * @example (await sroSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, await getLatticeSums(8))).F
 */
export async function sroSolid(mix: Mixture, gamma: number, sums: LatticeSums, options?: SroOptions): Promise<SroResult> {
  checkMixture(mix);
  checkGamma(gamma);
  const o = checkOptions('sroSolid options', options, SRO_OPTIONS) as SroOptions;
  const n = checkInteger('shells', o.shells ?? 8, 1, MAX_ORDER_PARAMETERS);
  checkSums(sums, n);
  if (o.seed !== undefined) checkInteger('seed', o.seed, 0, 2 ** 31 - 1);
  if (o.samplePoints !== undefined) checkInteger('samplePoints', o.samplePoints, 5000, 1_000_000);
  checkCallback('onProgress', o.onProgress);
  checkBoolean('allowUncertified', o.allowUncertified);
  if (o.warmStart !== undefined && (o.warmStart === null || typeof o.warmStart !== 'object')) {
    throw new DomainError('warmStart must be an earlier result ({ alpha, x } or { deviation, cuts })');
  }
  const r = await sroImpl(mix, gamma, sums, options);
  for (const [k, v] of [['F', r.F], ['U', r.U], ['S', r.S], ['Frandom', r.Frandom]] as const) assertFinite(`sroSolid: ${k}`, v);
  r.alpha.forEach((a, i) => assertFinite(`sroSolid: alpha_${i + 1}`, a));
  return r;
}
