import { bccShells } from '../lattice/bccShells.js';
import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { mixingEntropy, orderedEntropy } from '../mixture/entropy.js';
import { randomSolid } from '../models/random.js';
import { sroSolid, type SroOptions, type SroResult } from '../models/sro.js';
import { UncertifiedError } from '../errors.js';
import type { Mixture } from '../mixture/composition.js';
import type { LatticeSums } from '../latticeSums/types.js';
import type { LatticeMonteCarloResult } from './latticeMonteCarlo.js';

/** The variational and random-solid values at a row's (x, Gamma), and A.4 at the exact alpha_i. */
export interface RowComparison {
  gamma: number;
  /** Variational SRO minimum (docs/physics.md section 6, the paper's model): f, s, alpha_1..alpha_n. */
  sro?: { f: number; s: number; alpha: number[] };
  /** Random solid U_rnd - T S_mix (U_1). */
  fRandom: number;
  /** Eq. A.4 evaluated at the sampled alpha_1..alpha_n (k_B per ion). */
  sA4: number;
  /** Eq. 4's sum over the coupled shells, sum_{i<=n} m_i (alpha_i - x^2), with its error; and over 30 shells. */
  eq4: number;
  eq4Error: number;
  sum30: number;
}

/**
 * The certified variational minimum: warm-started from the previous Gamma, else cold, else on a
 * second wedge sample; undefined (the row has no variational column) if all three fail.
 */
async function certifiedSro(mix: Mixture, gamma: number, sums: LatticeSums, n: number, warm?: number[]): Promise<SroResult | undefined> {
  const attempts: SroOptions[] = [...(warm ? [{ shells: n, warmStart: { alpha: warm, x: mix.x } }] : []), { shells: n }, { shells: n, seed: 2 }];
  for (const o of attempts) {
    try {
      return await sroSolid(mix, gamma, sums, o);
    } catch (err) {
      if (!(err instanceof UncertifiedError)) throw err;
    }
  }
  return undefined;
}

/**
 * Comparison columns for every row of a Monte Carlo result. The variational values use the
 * library's `sroSolid` at the requested x (thermodynamic limit) with the same n; with custom
 * couplings there is no variational model and fRandom is the random arrangement of those
 * couplings, -S_mix/Gamma (u = 0 at alpha = x^2).
 */
export async function compareRows(r: LatticeMonteCarloResult): Promise<RowComparison[]> {
  const mix = { z1: r.z1, z2: r.z2, x: r.x };
  const n = r.shells;
  const m = bccShells(30).map((s) => s.m);
  const sums = r.paperHamiltonian ? await getLatticeSums(Math.max(n, 8)) : undefined;
  const out: RowComparison[] = [];
  let warm: number[] | undefined;
  for (const row of r.rows) {
    const x = r.xCell;
    const dev = (i: number): number => m[i] * (row.alpha[i] - x * x);
    let eq4 = 0, e2 = 0, sum30 = 0;
    for (let i = 0; i < n; i++) {
      eq4 += dev(i);
      e2 += (m[i] * row.alphaError[i]) ** 2;
    }
    for (let i = 0; i < row.alpha.length; i++) sum30 += dev(i);
    const c: RowComparison = {
      gamma: row.gamma, fRandom: sums ? randomSolid(mix, row.gamma, sums).F : -mixingEntropy(r.x) / row.gamma,
      sA4: orderedEntropy(x, row.alpha.slice(0, n), m), eq4, eq4Error: Math.sqrt(e2), sum30,
    };
    if (sums) {
      const v = await certifiedSro(mix, row.gamma, sums, n, warm);
      warm = v?.alpha;
      if (v) c.sro = { f: v.F, s: v.S, alpha: v.alpha };
    }
    out.push(c);
  }
  return out;
}
