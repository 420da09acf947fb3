import { describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { coexistenceWindows, resolveGrid } from '../src/phase/coexistence.js';
import { fixedSolidCurve, liquidCurve } from '../src/phase/modelCurves.js';

// The pair matrix of charges (Z1, Z2): random-solid coexistence windows must be refined double
// tangents wherever they lie (the C/Fe liquidus sits at x ~ 1e-11 ... 1e-41), never grid nodes.
const PAIRS: Array<[string, number, number]> = [
  ['He/C', 2, 6],
  ['C/O', 6, 8],
  ['O/Ne', 8, 10],
  ['C/Ne', 6, 10],
  ['Ne/Mg', 10, 12],
  ['C/Fe', 6, 26],
  ['Fe/Se', 26, 34],
];
const GAMMA_1M = 175.718935;
const GRID = { step: 0.002, edge: 1e-8 };

describe('random-model coexistence across the pair matrix', async () => {
  const sums = await getLatticeSums(8);
  const nodes = new Set(resolveGrid(GRID));
  for (const [name, z1, z2] of PAIRS) {
    it(`${name} (${z1}, ${z2}): every window satisfies both tangent conditions to 1e-9 U_1 and is off the grid`, () => {
      // From just below the melting point of pure Z2 (Gamma_1 = Gamma_1m (Z1/Z2)^(5/3)) up to pure Z1's.
      const g2 = GAMMA_1M * Math.pow(z1 / z2, 5 / 3);
      const gammas = [0.1, 0.35, 0.6, 0.85, 0.97].map((t) => g2 * 1.02 + t * (GAMMA_1M - g2 * 1.02)).concat([GAMMA_1M * 1.01]);
      let windows = 0;
      let smallest = 1;
      for (const g of gammas) {
        const liquid = liquidCurve(z1, z2, g);
        const solid = fixedSolidCurve('random', z1, z2, g, sums);
        for (const w of coexistenceWindows(liquid, solid, { grid: GRID })) {
          windows++;
          expect(w.refined, `${name} Gamma = ${g}: ${w.reason}`).toBe(true);
          expect(nodes.has(w.xLiquid) || nodes.has(w.xSolid)).toBe(false);
          // Slopes in logit x (1 - x of a nearly pure Z2 solid is below double resolution, e.g. He/C).
          const slope = (c: typeof liquid, x: number, u: number): number => c.slopeParts!.smooth(x) + c.slopeParts!.T * u;
          const mu = slope(liquid, w.xLiquid, w.logitLiquid!);
          expect(Math.abs(slope(solid, w.xSolid, w.logitSolid!) - mu)).toBeLessThanOrEqual(1e-9);
          if (w.xLiquid < 0.999) expect(Math.abs(liquid.df!(w.xLiquid) - mu)).toBeLessThanOrEqual(1e-9);
          const dx = w.xSolid - w.xLiquid;
          expect(Math.abs(solid.f(w.xSolid) - liquid.f(w.xLiquid) - mu * dx)).toBeLessThanOrEqual(1e-9 * Math.abs(dx));
          smallest = Math.min(smallest, w.xLiquid, w.xSolid);
        }
      }
      expect(windows).toBeGreaterThan(0);
      if (name === 'C/Fe') expect(smallest).toBeLessThan(1e-30); // the liquidus far below the grid's 1e-8
    });
  }
});
