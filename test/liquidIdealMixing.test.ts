import { describe, expect, it } from 'vitest';
import { liquidFreeEnergy } from '../src/models/liquid.js';

// The liquid's ideal-mixing term (docs/physics.md section 7): -S_mixZ/N = x ln x + (1-x) ln(1-x)
// + <ln Z> - ln<Z> (paper eq. 11) by default; 'smix' is the -S_mix/N variant (docs/solidus-offset.md).
describe('liquid ideal-mixing option', () => {
  const g = 175.719;
  it('default and explicit smixz are the same curve', () => {
    for (const x of [0, 0.3, 0.5, 1]) {
      expect(liquidFreeEnergy({ z1: 6, z2: 8, x }, g, { idealMixing: 'smixz' })).toBe(liquidFreeEnergy({ z1: 6, z2: 8, x }, g));
    }
  });
  it('the smix variant raises F_liq by (ln<Z> - <ln Z>)/Gamma and leaves the pure ends unchanged', () => {
    const x = 0.5;
    const shift = (Math.log(7) - (Math.log(6) + Math.log(8)) / 2) / g; // 0.0202027... / Gamma
    const a = liquidFreeEnergy({ z1: 6, z2: 8, x }, g);
    const b = liquidFreeEnergy({ z1: 6, z2: 8, x }, g, { idealMixing: 'smix' });
    expect(b - a).toBeCloseTo(shift, 15);
    for (const xe of [0, 1]) {
      expect(liquidFreeEnergy({ z1: 6, z2: 8, x: xe }, g, { idealMixing: 'smix' })).toBe(liquidFreeEnergy({ z1: 6, z2: 8, x: xe }, g));
    }
  });
});
