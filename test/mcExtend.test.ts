import { afterAll, describe, expect, test } from 'vitest';
import { closePool, startPool } from '../src/parallel/pool.js';
import { replicaExchange, type ReplicaExchangeResult } from '../src/mc/replicaExchange.js';
import { concatSeries, extendDrifting, MAX_DRIFT_Z, MAX_EXTENSIONS, WINDOW } from '../src/mc/extendSampling.js';
import { slotAverages } from '../src/mc/analysis.js';
import { streamOf } from '../src/mc/rng.js';
import { MEASURED_SHELLS, randomSites } from '../src/mc/supercell.js';

afterAll(() => closePool());

// Nearest-neighbour B2 model (J_1 = 1 U_1, Gamma_c ~ 0.63) on L = 4, quenched from random
// configurations for only 24 sweeps: replicas near and below the transition are still relaxing.
const L = 4, N = 2 * L ** 3;
const gammas = [0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.1];
const common = { L, couplings: [1], measureShells: MEASURED_SHELLS, sweepsPerRound: 4 };

async function quench(threads: number): Promise<ReplicaExchangeResult> {
  await startPool(threads);
  const init = streamOf(1, 0);
  return replicaExchange({
    ...common, threads, gammas, sites: gammas.map(() => randomSites(N, N / 2, init)),
    rngs: gammas.map((_, j) => streamOf(1, 1000 + j).kernelState()), sweeps: 24, measureEvery: 2, swapRng: streamOf(1, 2),
  });
}

describe('continued sampling of drifting replicas', () => {
  test('a replica drifting by more than MAX_DRIFT_Z is continued with its WINDOW neighbours until none drifts', async () => {
    const production = await quench(1);
    const before = production.slots.map((s) => slotAverages(s, N, L, 0).driftZ);
    const drifting = before.flatMap((z, j) => (Math.abs(z) > MAX_DRIFT_Z ? [j] : []));
    expect(drifting.length).toBeGreaterThan(0); // the quench leaves drift for the rule to act on
    const e = await extendDrifting({ common: { ...common, threads: 1 }, ladder: gammas, production, sweeps: 24, measureEvery: 2, seed: 1, energyOffset: 0 });
    expect(e.extensions.length).toBeGreaterThan(0);
    expect(e.extensions.length).toBeLessThanOrEqual(MAX_EXTENSIONS);
    // Round 1 continues exactly the drifting replicas and their neighbours within WINDOW, for the production's sweeps.
    const window = gammas.filter((_, j) => drifting.some((d) => Math.abs(d - j) <= WINDOW));
    expect(e.extensions[0].gammas).toEqual(window);
    expect(e.extensions[0].sweeps).toBe(24);
    expect(e.extensions[0].drifting.map((d) => d.gamma)).toEqual(drifting.map((j) => gammas[j]));
    e.extensions.forEach((x, r) => expect(x.sweeps).toBe(24 * 2 ** r));
    // Every slot's series is the production's followed by its continued rounds.
    gammas.forEach((g, j) => {
      const added = e.extensions.reduce((s, x) => s + (x.gammas.includes(g) ? x.sweeps : 0), 0);
      expect(e.slots[j].energy.length).toBe(24 + added);
      expect(Array.from(e.slots[j].energy.subarray(0, 24))).toEqual(Array.from(production.slots[j].energy));
      expect(e.averages[j].driftZ).toBeCloseTo(slotAverages(e.slots[j], N, L, 0).driftZ, 12);
    });
    expect(Math.max(...e.averages.map((a) => Math.abs(a.driftZ)))).toBeLessThanOrEqual(MAX_DRIFT_Z);
    expect(e.attemptedMoves).toBe(e.extensions.reduce((s, x) => s + x.gammas.length * x.sweeps * N, 0));
  });

  test('the same seed gives the same continued run with 1 and 2 threads', async () => {
    const one = await extendDrifting({ common: { ...common, threads: 1 }, ladder: gammas, production: await quench(1), sweeps: 24, measureEvery: 2, seed: 1, energyOffset: 0 });
    const two = await extendDrifting({ common: { ...common, threads: 2 }, ladder: gammas, production: await quench(2), sweeps: 24, measureEvery: 2, seed: 1, energyOffset: 0 });
    expect(two.extensions).toEqual(one.extensions);
    expect(two.averages.map((a) => a.u)).toEqual(one.averages.map((a) => a.u));
  });

  test('concatSeries re-indexes the structure records of the continuation', () => {
    const a = { gamma: 1, energy: Float64Array.of(1, 2), diff: Float64Array.of(0, 0), structSweep: [1], sMax: [3], kStar: [4], alpha: [Float64Array.of(0.5)], attempted: 10, accepted: 5 };
    const b = { gamma: 1, energy: Float64Array.of(3), diff: Float64Array.of(2), structSweep: [0], sMax: [6], kStar: [7], alpha: [Float64Array.of(0.25)], attempted: 5, accepted: 1 };
    const c = concatSeries(a, b);
    expect(Array.from(c.energy)).toEqual([1, 2, 3]);
    expect(Array.from(c.diff)).toEqual([0, 0, 2]);
    expect(c.structSweep).toEqual([1, 2]);
    expect([c.sMax, c.kStar, c.attempted, c.accepted]).toEqual([[3, 6], [4, 7], 15, 6]);
  });
});
