import { describe, expect, test } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { bccShells } from '../src/lattice/bccShells.js';
import { loadWasm } from '../src/kernels/loadWasm.js';
import { loadPortable } from '../src/kernels/loadPortable.js';
import { mcKernel, mcLayout } from '../src/kernels/mcKernel.js';
import { L_MAX, paperCouplings, randomSites, supercellSetup } from '../src/mc/supercell.js';
import { SplitMix32 } from '../src/mc/rng.js';
import { wedgeVector } from '../src/mc/wedgeK.js';

const mix = { z1: 6, z2: 8, x: 0.5 };

/** Doubled coordinates of a kernel site index. */
function coords(site: number, L: number): [number, number, number] {
  const s = site >= L ** 3 ? 1 : 0;
  const r = site % L ** 3;
  return [2 * Math.floor(r / (L * L)) + s, 2 * (Math.floor(r / L) % L) + s, 2 * (r % L) + s];
}

describe('Monte Carlo move kernel (assembly/mc.ts)', () => {
  test('the running energy equals the one recomputed from scratch after 10^6 moves (n = 8 and 30)', async () => {
    const sums = await getLatticeSums(30);
    for (const n of [8, 30]) {
      const L = 8, N = 2 * L ** 3;
      const setup = supercellSetup(L, paperCouplings(mix, sums, n));
      const k = mcKernel(setup, 1);
      k.load(randomSites(N, N / 2, new SplitMix32(11)), [9, 8, 7, 6]);
      k.sweeps(300, Math.ceil(1e6 / N), 0);
      expect(k.attempts()).toBeGreaterThanOrEqual(1e6);
      expect(k.accepted()).toBeGreaterThan(1e5);
      const scale = Math.abs(k.recomputedEnergy());
      expect(Math.abs(k.energy() - k.recomputedEnergy())).toBeLessThan(1e-12 * Math.max(1, scale) * N);
      expect(k.fieldDrift()).toBeLessThan(1e-14);
    }
  }, 60_000);

  test('on the largest cell (L = 32, N = 65536) the 16-bit neighbour table reaches every site: energies equal a direct pair sum', async () => {
    const sums = await getLatticeSums(8);
    const L = L_MAX, N = 2 * L ** 3, P = 2 * L;
    const setup = supercellSetup(L, paperCouplings(mix, sums, 8));
    // Site index of doubled coordinates (the inverse of coords), independent of the kernel's table.
    const siteOf = (c: number[]): number => {
      const [x, y, z] = c.map((v) => ((v % P) + P) % P);
      return (x & 1) * L ** 3 + ((x >> 1) * L + (y >> 1)) * L + (z >> 1);
    };
    const direct = (sites: ArrayLike<number>): number => {
      let e = 0;
      for (let a = 0; a < N; a++) {
        if (!sites[a]) continue;
        const c = coords(a, L);
        for (let k = 0; k < setup.slotJ.length; k++) {
          if (sites[siteOf([c[0] + setup.slotD[3 * k], c[1] + setup.slotD[3 * k + 1], c[2] + setup.slotD[3 * k + 2]])]) e += setup.slotJ[k];
        }
      }
      return e / 2; // each Z2-Z2 pair seen from both ends
    };
    for (const backend of [loadWasm(), await loadPortable()]) {
      const k = mcKernel(setup, 1, backend);
      k.load(randomSites(N, N / 2, new SplitMix32(5)), [3, 1, 4, 1]);
      k.sweeps(175.7, 2, 0);
      const e = direct(k.sites());
      expect(Math.abs(k.energy() - e)).toBeLessThan(1e-9 * N * 1e-3);
      expect(k.fieldDrift()).toBeLessThan(1e-14);
    }
  }, 60_000);

  test('the portable JavaScript build draws the same moves as WASM (bit-identical state)', async () => {
    const sums = await getLatticeSums(8);
    const L = 4, N = 2 * L ** 3;
    const setup = supercellSetup(L, paperCouplings(mix, sums, 8));
    const sites = randomSites(N, 50, new SplitMix32(4));
    const run = (k: ReturnType<typeof mcKernel>): number[] => {
      k.load(sites, [1, -2, 3, -4]);
      k.sweeps(250, 40, 4);
      return [k.energy(), ...k.rng(), ...k.series(40)];
    };
    expect(run(mcKernel(setup, 40, await loadPortable()))).toEqual(run(mcKernel(setup, 40, loadWasm())));
  });

  test('alpha_i from the structure factor equal direct pair counts; the supercell sum rule holds', async () => {
    const sums = await getLatticeSums(8);
    const L = 5, N = 2 * L ** 3, n2 = 93;
    const setup = supercellSetup(L, paperCouplings(mix, sums, 8));
    const k = mcKernel(setup, 3);
    k.load(randomSites(N, n2, new SplitMix32(8)), [3, 1, 4, 1]);
    k.sweeps(400, 3, 3);
    const sites = k.sites();
    const rec = k.series(3).subarray(2 * k.stride, 3 * k.stride);
    const S = k.layout.series;
    const index = new Map<string, number>();
    for (let i = 0; i < N; i++) index.set(coords(i, L).join(','), i);
    const P = 2 * L;
    const at = (c: number[]): number => sites[index.get(c.map((v) => ((v % P) + P) % P).join(','))!];
    const shells = bccShells(30);
    shells.forEach((sh, i) => {
      let pairs = 0;
      for (let a = 0; a < N; a++) if (sites[a]) for (const d of sh.members) pairs += at(coords(a, L).map((c, q) => c + d[q]));
      expect(rec[S.ALPHA + i]).toBeCloseTo(pairs / (N * sh.m), 12); // eq. 1 on the cell
    });
    // Sum over every displacement d != 0 of the cell: sum_d (C(d) - x^2) = -x(1 - x), C(d) = (1/N) sum_R n_R n_{R+d}.
    const x = n2 / N;
    let total = 0;
    for (let d = 1; d < N; d++) {
      const dc = coords(d, L);
      let c = 0;
      for (let a = 0; a < N; a++) if (sites[a]) c += at(coords(a, L).map((v, q) => v + dc[q]));
      total += c / N - x * x;
    }
    expect(total).toBeCloseTo(-x * (1 - x), 12);
  });

  test('the layout is read from the compiled module and the B2 vector reduces to H', () => {
    const layout = mcLayout(loadWasm());
    expect(layout.word.L).toBe(0);
    expect(new Set(Object.values(layout.word)).size).toBe(Object.keys(layout.word).length);
    expect(wedgeVector(8 ** 3, 8)).toEqual([1, 0, 0]);
    expect(wedgeVector(4, 8)).toEqual([0.5, 0, 0]);
    expect(() => supercellSetup(4, new Array(30).fill(1))).toThrow(/too small/);
  });
});
