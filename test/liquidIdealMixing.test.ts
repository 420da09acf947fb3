import { describe, expect, it } from 'vitest';
import { liquidFreeEnergy } from '../src/models/liquid.js';

// Non-default ideal-mixing term of the liquid (docs/solidus-offset.md): 'smixz' replaces
// -S_mix/N by -S_mixZ/N = x ln x + (1-x) ln(1-x) + <ln Z> - ln<Z> (paper eq. 11).
describe('liquid ideal-mixing option', () => {
  const g = 175.719;
  it('default and explicit smix are the same curve', () => {
    for (const x of [0, 0.3, 0.5, 1]) {
      expect(liquidFreeEnergy({ z1: 6, z2: 8, x }, g, { idealMixing: 'smix' })).toBe(liquidFreeEnergy({ z1: 6, z2: 8, x }, g));
    }
  });
  it('smixz lowers F_liq by (ln<Z> - <ln Z>)/Gamma and leaves the pure ends unchanged', () => {
    const x = 0.5;
    const shift = (Math.log(7) - (Math.log(6) + Math.log(8)) / 2) / g; // 0.0202027... / Gamma
    const a = liquidFreeEnergy({ z1: 6, z2: 8, x }, g);
    const b = liquidFreeEnergy({ z1: 6, z2: 8, x }, g, { idealMixing: 'smixz' });
    expect(a - b).toBeCloseTo(shift, 15);
    for (const xe of [0, 1]) {
      expect(liquidFreeEnergy({ z1: 6, z2: 8, x: xe }, g, { idealMixing: 'smixz' })).toBe(liquidFreeEnergy({ z1: 6, z2: 8, x: xe }, g));
    }
  });
});
