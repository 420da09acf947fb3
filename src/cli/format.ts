/**
 * Shared number formatting of the CLI's outputs.
 */

/** Below this magnitude an entropy (k_B per ion) is rounding around the bound S >= 0. */
export const ENTROPY_ROUNDING = 1e-12;

/**
 * An entropy per ion in k_B as printed: the constraint S >= 0 holds to rounding, so
 * |S| < 1e-12 is printed as 0 (never "-5.7e-15"). Used for text and JSON alike.
 *
 * @example cleanEntropy(-5.7e-15) // 0
 */
export function cleanEntropy(s: number): number {
  return Math.abs(s) < ENTROPY_ROUNDING ? 0 : s;
}
