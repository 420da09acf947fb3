import { afterAll, describe, expect, test } from 'vitest';
import { closePool } from '../src/parallel/pool.js';
import { latticeMonteCarlo } from '../src/mc/latticeMonteCarlo.js';
import { runChecks } from '../src/mc/checks.js';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { bccShells } from '../src/lattice/bccShells.js';
import { mcKernel } from '../src/kernels/mcKernel.js';
import { paperCouplings, supercellSetup } from '../src/mc/supercell.js';
import { couplingTransform, longRangeOrderFrom, orderedStart } from '../src/mc/orderedStart.js';
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

describe('the ordered side of the ladder', () => {
  test('starts mid-way below the top run of pilot points with S_max > sqrt(N); none without long-range order at the top', () => {
    const r = longRangeOrderFrom([0, 100, 200, 300, 400], [3, 40, 2, 33, 50], [0, -1, -2, -3, -4], 1024);
    expect(r.threshold).toBe(32);
    expect(r.gammaFrom).toBe(250); // 100 is isolated: the side starts mid-way between 200 (no order) and 300
    expect(longRangeOrderFrom([0, 100, 200], [3, 40, 31], [0, 0, 0], 1024).gammaFrom).toBe(Infinity);
    expect(longRangeOrderFrom([0, 100, 200], [3, 40, 50], [0, 0, 0], 1024).gammaFrom).toBe(100);
  });
});

describe('the ordered start in a run (L = 4, n = 8)', () => {
  afterAll(() => closePool());
  test('replicas above the pilot onset start ordered; f <= u(ordered) is checked and can fail', async () => {
    const r = await latticeMonteCarlo({ x: 0.5, L: 4, sweeps: 480, seed: 2, threads: 1 });
    expect(r.ordered.k).toEqual([0.5, 0, 0]);
    expect(r.ordered.gammaFrom).toBeGreaterThan(200);
    expect(r.ordered.replicas).toBe(r.ladder.filter((g) => g >= r.ordered.gammaFrom!).length);
    expect(r.ordered.hotPilot.length).toBeGreaterThan(0);
    const name = 'Gibbs-Bogoliubov f <= u(ordered arrangement)';
    expect(runChecks(r).find((c) => c.name === name)!.pass).toBe(true);
    // An ordered arrangement 1e-4 U_1 lower than the run's f at Gamma = 800 would violate it.
    const low = { ...r, ordered: { ...r.ordered, u: r.rows[r.rows.length - 1].f - 1e-4 } };
    expect(runChecks(low).find((c) => c.name === name)!.pass).toBe(false);
  }, 60_000);

  test('without long-range order in the pilot (a solidus run up to Gamma_1m) no replica starts ordered', async () => {
    const r = await latticeMonteCarlo({ x: 0.3, L: 4, sweeps: 192, gammaMax: 175.718935, extraGammas: [170, 160, 150], seed: 2, threads: 1 });
    expect(r.ordered.gammaFrom).toBeUndefined();
    expect(r.ordered.replicas).toBe(0);
    expect(r.ordered.hotPilot).toEqual([]);
  }, 60_000);
});
