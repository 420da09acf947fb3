import { describe, expect, it } from 'vitest';
import { meanZ, validateMixture, zMoment } from '../src/mixture/composition.js';
import {
  correlationEnergy,
  electrostaticEnergy,
  ionSphereUnit,
  linearCoefficients,
  madelungExcess,
  randomEnergy,
  shiftEnergy,
} from '../src/mixture/electrostatic.js';
import { DomainError } from '../src/errors.js';
import { TABLE_I } from './tableIFixture.js';

const CO = { z1: 6, z2: 8, x: 0.5 };
const ALPHA = [0.22, 0.27, 0.24, 0.26, 0.23, 0.25, 0.255, 0.245];

describe('composition', () => {
  it('moments and mean charge', () => {
    expect(meanZ(CO)).toBe(7);
    expect(zMoment(CO, 2)).toBe(50);
    expect(zMoment({ ...CO, x: 0 }, 5 / 3)).toBeCloseTo(Math.pow(6, 5 / 3), 14);
  });
  it('validation throws one-line DomainErrors', () => {
    for (const bad of [
      { z1: 6, z2: 8, x: 0 },
      { z1: 6, z2: 8, x: 1 },
      { z1: 6, z2: 8, x: NaN },
      { z1: 8, z2: 6, x: 0.5 },
      { z1: 6, z2: 6, x: 0.5 },
      { z1: -6, z2: 8, x: 0.5 },
      { z1: 0, z2: 8, x: 0.5 },
    ]) {
      expect(() => validateMixture(bad)).toThrow(DomainError);
    }
    expect(() => validateMixture({ z1: 6, z2: 8, x: 0 }, { closed: true })).not.toThrow();
    expect(() => validateMixture({ z1: 6, z2: 8, x: 1.2 }, { closed: true })).toThrow(DomainError);
  });
});

describe('electrostatic energies at x = 0.5, C/O, Table I (hand computation)', () => {
  // Hand computation, docs/physics.md section 4, energies in U_1 = 6^(5/3) e^2/a_e:
  //   <Z> = 7, <Z^(5/3)> = (6^(5/3) + 8^(5/3))/2 = (19.811563 + 32)/2 = 25.905782
  //   e^2/a_i in U_1: 1/(6^(5/3) 7^(1/3)) = 1/(19.811563 * 1.912931) = 0.026386507
  //   U_mad - LM = -zeta (7^(5/3) - 25.905782)/6^(5/3) = -0.8959293 * (25.615140 - 25.905782)/19.811563 = 0.013143560
  //   (Z2 - Z1)^2/2 = 2, x^2 = 0.25, x(1-x) = 0.25
  //   U_corr = 2 * sum_i (alpha_i - 0.25) I_i * 0.026386507
  //   U_shft = -2 * [0.25 * 0.90183 + sum_i (alpha_i - 0.25) T_i] * 0.026386507
  //   U_rnd  = 0.013143560 - 2 * 0.25 * 0.90183 * 0.026386507 = 0.001245488
  const unit = 1 / (Math.pow(6, 5 / 3) * Math.cbrt(7));
  const table = [
    [4.4334, 0.1149],
    [3.0577, -0.1035],
    [4.1411, 0.0368],
    [7.2268, -0.1009],
    [2.1968, 0.0774],
    [1.495, -0.0179],
    [5.371, 0.051],
    [5.2993, -0.0146],
  ];
  let sumI = 0;
  let sumT = 0;
  table.forEach(([T, IminusT], i) => {
    sumI += (ALPHA[i] - 0.25) * (T + IminusT);
    sumT += (ALPHA[i] - 0.25) * T;
  });
  const handMad = (-0.895929255682 * (Math.pow(7, 5 / 3) - (Math.pow(6, 5 / 3) + 32) / 2)) / Math.pow(6, 5 / 3);
  const handCorr = 2 * sumI * unit;
  const handShft = -2 * (0.25 * 0.90183 + sumT) * unit;

  it('ion-sphere unit', () => {
    expect(ionSphereUnit(CO)).toBeCloseTo(0.026386507, 9);
    expect(ionSphereUnit(CO)).toBeCloseTo(unit, 15);
  });
  it('U_mad - LM', () => {
    expect(madelungExcess(CO, TABLE_I.zeta)).toBeCloseTo(0.01314356, 8);
    expect(madelungExcess(CO, TABLE_I.zeta)).toBeCloseTo(handMad, 15);
    expect(madelungExcess({ ...CO, x: 0 }, TABLE_I.zeta)).toBeCloseTo(0, 14);
  });
  it('U_corr (eq. 5) and U_shft (eq. 6)', () => {
    expect(correlationEnergy(CO, ALPHA, TABLE_I)).toBeCloseTo(handCorr, 15);
    expect(shiftEnergy(CO, ALPHA, TABLE_I)).toBeCloseTo(handShft, 15);
    // Independent (Python) evaluation of the same numbers:
    expect(correlationEnergy(CO, ALPHA, TABLE_I)).toBeCloseTo(-0.004891134868, 11);
    expect(shiftEnergy(CO, ALPHA, TABLE_I)).toBeCloseTo(-0.007435137166, 11);
    expect(electrostaticEnergy(CO, ALPHA, TABLE_I)).toBeCloseTo(0.000817287816, 11);
  });
  it('U_rnd', () => {
    expect(randomEnergy(CO, TABLE_I)).toBeCloseTo(0.001245488, 9);
    expect(randomEnergy(CO, TABLE_I)).toBeCloseTo(handMad - 2 * 0.25 * 0.90183 * unit, 15);
    // alpha_i = x^2 reproduces U_rnd; U_corr vanishes.
    expect(electrostaticEnergy(CO, new Array(8).fill(0.25), TABLE_I)).toBeCloseTo(randomEnergy(CO, TABLE_I), 15);
    expect(correlationEnergy(CO, new Array(8).fill(0.25), TABLE_I)).toBe(0);
  });
  it('linear coefficients reproduce U_corr + U_shft', () => {
    const g = linearCoefficients(CO, TABLE_I, 8);
    expect(g[0]).toBeCloseTo(2 * 0.1149 * unit, 15);
    let lin = shiftEnergy(CO, [], TABLE_I);
    for (let i = 0; i < 8; i++) lin += g[i] * (ALPHA[i] - 0.25);
    expect(lin).toBeCloseTo(correlationEnergy(CO, ALPHA, TABLE_I) + shiftEnergy(CO, ALPHA, TABLE_I), 15);
  });
  it('rejects more order parameters than shells', () => {
    expect(() => correlationEnergy(CO, new Array(9).fill(0.25), TABLE_I)).toThrow(RangeError);
  });
});
