import { describe, expect, it } from 'vitest';
import {
  mixingEntropy,
  mixingEntropyZ,
  orderedEntropy,
  shellEntropyDecrement,
  shellEntropyDecrementDerivative,
  shellEntropyDecrementSecondDerivative,
} from '../src/mixture/entropy.js';

const M = [8, 6, 12, 24, 8, 6, 24, 24];

describe('residual entropies', () => {
  it('S_mix (eq. 10) and S_mixZ (eq. 11)', () => {
    expect(mixingEntropy(0.5)).toBeCloseTo(Math.LN2, 15);
    expect(mixingEntropy(0)).toBe(0);
    expect(mixingEntropy(1)).toBe(0);
    expect(mixingEntropy(-0.1)).toBe(-Infinity);
    expect(mixingEntropy(NaN)).toBe(-Infinity);
    expect(mixingEntropyZ({ z1: 6, z2: 8, x: 0.5 })).toBeCloseTo(Math.LN2 + Math.log(7) - (Math.log(6) + Math.log(8)) / 2, 15);
    expect(mixingEntropyZ({ z1: 6, z2: 8, x: 0 })).toBeCloseTo(0, 15);
  });

  it('S (A.4) equals S_mix at alpha_i = x^2', () => {
    for (const x of [1e-6, 0.01, 0.1, 0.3, 0.5, 0.7, 0.93, 1 - 1e-6]) {
      const alpha = new Array(8).fill(x * x);
      expect(orderedEntropy(x, alpha, M)).toBeCloseTo(mixingEntropy(x), 13);
      expect(Math.abs(shellEntropyDecrement(x, x * x))).toBeLessThan(1e-14);
    }
  });

  it('A.3 at hand-checked points and 0 ln 0 = 0 at the domain ends', () => {
    // x = 0.5, a = 0.2: 2(0.5 ln 0.5)*2 - 0.2 ln 0.2 - 2 (0.3 ln 0.3) - 0.2 ln 0.2
    const hand = 2 * Math.log(0.5) - 0.4 * Math.log(0.2) - 0.6 * Math.log(0.3);
    expect(shellEntropyDecrement(0.5, 0.2)).toBeCloseTo(hand, 15);
    // a = 0 at x = 0.5 (perfect CsCl-type alternation on this shell): finite.
    expect(shellEntropyDecrement(0.5, 0)).toBeCloseTo(2 * Math.log(0.5) - Math.log(0.5), 15);
    // a = x: 2x ln x + 2(1-x) ln(1-x) - x ln x - (1-x) ln(1-x)
    expect(shellEntropyDecrement(0.3, 0.3)).toBeCloseTo(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7), 15);
    // Lower end 2x - 1 for x > 1/2.
    // a = 2x - 1 in floating point (1 - 1.6 + 0.6 rounds to -1e-16) is the exact lower end.
    expect(shellEntropyDecrement(0.8, 2 * 0.8 - 1)).toBeCloseTo(2 * 0.8 * Math.log(0.8) + 2 * 0.2 * Math.log(0.2) - 0.6 * Math.log(0.6) - 0.4 * Math.log(0.2), 14);
    // The literal 0.6 is one ulp below 2 * 0.8 - 1 = 0.6000000000000001: outside, strictly.
    expect(shellEntropyDecrement(0.8, 0.6)).toBe(-Infinity);
    expect(shellEntropyDecrement(0.8, 0.59)).toBe(-Infinity);
    expect(shellEntropyDecrement(0.3, 0.31)).toBe(-Infinity);
    expect(shellEntropyDecrement(0.3, -0.01)).toBe(-Infinity);
    expect(orderedEntropy(0.3, [0.5], M)).toBe(-Infinity);
    // A hand-computed ordered entropy (Python): x = 0.5, eight shells.
    expect(orderedEntropy(0.5, [0.22, 0.27, 0.24, 0.26, 0.23, 0.25, 0.255, 0.245], M)).toBeCloseTo(0.6226495421079206, 13);
  });

  it('derivatives match finite differences', () => {
    for (const [x, a] of [
      [0.5, 0.2],
      [0.3, 0.05],
      [0.1, 0.011],
      [0.8, 0.63],
      [0.6, 0.3],
    ]) {
      const h = 1e-5;
      const fd1 = (shellEntropyDecrement(x, a + h) - shellEntropyDecrement(x, a - h)) / (2 * h);
      const fd2 = (shellEntropyDecrementDerivative(x, a + h) - shellEntropyDecrementDerivative(x, a - h)) / (2 * h);
      const d1 = shellEntropyDecrementDerivative(x, a);
      const d2 = shellEntropyDecrementSecondDerivative(x, a);
      expect(Math.abs(fd1 - d1)).toBeLessThan(1e-6 * Math.max(1, Math.abs(d1)));
      expect(Math.abs(fd2 - d2)).toBeLessThan(1e-5 * Math.max(1, Math.abs(d2)));
      expect(d2).toBeLessThan(0);
    }
    expect(shellEntropyDecrementDerivative(0.4, 0.16)).toBeCloseTo(0, 14);
  });

  it('derivatives never NaN at or beyond the ends', () => {
    expect(shellEntropyDecrementDerivative(0.3, 0)).toBe(Infinity);
    expect(shellEntropyDecrementDerivative(0.3, 0.3)).toBe(-Infinity);
    expect(shellEntropyDecrementDerivative(0.8, 0.6)).toBe(Infinity);
    expect(shellEntropyDecrementSecondDerivative(0.3, 0)).toBe(-Infinity);
    expect(shellEntropyDecrementSecondDerivative(0.3, 0.4)).toBe(-Infinity);
  });
});
