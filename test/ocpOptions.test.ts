import { describe, expect, it } from 'vitest';
import { CAILLOL99, DS99, LIQUID_FITS, ocpLiquidFreeEnergy } from '../src/ocp/liquidFreeEnergy.js';
import { meltingGamma } from '../src/ocp/meltingPoint.js';

describe('liquid-fit options', () => {
  it('offers the paper default ds99 and the Caillol-based caillol99 set', () => {
    expect(Object.keys(LIQUID_FITS).sort()).toEqual(['caillol99', 'ds99']);
  });

  it('both fits describe the same liquid: free energies within 0.01 T per ion up to Gamma = 200', () => {
    for (const g of [1, 10, 50, 100, 175, 200]) {
      const a = ocpLiquidFreeEnergy(g, { liquidFit: DS99 });
      const b = ocpLiquidFreeEnergy(g, { liquidFit: CAILLOL99 });
      expect(Math.abs(a - b)).toBeLessThan(0.01);
    }
  });

  it('both reduce to the Debye-Hueckel limit -Gamma^(3/2)/sqrt(3) at small Gamma', () => {
    const g = 1e-6;
    for (const fit of [DS99, CAILLOL99]) {
      expect(ocpLiquidFreeEnergy(g, { liquidFit: fit }) / (-(g ** 1.5) / Math.sqrt(3))).toBeCloseTo(1, 3);
    }
  });

  it('the caillol99 melting point lies within 0.1 of the default 175.719', () => {
    expect(Math.abs(meltingGamma({ liquidFit: CAILLOL99 }) - 175.719)).toBeLessThan(0.1);
  });
});
