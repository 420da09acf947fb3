import { bccShells } from '../lattice/bccShells.js';

/** Doubles per shell term: p, q, r (units a_l/2), weight 2^(non-zeros), shell index (0-based). */
export const TERM_STRIDE = 5;

/**
 * The factorized form of the shell cosine sums used by the kernel: for each symmetry orbit
 * (a, b, c), every distinct permutation (p, q, r) with weight 2^(number of non-zero entries),
 * so that c_i(k) = sum_terms w cos(k_x p a_l/2) cos(k_y q a_l/2) cos(k_z r a_l/2).
 */
export function shellTerms(count: number): { terms: Float64Array; nTerms: number; maxIndex: number } {
  const out: number[] = [];
  let maxIndex = 0;
  for (const shell of bccShells(count)) {
    for (const orbit of shell.orbits) {
      const [a, b, c] = orbit.half;
      const weight = 2 ** [a, b, c].filter((v) => v !== 0).length;
      const perms = new Set<string>();
      for (const [p, q, r] of [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]) {
        const key = `${p},${q},${r}`;
        if (perms.has(key)) continue;
        perms.add(key);
        out.push(p, q, r, weight, shell.i - 1);
      }
      maxIndex = Math.max(maxIndex, a);
    }
  }
  return { terms: Float64Array.from(out), nTerms: out.length / TERM_STRIDE, maxIndex };
}
