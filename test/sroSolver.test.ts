import { describe, expect, test } from 'vitest';
import { bccShells } from '../src/lattice/bccShells.js';
import { shellCosineSums } from '../src/lattice/shellCosineSums.js';
import { shellEntropyDecrementDerivative } from '../src/mixture/entropy.js';
import { getConstraintTable, shellCosineTableReference, shellCosineTableTs } from '../src/sro/constraintTable.js';
import { shellCosineTable as wasmShellCosineTable } from '../src/kernels/shellCosineTable.js';
import { deltaKFunction, localMinimizeDelta, refineMinDeltaK, shellCosineJet, shellCosineJetDirect } from '../src/sro/refineDeltaK.js';
import { alphaBounds, binaryProgram, separableMinimizer, type BinaryInstance } from '../src/sro/binaryPairs.js';
import { dualBound } from '../src/sro/dual.js';
import { solveInteriorPoint } from '../src/sro/interiorPoint.js';
import { objectiveAt, type LinearCuts } from '../src/sro/program.js';
import { foldToWedge, seededRandom, wedgeSample } from '../src/sro/wedgeSample.js';
import { inWedge, vec3, WEDGE } from '../src/brillouin/wedge.js';
import { RECIPROCAL_UNIT } from '../src/lattice/constants.js';

const NO_CUTS: LinearCuts = { rows: new Float64Array(0), offsets: new Float64Array(0), count: 0 };

/** The interior-point solution of a binary instance on the given cuts, with its d and multipliers (U_1). */
function solveFinite(p: BinaryInstance, cuts: LinearCuts) {
  const prog = binaryProgram(p);
  const sol = solveInteriorPoint(prog, cuts);
  return { prog, sol, d: sol.point.z, nu: sol.multipliers.equalities[0], lambda: sol.multipliers.cuts };
}

describe('solver on problems with known answers', () => {
  test('g proportional to m: the random state alpha = x^2 is optimal', () => {
    const m = Float64Array.from([8, 6, 12]);
    const p = { x: 0.3, T: 0.01, g: Array.from(m, (v) => 0.004 * v), m };
    const sol = solveFinite(p, NO_CUTS);
    for (const di of sol.d) expect(Math.abs(di)).toBeLessThan(1e-13);
    expect(sol.nu).toBeCloseTo(0.004, 12);
  });

  test('two shells at x = 1/2: d1 = -tanh((g1 - g2)/(4T))/4 in closed form', () => {
    // m = (1, 1), eq. 4 gives d2 = -d1; stationarity: g1 - g2 = 2T ln((1/4 - d1)/(1/4 + d1)).
    const T = 0.02;
    const g = [0.013, -0.004];
    const p = { x: 0.5, T, g, m: [1, 1] };
    const sol = solveFinite(p, NO_CUTS);
    const exact = -0.25 * Math.tanh((g[0] - g[1]) / (4 * T));
    expect(Math.abs(sol.d[0] - exact)).toBeLessThan(1e-14);
    expect(Math.abs(sol.d[1] + exact)).toBeLessThan(1e-14);
    const gap = objectiveAt(sol.prog, sol.sol.point) - dualBound(sol.prog, NO_CUTS, sol.sol.multipliers);
    expect(Math.abs(gap)).toBeLessThan(1e-15);
  });

  test('an active linear cut holds with equality and carries the right multiplier', () => {
    // Same problem with the cut 1/4 + 5 d1 >= 0 (d1 >= -0.05), which the free optimum violates.
    const T = 0.02;
    const g = [0.013, -0.004];
    const p = { x: 0.5, T, g, m: [1, 1] };
    expect(-0.25 * Math.tanh((g[0] - g[1]) / (4 * T))).toBeLessThan(-0.05);
    const cuts: LinearCuts = { rows: Float64Array.from([5, 0]), offsets: Float64Array.from([0.25]), count: 1 };
    const sol = solveFinite(p, cuts);
    expect(Math.abs(sol.d[0] + 0.05)).toBeLessThan(1e-12);
    expect(Math.abs(sol.d[1] - 0.05)).toBeLessThan(1e-12);
    // Stationarity in d1 with d2 = -d1: (g1 - g2) - T/2 [dS'(0.2) - dS'(0.3)] = 5 lambda.
    const lam = (g[0] - g[1] - (T / 2) * (shellEntropyDecrementDerivative(0.5, 0.2) - shellEntropyDecrementDerivative(0.5, 0.3))) / 5;
    expect(sol.lambda[0]).toBeCloseTo(lam, 12);
    const gap = objectiveAt(sol.prog, sol.sol.point) - dualBound(sol.prog, cuts, sol.sol.multipliers);
    expect(gap).toBeGreaterThan(-1e-15);
    expect(gap).toBeLessThan(1e-12);
  });

  test('separable minimizer solves q = w dS\'(a) across the domain, x < 1/2 and x > 1/2', () => {
    for (const x of [0.01, 0.3, 0.5, 0.7, 0.99]) {
      for (const q of [-0.3, -0.01, 0, 0.02, 0.5]) {
        const a = separableMinimizer(x, q, 0.05);
        expect(a).toBeGreaterThan(Math.max(0, 2 * x - 1));
        expect(a).toBeLessThan(x);
        // Residual allowed: rounding of a (a few ulp) times the curvature w (1/a + 2/(x-a) + 1/(1-2x+a)).
        const curvature = 0.05 * (1 / a + 2 / (x - a) + 1 / (1 - 2 * x + a));
        expect(Math.abs(q - 0.05 * shellEntropyDecrementDerivative(x, a))).toBeLessThan(1e-12 + 1e-15 * curvature);
      }
    }
  });
});

describe('wedge sample', () => {
  const s = wedgeSample({ size: 20000, seed: 3 });
  test('counts, vertices first, every point in the wedge', () => {
    expect(s.count).toBe(20000);
    expect(s.edgeCount).toBe(600);
    expect(s.faceCount).toBe(4000);
    const V = Object.values(WEDGE);
    for (let v = 0; v < 4; v++) for (let a = 0; a < 3; a++) expect(s.points[3 * v + a]).toBe(V[v][a]);
    for (let j = 0; j < s.count; j++) expect(inWedge(s.points.subarray(3 * j, 3 * j + 3))).toBe(true);
  });
  test('edge points are seed independent, interior points are not', () => {
    const t = wedgeSample({ size: 20000, seed: 4 });
    expect(Array.from(t.points.subarray(0, 3 * 600))).toEqual(Array.from(s.points.subarray(0, 3 * 600)));
    expect(t.points[3 * 10000]).not.toBe(s.points[3 * 10000]);
    expect(Array.from(wedgeSample({ size: 20000, seed: 3 }).points.subarray(0, 300))).toEqual(Array.from(s.points.subarray(0, 300)));
  });
  test('seeded PRNG is deterministic and uniform-looking', () => {
    const r = seededRandom(42);
    const u = Array.from({ length: 10000 }, r);
    expect(u.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Math.abs(u.reduce((a, b) => a + b, 0) / u.length - 0.5)).toBeLessThan(0.02);
    expect(seededRandom(42)()).toBe(u[0]);
  });
  test('vec3 and alphaBounds hold exactly the values given (whatever their number kind)', () => {
    expect(vec3(0, 0, 0)).toEqual([0, 0, 0]);
    expect(vec3(RECIPROCAL_UNIT, -0.25, 3)).toEqual([RECIPROCAL_UNIT, -0.25, 3]);
    expect(vec3(1, 2, 3)).not.toBe(vec3(1, 2, 3)); // a new array each call
    expect(alphaBounds(0.3)).toEqual({ lo: 0, hi: 0.3 });
    expect(alphaBounds(0.75)).toEqual({ lo: 0.5, hi: 0.75 });
  });
  test('foldToWedge maps any k to an equivalent wedge point', () => {
    const rand = seededRandom(9);
    for (let t = 0; t < 200; t++) {
      const k = [0, 1, 2].map(() => (rand() - 0.5) * 6 * RECIPROCAL_UNIT);
      const f = foldToWedge(k);
      expect(inWedge(f, 1e-12)).toBe(true);
      const a = shellCosineSums(k, 8);
      const b = shellCosineSums(f, 8);
      for (let i = 0; i < 8; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-10);
    }
  });
});

describe('shell cosine table', () => {
  test('separable TypeScript form equals direct summation, 30 shells', () => {
    const s = wedgeSample({ size: 4700, seed: 5 });
    const fast = shellCosineTableTs(s.points, 30);
    const ref = shellCosineTableReference(s.points, 30);
    let err = 0;
    for (let j = 0; j < fast.length; j++) err = Math.max(err, Math.abs(fast[j] - ref[j]));
    expect(err).toBeLessThan(1e-11);
    // c_i(0) = m_i
    bccShells(30).forEach((sh, i) => expect(fast[i]).toBeCloseTo(sh.m, 12));
  });
  test('the WASM kernel table (shared by the minimizer) equals the TypeScript forms', () => {
    const s = wedgeSample({ size: 4700, seed: 6 });
    const wasm = wasmShellCosineTable(s.points, 30);
    const ts = shellCosineTableTs(s.points, 30);
    let err = 0;
    for (let j = 0; j < ts.length; j++) err = Math.max(err, Math.abs(wasm[j] - ts[j]));
    expect(err).toBeLessThan(1e-11);
    const shared = getConstraintTable(8, { size: 5000, seed: 6 });
    expect(shared.backend).toBe('wasm');
    expect(getConstraintTable(8, { size: 5000, seed: 6 })).toBe(shared); // computed once, cached
  });

  test('separable jet equals the direct member sum (values, gradients, Hessians), 30 shells', () => {
    const rand = seededRandom(17);
    for (let t = 0; t < 20; t++) {
      const k = [0, 1, 2].map(() => (rand() - 0.5) * 4);
      const a = shellCosineJet(k, 30);
      const b = shellCosineJetDirect(k, 30);
      for (let i = 0; i < a.c.length; i++) expect(Math.abs(a.c[i] - b.c[i])).toBeLessThan(1e-10);
      for (let i = 0; i < a.dc.length; i++) expect(Math.abs(a.dc[i] - b.dc[i])).toBeLessThan(1e-9);
      for (let i = 0; i < a.d2c.length; i++) expect(Math.abs(a.d2c[i] - b.d2c[i])).toBeLessThan(1e-8);
    }
  });

  test('jet derivatives agree with finite differences', () => {
    const k = [0.7, 0.4, 0.25];
    const jet = shellCosineJet(k, 8);
    const h = 1e-6;
    for (let a = 0; a < 3; a++) {
      const kp = [...k];
      const km = [...k];
      kp[a] += h;
      km[a] -= h;
      const cp = shellCosineSums(kp, 8);
      const cm = shellCosineSums(km, 8);
      for (let i = 0; i < 8; i++) expect(Math.abs((cp[i] - cm[i]) / (2 * h) - jet.dc[3 * i + a])).toBeLessThan(1e-6);
    }
  });
});

describe('refinement of min_k Delta(k)', () => {
  test('finds a stationary minimum no higher than the sample points it started from', () => {
    const x = 0.5;
    const d = [-0.05, 0.06, -0.01, 0.01, -0.02, 0.01, 0.0, 0.0];
    const fn = deltaKFunction(x, d);
    const s = wedgeSample({ size: 5000, seed: 2 });
    let best = Infinity;
    let arg = 0;
    for (let j = 0; j < s.count; j++) {
      const v = fn.value(s.points.subarray(3 * j, 3 * j + 3));
      if (v < best) [best, arg] = [v, j];
    }
    const minima = refineMinDeltaK(x, d, [Array.from(s.points.subarray(3 * arg, 3 * arg + 3))]);
    expect(minima[0].value).toBeLessThanOrEqual(best + 1e-15);
    expect(minima[0].gradNorm).toBeLessThan(1e-10);
    expect(inWedge(minima[0].k, 1e-12)).toBe(true);
  });

  test('local minimizer (WASM kernel): stationary, Delta and jet match direct summation at its k', () => {
    const x = 0.4;
    const d = [-0.04, 0.05, -0.012, 0.008, -0.015, 0.01, 0.002, -0.001];
    const fn = deltaKFunction(x, d);
    for (const k0 of [[0.9, 0.5, 0.2], [2.1, 0.3, 0.1], [0.2, 0.1, 0.05]]) {
      const lm = localMinimizeDelta(k0, x, d);
      const ref = fn.evaluate(lm.k);
      expect(Math.abs(lm.value - ref.value)).toBeLessThan(1e-14);
      expect(lm.value).toBeLessThanOrEqual(fn.value(k0));
      expect(Math.hypot(...ref.grad)).toBeLessThan(1e-10);
      for (let a = 0; a < 9; a++) expect(Math.abs(lm.hess[a] - ref.hess[a])).toBeLessThan(1e-11);
      // A minimum: the Hessian's leading minors are non-negative (up to rounding).
      const H = lm.hess;
      expect(H[0]).toBeGreaterThan(-1e-12);
      expect(H[0] * H[4] - H[1] * H[3]).toBeGreaterThan(-1e-12);
      const jet = shellCosineJetDirect(lm.k, 8);
      for (let i = 0; i < 8; i++) expect(Math.abs(lm.jet.c[i] - jet.c[i])).toBeLessThan(1e-12);
      for (let i = 0; i < 24; i++) expect(Math.abs(lm.jet.dc[i] - jet.dc[i])).toBeLessThan(1e-11);
    }
  });
});
