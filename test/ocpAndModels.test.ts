import { describe, expect, it } from 'vitest';
import { liquidMixingCorrection } from '../src/mixture/liquidMixing.js';
import { liquidFreeEnergy } from '../src/models/liquid.js';
import { ogataEnergy, ogataSolid } from '../src/models/ogata.js';
import { randomSolid } from '../src/models/random.js';
import { DS99, ocpLiquidFreeEnergy } from '../src/ocp/liquidFreeEnergy.js';
import { meltingGamma, ocpFreeEnergyDifference } from '../src/ocp/meltingPoint.js';
import { BC22, FH93, ocpSolidFreeEnergy } from '../src/ocp/solidFreeEnergy.js';
import { TABLE_I } from './tableIFixture.js';

const CO = { z1: 6, z2: 8, x: 0.5 };

describe('one-component plasma', () => {
  it('melting point Gamma_1m = 175.719 with the paper defaults', () => {
    const g = meltingGamma();
    expect(Math.abs(g - 175.719)).toBeLessThan(5e-4);
    expect(Math.abs(ocpFreeEnergyDifference(g))).toBeLessThan(1e-9);
    expect(meltingGamma({ liquidFit: DS99, anharmonic: BC22 })).toBe(g);
  });
  it('liquid fit: Debye-Hueckel limit and hand-evaluated strong coupling', () => {
    const g = 1e-6;
    expect(ocpLiquidFreeEnergy(g) / (-Math.pow(g, 1.5) / Math.sqrt(3))).toBeCloseTo(1, 3);
    // Hand evaluation of the DS99 fit at Gamma = 100 (docs/physics.md section 7).
    const G = 100;
    const [A1, A2, B1, B2, B3, B4] = [-0.907, 0.62954, 0.00456, 211.6, -1e-4, 0.00462];
    const A3 = -Math.sqrt(3) / 2 - A1 / Math.sqrt(A2);
    const hand =
      A1 * (Math.sqrt(G * (A2 + G)) - A2 * Math.log(Math.sqrt(G / A2) + Math.sqrt(1 + G / A2))) +
      2 * A3 * (Math.sqrt(G) - Math.atan(Math.sqrt(G))) +
      B1 * (G - B2 * Math.log(1 + G / B2)) +
      (B3 / 2) * Math.log(1 + (G * G) / B4);
    expect(ocpLiquidFreeEnergy(G)).toBeCloseTo(hand, 12);
  });
  it('solid: harmonic + anharmonic, FH93 option moves the melting point', () => {
    const G = 200;
    const C = 3 * -0.831298 + 1 + Math.log(6 / Math.PI) / 2;
    const hand = -0.895929255682 * G + 1.5 * Math.log(G) + C - (10.2 / G + 248 / (2 * G * G) + 2.03e5 / (3 * G ** 3));
    expect(ocpSolidFreeEnergy(G)).toBeCloseTo(hand, 12);
    const gFH = meltingGamma({ anharmonic: FH93 });
    expect(gFH).toBeGreaterThan(170);
    expect(gFH).toBeLessThan(180);
    expect(Math.abs(gFH - 175.719)).toBeGreaterThan(1e-3);
  });
});

describe('liquid mixture', () => {
  it('is zero for pure carbon at Gamma_1m', () => {
    expect(Math.abs(liquidFreeEnergy({ ...CO, x: 0 }, 175.719))).toBeLessThan(1e-6);
    expect(Math.abs(liquidFreeEnergy({ ...CO, x: 0 }, meltingGamma()))).toBeLessThan(1e-12);
    expect(Number.isFinite(liquidFreeEnergy({ ...CO, x: 1 }, 175.719))).toBe(true);
  });
  it('mixing correction (PCCDR09) vanishes for a pure plasma and is positive for a mixture', () => {
    expect(liquidMixingCorrection({ ...CO, x: 0 }, 175.719)).toBe(0);
    expect(liquidMixingCorrection({ ...CO, x: 1 }, 175.719)).toBe(0);
    expect(liquidMixingCorrection({ ...CO, x: 1e-9 }, 175.719)).toBeGreaterThanOrEqual(0);
    // Hand evaluation at x = 0.5, Gamma_1 = 175.719 (docs/physics.md section 7; ideal term -S_mixZ = ln(1/2) + <ln Z> - ln<Z>).
    const ge = 175.719 / Math.pow(6, 5 / 3);
    const z = 7;
    const z2 = 50;
    const z52 = (Math.pow(6, 2.5) + Math.pow(8, 2.5)) / 2;
    const z53 = (Math.pow(6, 5 / 3) + 32) / 2;
    const dif0 = z52 - Math.pow(z2, 1.5) / Math.sqrt(z);
    const delta = dif0 / z52;
    const D = z2 / (z * z);
    const a = Math.pow(D, -0.2);
    const A = (2.6 * delta + 14 * delta ** 3) / (1 - a);
    const B = 0.0117 * D * D;
    const nu = 3 / (2 * a) - 1;
    const gm = ge * z53;
    const hand = ((Math.pow(ge, 1.5) / Math.sqrt(3)) * dif0) / ((1 + A * gm ** a) * Math.pow(1 + B * A * gm ** a, nu));
    expect(liquidMixingCorrection(CO, 175.719)).toBeCloseTo(hand, 12);
    const g2 = 175.719 * Math.pow(8 / 6, 5 / 3);
    const F =
      (0.5 * ocpFreeEnergyDifference(175.719) + 0.5 * ocpFreeEnergyDifference(g2) + hand + Math.log(0.5) + (Math.log(6) + Math.log(8)) / 2 - Math.log(7)) / 175.719;
    expect(liquidFreeEnergy(CO, 175.719)).toBeCloseTo(F, 14);
  });
});

describe('solid models', () => {
  it('random: U_rnd - T S_mix', () => {
    const r = randomSolid(CO, 175.719, TABLE_I);
    expect(r.model).toBe('random');
    // U_rnd by hand (see mixtureEnergies.test.ts): 0.0012454880518624
    expect(r.U).toBeCloseTo(0.0012454880518624, 13);
    expect(r.S).toBeCloseTo(Math.LN2, 15);
    expect(r.F).toBeCloseTo(0.0012454880518624 - Math.LN2 / 175.719, 13);
    const r2 = randomSolid({ ...CO, x: 0.2 }, 150, TABLE_I);
    const unit = 1 / (Math.pow(6, 5 / 3) * Math.cbrt(6.4));
    const mad = (-0.895929255682 * (Math.pow(6.4, 5 / 3) - (0.8 * Math.pow(6, 5 / 3) + 0.2 * 32))) / Math.pow(6, 5 / 3);
    const U = mad - 2 * 0.16 * 0.90183 * unit;
    const S = -0.2 * Math.log(0.2) - 0.8 * Math.log(0.8);
    expect(r2.F).toBeCloseTo(U - S / 150, 14);
  });
  it('Ogata et al. 1993 with S_mix and S_mixZ', () => {
    // x = 0.5, R = 4/3: C_R = 0.05 (1/3)^2 / ((1 + 0.64/3)(1 + 0.5/9)), s = sqrt(0.5)
    const r1 = 1 / 3;
    const cR = (0.05 * r1 * r1) / ((1 + 0.64 * r1) * (1 + 0.5 * r1 * r1));
    const s = Math.SQRT1_2;
    const dG = cR / (1 + ((27 * r1) / (1 + 0.1 * r1)) * s * (s - 0.3) * (s - 0.7) * (s - 1));
    expect(ogataEnergy(CO)).toBeCloseTo(0.25 * dG, 15);
    expect(ogataEnergy(CO)).toBeCloseTo(0.00109013114, 10);
    const a = ogataSolid(CO, 175.719);
    expect(a.model).toBe('ogata');
    expect(a.F).toBeCloseTo(0.25 * dG - Math.LN2 / 175.719, 15);
    const b = ogataSolid(CO, 175.719, { entropy: 'smixz' });
    expect(b.model).toBe('ogata-smixz');
    expect(b.S).toBeCloseTo(Math.LN2 + Math.log(7) - 0.5 * Math.log(48), 14);
    expect(b.F).toBeCloseTo(0.25 * dG - b.S / 175.719, 15);
  });
});
