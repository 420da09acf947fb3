import type { LatticeSums } from '../latticeSums/types.js';
import { mcKernel } from '../kernels/mcKernel.js';
import { paperCouplings, siteCoordinates, supercellSetup } from '../mc/supercell.js';
import type { Mixture } from '../mixture/composition.js';

/**
 * Ordering energy per ion (U_1) of two x = 1/2 structures for n coupled shells: the pair energy
 * sum_i J_i N22_i/N minus that of the random arrangement, (x^2/2) sum_i m_i J_i, i.e.
 * sum_{i<=n} g_i (alpha_i - x^2) of eqs. 5, 6.
 */
export interface GroundStateRow {
  n: number;
  /** B2 (CsCl): the two simple-cubic sublattices, k* = H. */
  b2: number;
  /** AABB stacking of (100) planes, k* = (1/2, 0, 0) 2 pi/a_l. */
  aabb: number;
  /** The lowest of every half-filled stacking of (100) planes with a period of 8 planes (4 a_l): its pattern (1 = Z2 plane) and energy. */
  layering: { pattern: string; energy: number };
}

/**
 * Energies of the B2 and AABB (100) structures, and of the best (100) stacking of period 4 a_l, at x = 1/2 with the paper's couplings truncated
 * at n shells (docs/physics.md section 12), computed by the Monte Carlo kernel on an L = 8 cell
 * (both structures are periodic in it, so the cell energy is the crystal's). Shows how the
 * ordering the sampler finds depends on where the couplings are cut.
 *
 * @example groundStates(mix, sums30, [8, 30])[0].aabb < groundStates(mix, sums30, [8, 30])[0].b2 // n = 8 favours AABB
 */
export function groundStates(mix: Mixture, sums: LatticeSums, ns: number[]): GroundStateRow[] {
  const L = 8, N = 2 * L ** 3;
  const arrangement = (pick: (p: [number, number, number]) => number): Int32Array => {
    const t = new Int32Array(N);
    for (let site = 0; site < N; site++) t[site] = pick(siteCoordinates(site, L));
    return t;
  };
  const b2 = arrangement((p) => p[0] & 1);
  const aabb = arrangement((p) => (p[0] >> 1) & 1);
  return ns.map((n) => {
    const setup = supercellSetup(L, paperCouplings({ ...mix, x: 0.5 }, sums, n), 1);
    const k = mcKernel(setup, 1);
    const random = 0.125 * setup.slotJ.reduce((a, j) => a + j, 0); // (x^2/2) sum over all coupled vectors
    k.load(b2, [1, 2, 3, 4]);
    const eB2 = k.energy() / N - random;
    k.load(aabb, [1, 2, 3, 4]);
    const eAabb = k.energy() / N - random;
    let layering = { pattern: '', energy: Infinity };
    for (let mask = 1; mask < 256; mask += 2) {
      let bits = 0;
      for (let b = 0; b < 8; b++) bits += (mask >> b) & 1;
      if (bits !== 4) continue;
      k.load(arrangement((p) => (mask >> (p[0] % 8)) & 1), [1, 2, 3, 4]);
      const e = k.energy() / N - random;
      if (e < layering.energy - 1e-15) layering = { pattern: Array.from({ length: 8 }, (_, b) => (mask >> b) & 1).join(''), energy: e };
    }
    return { n, b2: eB2, aabb: eAabb, layering };
  });
}
