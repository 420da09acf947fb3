import { describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { liquidFreeEnergy } from '../src/models/liquid.js';
import { randomSolid } from '../src/models/random.js';
import { multiLiquid } from '../src/multi/liquid.js';
import { multiRandomSolid } from '../src/multi/random.js';
import { chemicalPotentials, type PhaseFunction } from '../src/multi/phase.js';

const xs = [0, 1e-9, 1e-6, 0.01, 0.2, 0.5, 0.77, 0.999, 1];
const gammas = [60, 150, 175.71893518, 220];

/** Central-difference derivative of f along e_b - e_a on the simplex (Richardson). */
function simplexSlope(p: PhaseFunction, x: number[], a: number, b: number): number {
  const at = (h: number) => {
    const y = [...x];
    y[a] -= h;
    y[b] += h;
    return p.f(y);
  };
  const d = (h: number) => (at(h) - at(-h)) / (2 * h);
  const h = 1e-3 * Math.min(x[a], x[b]);
  return (4 * d(h / 2) - d(h)) / 3;
}

describe('c-species models (docs/physics.md section 13)', () => {
  it('c = 2 liquid equals the binary -S_mixZ liquid to 1e-12', () => {
    for (const g of gammas)
      for (const x of xs) {
        const bin = liquidFreeEnergy({ z1: 6, z2: 8, x }, g, { idealMixing: 'smixz' });
        const multi = multiLiquid([6, 8], g).f([1 - x, x]) / g;
        expect(Math.abs(multi - bin)).toBeLessThan(1e-12);
        // species order does not matter
        expect(Math.abs(multiLiquid([8, 6], g).f([x, 1 - x]) / g - bin)).toBeLessThan(1e-12);
      }
  });

  it('c = 2 random solid equals the binary random solid to 1e-12', async () => {
    const sums = await getLatticeSums(8);
    for (const g of gammas)
      for (const x of xs) {
        const bin = randomSolid({ z1: 6, z2: 10, x }, g, sums).F;
        expect(Math.abs(multiRandomSolid([6, 10], g, sums).f([1 - x, x]) / g - bin)).toBeLessThan(1e-12);
      }
  });

  it('a third species at zero fraction changes nothing; 20Ne/22Ne add only their label entropy', async () => {
    const sums = await getLatticeSums(8);
    const x = [0.4, 0.35, 0.25];
    for (const make of [(z: number[]) => multiLiquid(z, 170), (z: number[]) => multiRandomSolid(z, 170, sums)]) {
      expect(make([6, 8, 10, 12]).f([...x, 0])).toBeCloseTo(make([6, 8, 10]).f(x), 13);
      const r = 0.3;
      const split = make([6, 8, 10, 10]).f([0.4, 0.35, 0.25 * r, 0.25 * (1 - r)]);
      const label = 0.25 * (r * Math.log(r) + (1 - r) * Math.log(1 - r));
      expect(Math.abs(split - make([6, 8, 10]).f(x) - label)).toBeLessThan(1e-12);
    }
  });

  it('analytic gradients agree with finite differences along the simplex', async () => {
    const sums = await getLatticeSums(8);
    const x = [0.3, 0.5, 0.2];
    for (const p of [multiLiquid([6, 8, 10], 175), multiRandomSolid([6, 8, 10], 175, sums)]) {
      const g = p.grad(x);
      for (const [a, b] of [
        [0, 1],
        [0, 2],
        [1, 2],
      ]) {
        expect(Math.abs(g[b] - g[a] - simplexSlope(p, x, a, b))).toBeLessThan(1e-8);
      }
      const mu = chemicalPotentials(p, x);
      // f = sum_a x_a mu_a (the tangent plane passes through the point)
      expect(Math.abs(x[0] * mu[0] + x[1] * mu[1] + x[2] * mu[2] - p.f(x))).toBeLessThan(1e-12);
    }
  });
});
