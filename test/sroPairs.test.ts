import { beforeAll, describe, expect, test } from 'vitest';
import { DomainError } from '../src/errors.js';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import type { LatticeSums } from '../src/latticeSums/types.js';
import { sroSolid, type SroResult } from '../src/models/sro.js';
import { getConstraintTable } from '../src/sro/constraintTable.js';
import { dualBound } from '../src/sro/dual.js';
import { solveInteriorPoint } from '../src/sro/interiorPoint.js';
import { entropyAt, objectiveAt, referenceGradient, type ConvexProgram, type LinearCuts, type SeparableEntropy } from '../src/sro/program.js';

/*
 * Every charge pair: certified minimizations over the pairs the issue names, at compositions
 * next to 0, 1 and 1/2, from Gamma = 1 to 2000 (docs/physics.md section 6), and the domain
 * errors outside the certified range.
 */

let sums: LatticeSums;

beforeAll(async () => {
  sums = await getLatticeSums(8);
  getConstraintTable(8);
}, 120_000);

const PAIRS: Array<[number, number]> = [
  [2, 6],
  [6, 8],
  [8, 10],
  [6, 10],
  [10, 12],
  [6, 26],
  [26, 34],
];
const XS = [1e-4, 0.01, 0.5, 0.99, 1 - 1e-4];

/** Gamma_1 of the melting region: Gamma_1m(OCP) = 175.7 at Gamma_e <Z^(5/3)> fixed. */
function meltingGamma(z1: number, z2: number, x: number): number {
  return (175.7 * Math.pow(z1, 5 / 3)) / ((1 - x) * Math.pow(z1, 5 / 3) + x * Math.pow(z2, 5 / 3));
}

function expectCertified(r: SroResult, label: string): void {
  expect(r.certificate, label).toBeLessThanOrEqual(1e-10);
  expect(r.minDeltaK, label).toBeGreaterThanOrEqual(-1e-12);
  expect(r.S, label).toBeGreaterThanOrEqual(-1e-12);
  // The random state is feasible: the SRO minimum is never above it (rounding of F allowed).
  expect(r.F, label).toBeLessThanOrEqual(r.Frandom + 1e-15 * Math.abs(r.Frandom));
  expect(r.alpha.every((a) => a > 0 && Number.isFinite(a)), label).toBe(true);
}

describe('sroSolid for every charge pair', () => {
  test.each(PAIRS)('Z1 = %i, Z2 = %i: certified at x = 1e-4 ... 1 - 1e-4 and Gamma = 1, Gamma_m, 2000', async (z1, z2) => {
    for (const x of XS) {
      for (const gamma of [1, meltingGamma(z1, z2, x), 2000]) {
        const r = await sroSolid({ z1, z2, x }, gamma, sums);
        expectCertified(r, `${z1}/${z2} x = ${x} Gamma = ${gamma}`);
      }
    }
  });

  test('C/Fe at x = 0.01: alpha_1 far below x^2 is held and certified (it stalled the old variables)', async () => {
    const x = 0.01;
    const r = await sroSolid({ z1: 6, z2: 26, x }, 1000, sums);
    expectCertified(r, 'C/Fe');
    expect(r.alpha[0]).toBeLessThan(1e-20 * x * x);
    expect(r.deviation[0]).toBeCloseTo(-1, 12);
  });

  test('the ends of the domain: x = 1e-6, 1e-9, 1 - 1e-6, 0.999999999 at Gamma = 0.1, 1 and 2000', async () => {
    for (const [z1, z2] of [
      [6, 26],
      [2, 6],
      [6, 36],
    ]) {
      for (const x of [1e-9, 1e-6, 1 - 1e-6, 0.999999999]) {
        for (const gamma of [0.1, 1, 2000]) expectCertified(await sroSolid({ z1, z2, x }, gamma, sums), `${z1}/${z2} x = ${x} Gamma = ${gamma}`);
      }
    }
  });

  test('outside the certified domain: DomainError naming it', async () => {
    const bad: Array<[number, number, number, number]> = [
      [6, 8, 1e-10, 100],
      [6, 8, 1 - 1e-10, 100],
      [6, 8, 0.5, 2001],
      [6, 8, 0.5, 0.05],
      [6, 37, 0.5, 100],
    ];
    for (const [z1, z2, x, gamma] of bad) {
      const p = sroSolid({ z1, z2, x }, gamma, sums);
      await expect(p).rejects.toThrow(DomainError);
      await expect(sroSolid({ z1, z2, x }, gamma, sums)).rejects.toThrow(/Z1 < Z2 <= 6 Z1, 1e-9 <= x <= 1 - 1e-9, 0.1 <= Gamma <= 2000/);
    }
  });
});

describe('the layered solver with another variable set', () => {
  /**
   * One shell of a three-component mixture (docs/physics.md section 13): free coordinates
   * z = P_ab - x_a x_b for a <= b (one block of 6, no closed-form start: the generic Newton of
   * the dual), the row sums sum_b P_ab = x_a as three equality rows.
   */
  function ternaryShell(xs: number[], energy: number[]): ConvexProgram {
    const pairs: Array<[number, number]> = [];
    for (let a = 0; a < 3; a++) for (let b = a; b < 3; b++) pairs.push([a, b]);
    const terms: Array<{ k: number; base: number; w: number }> = [];
    pairs.forEach(([a, b], k) => terms.push({ k, base: xs[a] * xs[b], w: a === b ? 0.5 : 1 }));
    const e: Omit<SeparableEntropy, 'linear'> = {
      s0: -xs.reduce((s, v) => s + v * Math.log(v), 0),
      weight: Float64Array.from(terms, (t) => t.w),
      base: Float64Array.from(terms, (t) => t.base),
      start: Int32Array.from({ length: terms.length + 1 }, (_, t) => t),
      col: Int32Array.from(terms, (t) => t.k),
      coef: new Float64Array(terms.length).fill(1),
      blockStart: Int32Array.from([0, 6]),
      termStart: Int32Array.from([0, terms.length]),
    };
    const eqRows = new Float64Array(3 * 6);
    pairs.forEach(([a, b], k) => {
      eqRows[a * 6 + k] += 1;
      if (b !== a) eqRows[b * 6 + k] += 1;
    });
    return {
      dim: 6,
      energy: Float64Array.from(energy),
      T: 0.05,
      entropy: { ...e, linear: referenceGradient(e, 6) },
      eqRows,
      eqRhs: new Float64Array(3),
      cutScale: 0.1,
      entropyScale: e.s0,
    };
  }

  test('equalities, a cut and the exact dual bound without any binary-specific code', () => {
    const p = ternaryShell([0.5, 0.3, 0.2], [0.02, -0.01, 0.03, -0.02, 0.01, 0.015]);
    // A cut P_11 - x_1^2 >= -0.01 (z_0 + 0.01 >= 0), which the unconstrained optimum violates.
    const cuts: LinearCuts = { rows: Float64Array.from([1, 0, 0, 0, 0, 0]), offsets: Float64Array.from([0.01]), count: 1 };
    const free = solveInteriorPoint(p, { rows: new Float64Array(0), offsets: new Float64Array(0), count: 0 });
    expect(free.converged).toBe(true);
    expect(free.point.z[0]).toBeLessThan(-0.01);
    const sol = solveInteriorPoint(p, cuts);
    expect(sol.converged).toBe(true);
    expect(sol.point.z[0] + 0.01).toBeGreaterThanOrEqual(-1e-14);
    expect(sol.point.z[0] + 0.01).toBeLessThan(1e-10);
    expect(sol.multipliers.cuts[0]).toBeGreaterThan(0);
    for (let a = 0; a < 3; a++) {
      let s = 0;
      for (let k = 0; k < 6; k++) s += p.eqRows[a * 6 + k] * sol.point.z[k];
      expect(Math.abs(s)).toBeLessThan(1e-15);
    }
    const gap = objectiveAt(p, sol.point) - dualBound(p, cuts, sol.multipliers);
    expect(gap).toBeGreaterThan(-1e-15);
    expect(gap).toBeLessThan(1e-12);
    expect(entropyAt(p.entropy, sol.point)).toBeGreaterThan(0);
  });
});
