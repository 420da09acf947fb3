import { describe, expect, it } from 'vitest';
import { lowerHull } from '../src/phase/lowerHull.js';
import { commonTangent } from '../src/phase/commonTangent.js';
import { coexistenceWindows, hullAnalysis } from '../src/phase/coexistence.js';
import { miscibilityGaps } from '../src/phase/solvus.js';
import { naturalSpline } from '../src/phase/naturalSpline.js';
import { locateAzeotrope, pockets } from '../src/phase/azeotrope.js';
import { compositionGrid } from '../src/phase/grid.js';
import type { FreeEnergyCurve } from '../src/phase/types.js';

const ideal = (x: number): number => x * Math.log(x) + (1 - x) * Math.log(1 - x);

describe('lowerHull', () => {
  it('keeps only the lower convex chain, drops collinear points and higher duplicates', () => {
    const pts = [
      { x: 0, y: 0, label: 'a' },
      { x: 1, y: -1, label: 'a' },
      { x: 2, y: -2, label: 'b' }, // collinear with its neighbours
      { x: 3, y: -3, label: 'a' },
      { x: 4, y: 5, label: 'b' },
      { x: 4, y: 0, label: 'a' },
      { x: 2, y: 3, label: 'a' },
    ];
    const h = lowerHull(pts);
    expect(h.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [3, -3],
      [4, 0],
    ]);
  });
});

describe('common tangent of two parabolas (analytic double tangent)', () => {
  // f_a = A (x - p)^2, f_b = A (x - q)^2 + d: x_a = p + d/(2A(q - p)), x_b = x_a + (q - p).
  const A = 3, p = 0.25, q = 0.7, d = 0.1;
  const fa: FreeEnergyCurve = { f: (x) => A * (x - p) ** 2 };
  const fb: FreeEnergyCurve = { f: (x) => A * (x - q) ** 2 + d };
  const xa = p + d / (2 * A * (q - p));
  const xb = xa + (q - p);

  it('commonTangent solves the three equations from a rough start', () => {
    const t = commonTangent(fa, fb, 0.3, 0.8);
    expect(t.xa).toBeCloseTo(xa, 9);
    expect(t.xb).toBeCloseTo(xb, 9);
    expect(t.residual).toBeLessThan(1e-8);
  });

  it('coexistenceWindows finds the single window from the hull and refines it to 1e-6', () => {
    const w = coexistenceWindows(fa, fb, { grid: { step: 0.01 } });
    expect(w).toHaveLength(1);
    expect(Math.abs(w[0].xLiquid - xa)).toBeLessThan(1e-6);
    expect(Math.abs(w[0].xSolid - xb)).toBeLessThan(1e-6);
  });
});

describe('identical charges: curves differing by a constant', () => {
  it('give no coexistence gap on either side of the melting point', () => {
    const T = 1 / 175;
    const solid: FreeEnergyCurve = { f: (x) => T * ideal(x) };
    for (const c of [-1e-4, 1e-4]) {
      const liquid: FreeEnergyCurve = { f: (x) => T * ideal(x) + c };
      expect(coexistenceWindows(liquid, solid)).toEqual([]);
      const h = hullAnalysis(liquid, solid);
      expect(h.liquidOnHull).toBe(c < 0);
    }
  });
});

describe('synthetic azeotrope', () => {
  // Solid: ideal mixing; liquid = solid + Delta(x), Delta = c (g - 1) + d1 x - k x (1 - x).
  // The liquid touches the solid hull when min Delta = 0: g_az = 1 + (k - d1)^2 / (4 k c),
  // x_az = (k - d1) / (2 k).
  const T = 0.01, c = 0.01, d1 = -0.002, k = 0.01;
  const curves = (g: number): { liquid: FreeEnergyCurve; solid: FreeEnergyCurve } => ({
    solid: { f: (x) => T * ideal(x) },
    liquid: { f: (x) => T * ideal(x) + c * (g - 1) + d1 * x - k * x * (1 - x) },
  });
  const gAz = 1 + (k - d1) ** 2 / (4 * k * c);
  const xAz = (k - d1) / (2 * k);

  it('shows two windows flanking a liquid pocket just before the azeotrope', () => {
    const { liquid, solid } = curves(gAz - 0.05);
    const w = coexistenceWindows(liquid, solid);
    expect(w).toHaveLength(2);
    const pk = pockets(w);
    expect(pk[0].phase).toBe('liquid');
    expect(pk[0].x).toBeGreaterThan(xAz - 0.1);
    expect(pk[0].x).toBeLessThan(xAz + 0.1);
  });

  it('locateAzeotrope refines Gamma and x', async () => {
    const az = await locateAzeotrope(
      (g) => {
        const { liquid, solid } = curves(g);
        return coexistenceWindows(liquid, solid);
      },
      gAz - 0.1,
      gAz + 0.1,
      { gammaTolerance: 1e-9 },
    );
    expect(az.phase).toBe('liquid');
    expect(az.gamma).toBeCloseTo(gAz, 6);
    expect(Math.abs(az.x - xAz)).toBeLessThan(2e-3);
  });
});

describe('solvus of a synthetic double well', () => {
  // Symmetric regular solution T ideal(x) + W x(1-x): gap for W > 2T, symmetric about 1/2,
  // boundary solves T ln(x/(1-x)) + W(1 - 2x) = 0.
  const T = 1, W = 3;
  const curve: FreeEnergyCurve = { f: (x) => T * ideal(x) + W * x * (1 - x) };
  it('finds one gap with the analytic binodal', () => {
    const gaps = miscibilityGaps(curve, { grid: { step: 0.01 } });
    expect(gaps).toHaveLength(1);
    const x = gaps[0].xLow;
    expect(Math.abs(T * Math.log(x / (1 - x)) + W * (1 - 2 * x))).toBeLessThan(1e-9);
    expect(gaps[0].xHigh).toBeCloseTo(1 - x, 8);
    expect(x).toBeGreaterThan(0.05);
    expect(x).toBeLessThan(0.2);
  });
  it('finds none above the critical temperature', () => {
    expect(miscibilityGaps({ f: (x) => ideal(x) + 1.9 * x * (1 - x) })).toEqual([]);
  });
});

describe('naturalSpline', () => {
  it('is exact on straight lines, value and derivative, also outside the knots', () => {
    const f = (x: number): number => 2 - 0.5 * x;
    const xs = [0, 0.1, 0.35, 0.4, 0.9, 1];
    const s = naturalSpline(xs, xs.map(f));
    for (const x of [0.05, 0.37, 0.77, 1.2]) {
      expect(s(x)).toBeCloseTo(f(x), 14);
      expect(s.derivative(x)).toBeCloseTo(-0.5, 13);
    }
  });
  it('is exact on piecewise cubics that are themselves natural splines (C2, zero end curvature)', () => {
    // f = x^3 - 3x on [0, 1], mirrored about x = 1: C2 at 1, f''(0) = f''(2) = 0.
    const f = (x: number): number => (x <= 1 ? x ** 3 - 3 * x : (2 - x) ** 3 - 3 * (2 - x));
    const df = (x: number): number => (x <= 1 ? 3 * x * x - 3 : -(3 * (2 - x) ** 2 - 3));
    const xs = [0, 0.2, 0.5, 1, 1.3, 1.7, 2]; // superset of the breakpoints {0, 1, 2}
    const s = naturalSpline(xs, xs.map(f));
    for (let k = 0; k <= 40; k++) {
      const x = k / 20;
      expect(s(x)).toBeCloseTo(f(x), 12);
      expect(s.derivative(x)).toBeCloseTo(df(x), 11);
    }
  });
  it('converges on a general cubic away from the ends', () => {
    const p = (x: number): number => x ** 3 - 3 * x;
    const xsFine = Array.from({ length: 81 }, (_, i) => -1 + i / 40);
    const fine = naturalSpline(xsFine, xsFine.map(p));
    expect(Math.abs(fine(0.3) - p(0.3))).toBeLessThan(1e-7);
    expect(Math.abs(fine.derivative(0.3) - (3 * 0.09 - 3))).toBeLessThan(1e-5);
  });
});

describe('compositionGrid', () => {
  it('is increasing, inside (0, 1), and reaches the requested edge', () => {
    const g = compositionGrid({ step: 0.01, edge: 1e-6 });
    for (let k = 1; k < g.length; k++) expect(g[k]).toBeGreaterThan(g[k - 1]);
    expect(g[0]).toBeCloseTo(1e-6, 12);
    expect(1 - g[g.length - 1]).toBeCloseTo(1e-6, 12);
  });
});
