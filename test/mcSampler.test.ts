import { afterAll, describe, expect, test } from 'vitest';
import { closePool } from '../src/parallel/pool.js';
import { latticeMonteCarlo } from '../src/mc/latticeMonteCarlo.js';
import { runChecks } from '../src/mc/checks.js';
import { integrateFreeEnergy, supercellEntropy } from '../src/mc/thermoIntegration.js';
import { blockingError } from '../src/mc/statistics.js';
import { SplitMix32 } from '../src/mc/rng.js';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { paperCouplings } from '../src/mc/supercell.js';

afterAll(() => closePool());

describe('replica-exchange lattice Monte Carlo', () => {
  test('nearest-neighbour bcc Ising: the Binder cumulants of L = 4 and 6 cross within 0.015 of K_c = 0.157373', async () => {
    // J_1 = 1 only, x = 1/2: the bcc Ising antiferromagnet with K = Gamma J_1/4 (docs/physics.md section 12).
    const ladder = [0, 0.2, 0.35, 0.45, 0.52, 0.5795, 0.6295, 0.68, 0.74];
    const run = (L: number) => latticeMonteCarlo({ x: 0.5, L, sweeps: 3600, couplings: [1], ladder, threads: 1, seed: 3 });
    const [a, b] = [await run(4), await run(6)];
    const ks = ladder.slice(4);
    const d = ks.map((g) => a.rows.find((w) => w.gamma === g)!.binder - b.rows.find((w) => w.gamma === g)!.binder);
    // Small cells have the larger cumulant in the disordered phase, the smaller one in the ordered phase.
    const j = d.findIndex((v) => v < 0);
    expect(j).toBeGreaterThan(0);
    const kCross = (ks[j - 1] + (ks[j] - ks[j - 1]) * (d[j - 1] / (d[j - 1] - d[j]))) / 4;
    expect(Math.abs(kCross - 0.157373)).toBeLessThan(0.015);
    const top = (r: typeof a) => r.rows.find((w) => w.gamma === 0.74)!;
    expect(-d[d.length - 1]).toBeGreaterThan(2 * Math.hypot(top(a).binderError, top(b).binderError));
    expect(top(b).kStar).toEqual([1, 0, 0]); // B2 order at H
    expect(top(b).b2).toBeGreaterThan(0.5);
  }, 180_000);

  test('high-temperature limit: alpha_i - alpha_0 = -Gamma J_i x^2 (1-x)^2 to first order', async () => {
    const sums = await getLatticeSums(8);
    const J = paperCouplings({ z1: 6, z2: 8, x: 0.5 }, sums, 8);
    const r = await latticeMonteCarlo({ x: 0.5, L: 6, sweeps: 3000, ladder: [0, 15, 30], threads: 1, seed: 5 });
    const row = r.rows[1];
    const N = r.N;
    const a0 = (0.5 * (N / 2 - 1)) / (N - 1); // exact on the cell at Gamma = 0
    for (const i of [0, 1, 4]) {
      const predicted = -30 * J[i] * 0.0625;
      const measured = row.alpha[i] - a0;
      expect(Math.abs(measured - predicted)).toBeLessThan(3 * row.alphaError[i] + 0.15 * Math.abs(predicted));
    }
  }, 60_000);

  test('identical results for a given seed with 1 and 2 threads; the self-checks pass (Gibbs-Bogoliubov, u(0), energies)', async () => {
    const o = { x: 0.4, L: 4, sweeps: 240, gammaMax: 600, seed: 9 };
    const one = await latticeMonteCarlo({ ...o, threads: 1 });
    const two = await latticeMonteCarlo({ ...o, threads: 2 });
    expect(two.ladder).toEqual(one.ladder);
    expect(two.rows.map((w) => [w.u, w.f, w.s, ...w.alpha, w.b2, w.binder, w.sMax])).toEqual(
      one.rows.map((w) => [w.u, w.f, w.s, ...w.alpha, w.b2, w.binder, w.sMax]),
    );
    expect(one.xCell).toBe(51 / 128);
    for (const c of runChecks(one)) expect(c.pass, c.name).toBe(true);
    expect(Math.min(...one.swapAcceptance)).toBeGreaterThan(0.05);
    for (const w of one.rows) {
      expect(w.s).toBeLessThanOrEqual(one.s0 + 4 * w.sError);
      expect(Number.isFinite(w.f) && Number.isFinite(w.fError)).toBe(true);
    }
    const changed = await latticeMonteCarlo({ ...o, threads: 1, seed: 10 });
    expect(changed.rows[3].u).not.toBe(one.rows[3].u);
  }, 120_000);
});

describe('thermodynamic integration and errors', () => {
  test('trapezoid integral with a quadrature error that bounds the true error; s = Gamma (u - f)', () => {
    const g = [0, 0.5, 1.2, 2, 3, 4];
    const u = g.map((x) => 1 - 0.1 * x * x);
    const ti = integrateFreeEnergy(g, u, u.map(() => 0), 0.5);
    for (let j = 1; j < g.length; j++) {
      const exact = (-0.5 + g[j] - (0.1 * g[j] ** 3) / 3) / g[j];
      expect(Math.abs(ti.f[j] - exact)).toBeLessThanOrEqual(ti.fQuadError[j] + 1e-15);
      expect(ti.s[j]).toBeCloseTo(g[j] * (u[j] - ti.f[j]), 12);
    }
    expect(supercellEntropy(4, 2)).toBeCloseTo(Math.log(6) / 4, 14);
  });

  test('blocking recovers the error of a correlated AR(1) series', () => {
    const rng = new SplitMix32(1);
    const rho = 0.9, n = 1 << 16;
    const a = new Float64Array(n);
    for (let i = 1; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
      a[i] = rho * a[i - 1] + z;
    }
    // Exact: var = 1/(1 - rho^2), 2 tau = (1 + rho)/(1 - rho) = 19.
    const exact = Math.sqrt((1 / (1 - rho * rho)) * 19 / n);
    const e = blockingError(a);
    expect(e.error / exact).toBeGreaterThan(0.8);
    expect(e.error / exact).toBeLessThan(1.3);
  });
});
