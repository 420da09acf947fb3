import { describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { fixedSolidCurve, liquidCurve } from '../src/phase/modelCurves.js';
import type { FreeEnergyCurve } from '../src/phase/types.js';

// Analytic composition slopes of the closed-form models (src/models/slopes.ts) against a
// Richardson-extrapolated central difference of F, and their split f' = smooth + T logit x.
const richardson = (c: FreeEnergyCurve, x: number): number => {
  const d = (h: number): number => (c.f(x + h) - c.f(x - h)) / (2 * h);
  const h = 1e-4 * Math.min(x, 1 - x, 0.1);
  return (4 * d(h / 2) - d(h)) / 3;
};

describe('model slopes dF/dx', async () => {
  const sums = await getLatticeSums(8);
  for (const [z1, z2] of [[6, 8], [6, 26], [2, 6]] as const) {
    for (const g of [60, 175]) {
      const curves: Record<string, FreeEnergyCurve> = {
        liquid: liquidCurve(z1, z2, g),
        'liquid smix': liquidCurve(z1, z2, g, { idealMixing: 'smix' }),
        random: fixedSolidCurve('random', z1, z2, g, sums),
        ogata: fixedSolidCurve('ogata', z1, z2, g),
        'ogata-smixz': fixedSolidCurve('ogata-smixz', z1, z2, g),
      };
      for (const [name, c] of Object.entries(curves)) {
        it(`${name} (${z1}, ${z2}), Gamma = ${g}: analytic slope = finite difference, and = smooth + T logit x`, () => {
          for (const x of [0.003, 0.2, 0.5, 0.8, 0.997]) {
            expect(Math.abs(c.df!(x) - richardson(c, x))).toBeLessThan(1e-9);
            const u = Math.log(x / (1 - x));
            expect(Math.abs(c.df!(x) - (c.slopeParts!.smooth(x) + c.slopeParts!.T * u))).toBeLessThan(1e-13);
          }
        });
      }
    }
  }
  it('the smooth part stays finite and converges as x -> 0 (no cancellation of O(1) terms)', () => {
    const c = liquidCurve(6, 26, 150);
    const a = c.slopeParts!.smooth(1e-12);
    expect(Math.abs(c.slopeParts!.smooth(1e-200) - a)).toBeLessThan(1e-9);
    expect(Math.abs(c.slopeParts!.smooth(1e-40) - a)).toBeLessThan(1e-9);
  });
});
