import { beforeAll, describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import type { LatticeSums } from '../src/latticeSums/types.js';
import { phaseDiagram } from '../src/phase/phaseDiagram.js';
import { tangentPlaneResidual } from '../src/multi/equilibrium.js';
import { multiLiquid } from '../src/multi/liquid.js';
import { firstSolid, type PhaseFactory } from '../src/multi/liquidus.js';
import { multiRandomSolid } from '../src/multi/random.js';
import { ternaryDiagram } from '../src/multi/ternaryDiagram.js';

let sums: LatticeSums;
let S: PhaseFactory;
const L: PhaseFactory = (z, g) => multiLiquid(z, g);
beforeAll(async () => {
  sums = await getLatticeSums(8);
  S = (z, g) => multiRandomSolid(z, g, sums);
});

describe('ternary coexistence (docs/physics.md section 13), random solid', () => {
  it('tie-lines and three-phase triangles satisfy the tangent-plane conditions to 1e-9, trace x3 down to 1e-6', () => {
    const z = [6, 8, 10];
    const g = 175;
    const d = ternaryDiagram(L(z, g), S(z, g), { grid: 40, trace: [1e-2, 1e-4, 1e-6] });
    expect(d.tieLines.length).toBeGreaterThan(30);
    expect(d.unrefined).toBe(0);
    for (const t of d.tieLines) {
      // recomputed independently of the solver's own number
      expect(tangentPlaneResidual(L(z, g), t.liquid!, S(z, g), t.solid!)).toBeLessThan(1e-9);
      for (const x of [t.liquid!, t.solid!]) expect(Math.abs(x[0] + x[1] + x[2] - 1)).toBeLessThan(1e-14);
    }
    const trace = d.tieLines.filter((t) => t.trace);
    const t6 = trace.find((t) => Math.abs(t.liquid![2] / 1e-6 - 1) < 1e-9)!;
    expect(t6).toBeDefined();
    expect(t6.solid![2]).toBeGreaterThan(1e-7);
    expect(t6.solid![2]).toBeLessThan(1e-5);
  });

  it('c = 2: the liquidus and first solid match the binary library (random, -S_mixZ liquid)', async () => {
    const pd = await phaseDiagram({ model: 'random', sums, liquid: { idealMixing: 'smixz' }, gammaMin: 160, gammaMax: 180, gammaStep: 10, solvus: false });
    expect(pd.rows.length).toBeGreaterThan(1);
    for (const row of pd.rows) {
      const r = firstSolid(L, S, [6, 8], [1 - row.xLiquid, row.xLiquid]);
      expect(Math.abs(r.gamma - row.gamma)).toBeLessThan(1e-5);
      expect(Math.abs(r.solid[1] - row.xSolid)).toBeLessThan(1e-6);
    }
  });

  it('x3 -> 0 gives the binary C/O liquidus; permuting labels permutes the result', () => {
    const bin = firstSolid(L, S, [6, 8], [0.6, 0.4]);
    const tri = firstSolid(L, S, [6, 8, 10], [0.6 - 1e-9, 0.4, 1e-9]);
    expect(Math.abs(tri.gamma - bin.gamma)).toBeLessThan(1e-6);
    expect(Math.abs(tri.solid[1] - bin.solid[1])).toBeLessThan(1e-7);
    const perm = firstSolid(L, S, [10, 6, 8], [0.1, 0.5, 0.4]);
    const ref = firstSolid(L, S, [6, 8, 10], [0.5, 0.4, 0.1]);
    expect(Math.abs(perm.gamma - ref.gamma)).toBeLessThan(1e-9);
    for (const [a, b] of [
      [1, 0],
      [2, 1],
      [0, 2],
    ])
      expect(Math.abs(perm.solid[a] - ref.solid[b])).toBeLessThan(1e-9);
    expect(ref.residual).toBeLessThan(1e-9);
  });

  it('equal charges: C/O/O and C/O/20Ne/22Ne reproduce C/O and C/O/Ne with the same isotope ratio in both phases', () => {
    for (const xo of [0.2, 0.5, 0.8]) {
      const bin = firstSolid(L, S, [6, 8], [1 - xo, xo]);
      const r = 0.3;
      const coo = firstSolid(L, S, [6, 8, 8], [1 - xo, xo * r, xo * (1 - r)]);
      expect(Math.abs(coo.gamma - bin.gamma)).toBeLessThan(1e-8);
      expect(Math.abs(coo.solid[1] + coo.solid[2] - bin.solid[1])).toBeLessThan(1e-9);
      expect(Math.abs(coo.solid[1] / (coo.solid[1] + coo.solid[2]) - r)).toBeLessThan(1e-9);
    }
    const ne = firstSolid(L, S, [6, 8, 10], [0.49, 0.5, 0.01]);
    const iso = firstSolid(L, S, [6, 8, 10, 10], [0.49, 0.5, 0.009, 0.001]);
    expect(Math.abs(iso.gamma - ne.gamma)).toBeLessThan(1e-8);
    expect(Math.abs(iso.solid[2] + iso.solid[3] - ne.solid[2])).toBeLessThan(1e-9);
    expect(Math.abs(iso.solid[2] / iso.solid[3] - 9)).toBeLessThan(1e-6);
  });
});
