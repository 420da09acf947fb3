import { describe, expect, test } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { bccShells } from '../src/lattice/bccShells.js';
import { mcKernel } from '../src/kernels/mcKernel.js';
import { paperCouplings, supercellSetup } from '../src/mc/supercell.js';
import { couplingTransform, orderedStart } from '../src/mc/orderedStart.js';
import { wedgeVector } from '../src/mc/wedgeK.js';

/** B2 on the L^3 cell: every B-sublattice site (index >= L^3) holds a Z2 ion. */
function b2Sites(L: number): Uint8Array {
  return Uint8Array.from({ length: 2 * L ** 3 }, (_, i) => (i >= L ** 3 ? 1 : 0));
}

describe('ordered (cold) start from the couplings (docs/physics.md section 12)', () => {
  test('paper couplings, x = 1/2: the AABB (100) stacking k = (1/2, 0, 0), below B2 and the random solid', async () => {
    const J = Array.from(paperCouplings({ z1: 6, z2: 8, x: 0.5 }, await getLatticeSums(8), 8));
    const random = 0.125 * bccShells(8).reduce((s, sh, i) => s + sh.m * J[i], 0); // (x^2/2) sum_i m_i J_i
    for (const L of [8, 12]) {
      const N = 2 * L ** 3;
      const o = orderedStart(L, J, N / 2);
      expect(o.k).toEqual([0.5, 0, 0]);
      expect(o.sites.reduce((a, b) => a + b, 0)).toBe(N / 2);
      const k = mcKernel(supercellSetup(L, J, 1), 1);
      k.load(b2Sites(L), [1, 2, 3, 4]);
      const b2 = k.energy() / N - random;
      const ordered = o.energyPerIon - random;
      expect(ordered).toBeLessThan(b2 - 5e-4); // -1.94e-3 against -1.15e-3 U_1 per ion
      expect(ordered).toBeLessThan(-1e-3);
      k.load(o.sites, [1, 2, 3, 4]);
      expect(k.recomputedEnergy() / N).toBeCloseTo(o.energyPerIon, 14);
    }
    // On L = 12 the lowest J(k) is the incommensurate (7/12, 0, 0); its square wave is higher in energy.
    const jk = couplingTransform(12, J);
    let argmin = 1;
    for (let q = 1; q < jk.length; q++) if (jk[q] < jk[argmin]) argmin = q;
    expect(wedgeVector(argmin, 12)[0]).toBeCloseTo(7 / 12, 12);
  });

  test('nearest-neighbour antiferro coupling J_1 = 1 gives B2 (k = H, no Z2-Z2 nearest neighbours)', () => {
    const o = orderedStart(6, [1], 216);
    expect(o.k).toEqual([1, 0, 0]);
    expect(o.energyPerIon).toBe(0);
    const onB = o.sites.slice(216).reduce((a, b) => a + b, 0);
    expect([0, 216]).toContain(onB);
  });
});
