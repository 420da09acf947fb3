import { DomainError } from '../errors.js';
import type { Mixture } from '../mixture/composition.js';

/*
 * The certified domain of the SRO minimizer, in a module of its own so that the CLI can check
 * its input without loading the minimizer.
 */

/**
 * Largest number of order parameters the minimizer accepts: the certified range. Beyond 12 the
 * exchange method ran out of rounds on strongly ordered states (n = 30: 4 of 40 random instances
 * in the domain below, with |Delta_k|^2 violated by up to 1e-5), so larger n is refused.
 */
export const MAX_ORDER_PARAMETERS = 12;

/**
 * The domain on which every minimization returns a certified minimum (checked by random
 * sampling and by the test matrix): Z1 < Z2 <= 6 Z1, x in [1e-9, 1 - 1e-9], Gamma_1 in
 * [0.1, 2000], 1 to MAX_ORDER_PARAMETERS = 12 order parameters. Outside it sroSolid throws
 * DomainError naming it.
 */
export const SRO_DOMAIN = { maxChargeRatio: 6, xMin: 1e-9, xMax: 1 - 1e-9, gammaMin: 0.1, gammaMax: 2000 } as const;

/** One line naming the supported range (CLI help, README and the DomainError messages). */
export const SRO_DOMAIN_TEXT = 'Z1 < Z2 <= 6 Z1, 1e-9 <= x <= 1 - 1e-9, 0.1 <= Gamma <= 2000';

/** Throw DomainError unless (mix, gamma) lies in {@link SRO_DOMAIN}. */
export function checkSroDomain(mix: Mixture, gamma: number): void {
  const d = SRO_DOMAIN;
  const where = `the SRO minimizer is certified for ${SRO_DOMAIN_TEXT}`;
  if (!(mix.z2 <= d.maxChargeRatio * mix.z1)) throw new DomainError(`z2 = ${mix.z2} exceeds 6 z1 = ${6 * mix.z1}: ${where}`);
  if (!(mix.x >= d.xMin && mix.x <= d.xMax)) throw new DomainError(`x = ${mix.x} outside [1e-9, 1 - 1e-9]: ${where}`);
  if (!(gamma >= d.gammaMin && gamma <= d.gammaMax)) throw new DomainError(`gamma = ${gamma} outside [0.1, 2000]: ${where}`);
}
