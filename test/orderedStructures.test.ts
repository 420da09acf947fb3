import { describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { electrostaticEnergy } from '../src/mixture/electrostatic.js';
import {
  ewaldCellEnergy,
  orderedCell,
  orderedEnergy,
  orderedShellAlphas,
  pairProbability,
  shellSumCorrelationEnergy,
} from '../src/mixture/orderedStructures.js';
import { LATTICE_CONSTANT } from '../src/lattice/constants.js';

const ZETA = 0.895929255682; // bcc Madelung constant (docs/physics.md section 1)

describe('fully ordered structures (docs/physics.md section 15)', () => {
  it('the Ewald cell sum gives the bcc Madelung constant for equal charges, for any eta', () => {
    const c = orderedCell('CsCl');
    const ones = c.sites.map(() => 1);
    expect(ewaldCellEnergy(c.sites, ones)).toBeCloseTo(-ZETA, 11);
    expect(ewaldCellEnergy(c.sites, ones, 0.6, 5)).toBeCloseTo(-ZETA, 11);
  });

  it('charges +-1 on the CsCl sublattices give the CsCl Madelung constant 1.76267477 (per ion pair, r_nn units)', () => {
    const c = orderedCell('CsCl');
    const q = c.occupation.map((n) => (n ? 1 : -1));
    const rnn = (Math.sqrt(3) / 2) * LATTICE_CONSTANT;
    expect(ewaldCellEnergy(c.sites, q) * 2 * rnn).toBeCloseTo(-1.76267477, 7);
  });

  it('compositions and pair probabilities worked out by hand', () => {
    expect(orderedCell('CsCl').x).toBe(0.5);
    expect(orderedCell('D03-Z2').x).toBe(0.25);
    expect(orderedCell('D03-Z1').x).toBe(0.75);
    // CsCl: nearest neighbours (shell 1) are always unlike, (1,0,0) a_l neighbours alike.
    expect(orderedShellAlphas(orderedCell('CsCl'), 3)).toEqual([0, 0.5, 0.5]);
    // D0_3, Z2 on one fcc sublattice: Z2-Z2 pairs only along fcc vectors ((1,1,0) a_l, shell 3; (2,0,0), shell 6).
    expect(orderedShellAlphas(orderedCell('D03-Z2'), 8)).toEqual([0, 0, 0.25, 0, 0, 0.25, 0, 0]);
    expect(pairProbability(orderedCell('D03-Z1'), [0, 0, 0])).toBe(0.75);
  });

  it('eq. 5 summed over every shell (smooth cut-off) reproduces the exact U_corr', () => {
    for (const name of ['CsCl', 'D03-Z2', 'D03-Z1'] as const) {
      const exact = orderedEnergy(name, 6, 8, ZETA).Ucorr;
      expect(Math.abs(shellSumCorrelationEnergy(name, 6, 8) - exact)).toBeLessThan(1e-9 * Math.abs(exact) + 1e-12);
    }
  });

  it('the paper energy truncated at n shells approaches the exact energy (n = 8 -> 30)', async () => {
    const sums = await getLatticeSums(30);
    for (const name of ['CsCl', 'D03-Z2'] as const) {
      const cell = orderedCell(name);
      const exact = orderedEnergy(name, 6, 8, sums.zeta).U;
      const at = (n: number) => electrostaticEnergy({ z1: 6, z2: 8, x: cell.x }, orderedShellAlphas(cell, n), { ...sums, shells: sums.shells.slice(0, n) }) - exact;
      expect(Math.abs(at(30))).toBeLessThan(Math.abs(at(8)) / 5);
      expect(Math.abs(at(8))).toBeLessThan(3e-4);
    }
  });
});
