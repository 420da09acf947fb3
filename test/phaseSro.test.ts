import { describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { randomSolid } from '../src/models/random.js';
import { phaseDiagram } from '../src/phase/phaseDiagram.js';
import { minimizeAlongX, sroCurveFromPoints, sroGrid, type SroMinimizer } from '../src/phase/sroCurve.js';
import { sroCurveProvider } from '../src/phase/sroProvider.js';
import { createProgress } from '../src/cli/progress.js';

describe('SRO curve machinery (with the random solid standing in for the minimizer)', () => {
  it('the grid has step <= 0.01 and extra points near both ends', () => {
    const xs = sroGrid();
    expect(xs[0]).toBe(0.0005);
    expect(xs[xs.length - 1]).toBe(0.9995);
    for (let k = 1; k < xs.length; k++) {
      expect(xs[k] - xs[k - 1]).toBeGreaterThan(0);
      expect(xs[k] - xs[k - 1]).toBeLessThanOrEqual(0.01 + 1e-12);
    }
    expect(() => sroGrid({ step: 0.02 })).toThrow();
  });

  it('warm starts carry the previous deviation alpha - x^2 along x', async () => {
    const seen: Array<number[] | undefined> = [];
    const fake: SroMinimizer = (mix, _g, o) => {
      seen.push(o.warmStart ? Array.from(o.warmStart) : undefined);
      return { F: 0, alpha: [mix.x * mix.x + 0.01 * mix.x] };
    };
    await minimizeAlongX(6, 8, 175, [0.2, 0.3], fake);
    expect(seen[0]).toBeUndefined();
    // previous deviation 0.002 at x = 0.2 carried to x = 0.3: 0.09 + 0.002.
    expect(seen[1]![0]).toBeCloseTo(0.092, 12);
  });

  it('splining F + T S_mix reproduces the curve and its slope near the ends far better than splining F', async () => {
    const sums = await getLatticeSums(8);
    const g = 178;
    const exact = (x: number): number => randomSolid({ z1: 6, z2: 8, x }, g, sums).F;
    const pts = sroGrid().map((x) => ({ x, F: exact(x), alpha: [] }));
    const smooth = sroCurveFromPoints(pts, g);
    const paper = sroCurveFromPoints(pts, g, { splineF: true });
    for (const x of [0.0002, 0.0012, 0.004, 0.015, 0.5, 0.985, 0.9993]) {
      expect(Math.abs(smooth.f(x) - exact(x))).toBeLessThan(1e-9);
    }
    const dx = 1e-7;
    const dExact = (x: number): number => (exact(x + dx) - exact(x - dx)) / (2 * dx);
    const x = 0.0012;
    expect(Math.abs(smooth.df!(x) - dExact(x))).toBeLessThan(1e-5);
    expect(Math.abs(paper.df!(x) - dExact(x))).toBeGreaterThan(10 * Math.abs(smooth.df!(x) - dExact(x)));
  });

  it('a diagram through sroCurveProvider reproduces the closed-form random diagram', async () => {
    const sums = await getLatticeSums(8);
    const minimizer: SroMinimizer = (mix, g) => ({ F: randomSolid(mix, g, sums).F, alpha: [] });
    const sro = sroCurveProvider({ z1: 6, z2: 8, minimizer });
    const common = { gammaMin: 172, gammaMax: 180, gammaStep: 2, solvus: false as const };
    const viaSpline = await phaseDiagram({ ...common, model: 'sro', sroProvider: sro.provider, prepare: sro.prepare });
    const direct = await phaseDiagram({ ...common, model: 'random' });
    expect(viaSpline.rows.length).toBe(direct.rows.length);
    viaSpline.rows.forEach((r, k) => {
      expect(Math.abs(r.xLiquid - direct.rows[k].xLiquid)).toBeLessThan(1e-4);
      expect(Math.abs(r.xSolid - direct.rows[k].xSolid)).toBeLessThan(1e-4);
    });
    expect(Math.abs(viaSpline.azeotrope!.x - direct.azeotrope!.x)).toBeLessThan(1e-3);
    expect(sro.points.size).toBeGreaterThanOrEqual(5);
  });
});

describe('progress bar', () => {
  it('prints a few plain lines when not a TTY', () => {
    const out: string[] = [];
    const p = createProgress('work', 100, { stream: { write: (s: string) => out.push(s), isTTY: false } });
    for (let k = 1; k <= 100; k++) p.update(k);
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out[out.length - 1]).toMatch(/100% 100\/100/);
    expect(out.every((l) => l.endsWith('\n'))).toBe(true);
  });
  it('redraws one line in a TTY', () => {
    const out: string[] = [];
    const p = createProgress('work', 3, { stream: { write: (s: string) => out.push(s), isTTY: true }, throttleMs: 0 });
    p.tick();
    p.tick();
    p.done();
    expect(out.every((l) => l.startsWith('\r'))).toBe(true);
    expect(out[out.length - 1].endsWith('\n')).toBe(true);
  });
});

describe('SRO diagram with the real minimizer (src/models/sro.ts)', () => {
  it('the SRO solidus approaches the random one for x, 1 - x << 1', async () => {
    const { sroSolid } = await import('../src/models/sro.js');
    const sums = await getLatticeSums(8);
    const minimizer: SroMinimizer = (mix, g, o) => sroSolid(mix, g, sums, o.warmStart ? { warmStart: { alpha: o.warmStart, x: mix.x } } : {});
    // Points the solver cannot do are left out of the spline (reported, not hidden).
    const failed: number[] = [];
    const sro = sroCurveProvider({ z1: 6, z2: 8, minimizer, onFailure: (_g, x) => failed.push(x) });
    await sro.prepare([132, 160, 176]);
    const { coexistenceWindows } = await import('../src/phase/coexistence.js');
    const { fixedSolidCurve, liquidCurve } = await import('../src/phase/modelCurves.js');
    const diff = async (g: number, side: 'left' | 'right'): Promise<number> => {
      const { liquid, solid } = await sro.provider(g);
      const w = coexistenceWindows(liquid, solid).find((q) => (q.xSolid < q.xLiquid ? 'left' : 'right') === side)!;
      const r = coexistenceWindows(liquidCurve(6, 8, g), fixedSolidCurve('random', 6, 8, g, sums)).find(
        (q) => (q.xSolid < q.xLiquid ? 'left' : 'right') === side,
      )!;
      return Math.abs(w.xSolid - r.xSolid) / Math.min(r.xSolid, 1 - r.xSolid);
    };
    // Relative solidus shift: small near the ends (Gamma 176 left, x ~ 0.008; Gamma 132 right,
    // 1 - x ~ 0.1), large in the middle (Gamma 160, x ~ 0.7).
    const mid = await diff(160, 'right');
    expect(await diff(176, 'left')).toBeLessThan(mid / 3);
    expect(await diff(132, 'right')).toBeLessThan(mid / 2);
    expect(failed.every((x) => x < 0.001 || x > 0.999)).toBe(true);
  }, 60000);
});
