import { beforeAll, describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import type { LatticeSums } from '../src/latticeSums/types.js';
import { sroSolid } from '../src/models/sro.js';
import { multiSroSolid } from '../src/multi/sroSolid.js';
import { bccShells } from '../src/lattice/bccShells.js';

let sums: LatticeSums;
beforeAll(async () => {
  sums = await getLatticeSums(8);
});

describe('SRO solid for c species (docs/physics.md section 13)', () => {
  it('c = 2 gives the binary SRO free energy and order parameters to 1e-12', async () => {
    for (const [x, g] of [
      [0.5, 175.719],
      [0.2, 170],
      [1e-6, 175],
      [0.9, 200],
    ]) {
      const b = await sroSolid({ z1: 6, z2: 8, x }, g, sums);
      const m = multiSroSolid([6, 8], [1 - x, x], g, sums);
      expect(Math.abs(m.F - b.F)).toBeLessThan(1e-12);
      for (let i = 0; i < 8; i++) expect(Math.abs(m.P[i][1][1] - b.alpha[i])).toBeLessThan(1e-12);
    }
  });

  it('ternary minimizations are certified at bulk and trace compositions; sum rules and eq. 4 hold', () => {
    const m = bccShells(8).map((s) => s.m);
    for (const x of [
      [0.5, 0.49, 0.01],
      [0.3, 0.4, 0.3],
      [0.5, 0.5 - 1e-6, 1e-6],
      [1e-6, 0.5, 0.5 - 1e-6],
    ]) {
      const r = multiSroSolid([6, 8, 10], x, 175, sums);
      expect(r.certified).toBe(true);
      expect(r.certificate).toBeLessThan(1e-10);
      expect(r.minEigen).toBeGreaterThan(-1e-12);
      expect(r.F).toBeLessThanOrEqual(r.Frandom + 1e-15);
      for (let a = 0; a < 3; a++) {
        for (const M of r.P) expect(Math.abs(M[a].reduce((s, v) => s + v, 0) - x[a])).toBeLessThan(1e-15 + 1e-12 * x[a]);
        for (let b = 0; b < 3; b++) {
          const s = r.P.reduce((acc, M, i) => acc + m[i] * (M[a][b] - x[a] * x[b]), 0);
          expect(Math.abs(s)).toBeLessThan(1e-13);
          for (const M of r.P) expect(M[a][b]).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('permuting the labels permutes P; equal charges (C/O/O) add only the label entropy', async () => {
    const a = multiSroSolid([6, 8, 10], [0.5, 0.3, 0.2], 170, sums);
    const b = multiSroSolid([10, 6, 8], [0.2, 0.5, 0.3], 170, sums);
    expect(Math.abs(a.F - b.F)).toBeLessThan(1e-12);
    // eq. 3 is active here: F is flat to second order, so P agrees to ~sqrt(1e-16) only
    expect(Math.abs(a.P[0][0][2] - b.P[0][1][0])).toBeLessThan(1e-7);
    const xo = 0.4;
    const r = 0.3;
    const g = 175;
    const bin = await sroSolid({ z1: 6, z2: 8, x: xo }, g, sums);
    const coo = multiSroSolid([6, 8, 8], [1 - xo, xo * r, xo * (1 - r)], g, sums);
    const label = -xo * (r * Math.log(r) + (1 - r) * Math.log(1 - r));
    expect(Math.abs(coo.F - (bin.F - label / g))).toBeLessThan(1e-12);
  });
});
