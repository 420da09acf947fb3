import { describe, expect, it } from 'vitest';
import { pockets } from '../src/phase/azeotrope.js';
import { coexistenceWindows, hullAnalysis } from '../src/phase/coexistence.js';
import { fixedSolidCurve, liquidCurve } from '../src/phase/modelCurves.js';
import { phaseDiagram } from '../src/phase/phaseDiagram.js';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { parsePhaseDiagramArgs, phaseDiagramCsv } from '../src/cli/commands/phaseDiagram.js';
import { UsageError } from '../src/cli/usageError.js';

describe('C/O phase diagrams of the fixed-microstructure solids', () => {
  it('random solid: azeotropic, two windows flanking a liquid pocket just below T_1m', async () => {
    const r = await phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 181.5, gammaStep: 0.5, solvus: false });
    expect(r.gamma1m).toBeCloseTo(175.719, 3);
    // Above T_1m (Gamma < Gamma_1m): one window, liquid on the C-rich side.
    const above = r.rows.filter((w) => w.gamma === 175.5);
    expect(above).toHaveLength(1);
    expect(above[0].xLiquid).toBeLessThan(above[0].xSolid);
    // Just below T_1m: two windows, C-rich solid | liquid | O-rich solid.
    const below = r.rows.filter((w) => w.gamma === 178);
    expect(below).toHaveLength(2);
    expect(below[0].side).toBe('left');
    expect(below[0].xSolid).toBeLessThan(below[0].xLiquid);
    expect(below[1].side).toBe('right');
    expect(below[0].xLiquid).toBeLessThan(below[1].xLiquid);
    expect(r.azeotrope?.kind).toBe('azeotrope');
    expect(r.azeotrope!.gamma).toBeGreaterThan(r.gamma1m);
    expect(r.azeotrope!.tOverT1m).toBeLessThan(1);
    expect(r.azeotrope!.x).toBeGreaterThan(0);
    expect(r.azeotrope!.x).toBeLessThan(0.5);
  });

  it('windows satisfy the common-tangent equations to 1e-6 in x', async () => {
    const sums = await getLatticeSums(8);
    const g = 178;
    const liquid = liquidCurve(6, 8, g);
    const solid = fixedSolidCurve('random', 6, 8, g, sums);
    const w = coexistenceWindows(liquid, solid);
    expect(pockets(w)).toHaveLength(1);
    const d = (f: (x: number) => number, x: number): number => (f(x + 1e-7) - f(x - 1e-7)) / 2e-7;
    for (const win of w) {
      const sl = d(liquid.f, win.xLiquid);
      const ss = d(solid.f, win.xSolid);
      const chord = (solid.f(win.xSolid) - liquid.f(win.xLiquid)) / (win.xSolid - win.xLiquid);
      // A slope error delta moves x by delta / F'' (F'' >= T / x(1-x) ~ 0.06 here): 1e-8 -> < 1e-6.
      expect(Math.abs(sl - ss)).toBeLessThan(1e-8);
      expect(Math.abs(sl - chord)).toBeLessThan(1e-8);
    }
  });

  it('ogata-smixz: azeotrope and a solvus below crystallization', async () => {
    const r = await phaseDiagram({
      model: 'ogata-smixz',
      gammaMin: 175,
      gammaMax: 182,
      gammaStep: 0.5,
      solvus: { gammaMin: 300, gammaMax: 450, gammaStep: 10 },
    });
    expect(r.azeotrope?.kind).toBe('azeotrope');
    const stable = r.solvus.filter((s) => !s.metastable);
    expect(stable.length).toBeGreaterThan(3);
    // The gap widens as T drops.
    const first = stable[0];
    const last = stable[stable.length - 1];
    expect(last.xHigh - last.xLow).toBeGreaterThan(first.xHigh - first.xLow);
  });
});

describe('identical charges with the real models (function level)', () => {
  it('z1 = z2: no coexistence window; the liquid wins above T_1m, the solid below', async () => {
    const sums = await getLatticeSums(8);
    for (const g of [170, 175, 176.5, 180]) {
      for (const model of ['random', 'ogata', 'ogata-smixz'] as const) {
        const liquid = liquidCurve(6, 6, g);
        const solid = fixedSolidCurve(model, 6, 6, g, sums);
        expect(coexistenceWindows(liquid, solid)).toEqual([]);
        expect(hullAnalysis(liquid, solid).liquidOnHull).toBe(g < 175.719);
      }
    }
  });
});

describe('other charge pairs', () => {
  it('C/Ne (6, 10), random solid: the liquid pocket closes at a eutectic between two distinct solids', async () => {
    const r = await phaseDiagram({ model: 'random', z1: 6, z2: 10, gammaMin: 200, gammaMax: 250, gammaStep: 2, solvus: false });
    expect(r.invariants).toHaveLength(1);
    const e = r.invariants[0];
    expect(e.kind).toBe('eutectic');
    expect(e.xSolidLow!).toBeLessThan(e.x);
    expect(e.xSolidHigh!).toBeGreaterThan(e.x);
    expect(e.xSolidHigh! - e.xSolidLow!).toBeGreaterThan(0.5);
  });
  it('no invariant point when nothing closes (Z2/Z1 = 7/6, random)', async () => {
    const r = await phaseDiagram({ model: 'random', z1: 6, z2: 7, gammaMin: 150, gammaMax: 200, gammaStep: 2, solvus: false });
    expect(r.invariants).toEqual([]);
    expect(r.rows.length).toBeGreaterThan(0);
  });
});

describe('phase-diagram command options', () => {
  const bad = [
    ['--gamma-min', '180', '--gamma-max', '170'],
    ['--gamma-step', '0'],
    ['--gamma-step=-1'],
    ['--model', 'foo'],
    ['--unknown'],
    ['--z1', '8', '--z2', '6'],
    ['--z1', '6', '--z2', '6'],
    ['--json', '--csv'],
  ];
  for (const argv of bad) {
    it(`rejects ${argv.join(' ')} with a one-line UsageError`, () => {
      let err: unknown;
      try {
        parsePhaseDiagramArgs(argv);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).not.toContain('\n');
    });
  }
  it('has the documented defaults', () => {
    const o = parsePhaseDiagramArgs(['--model', 'sro', '--threads', '2']);
    expect(o).toMatchObject({ model: 'sro', z1: 6, z2: 8, gammaMin: 130, gammaMax: 181.5, gammaStep: 0.5, threads: 2, format: 'text' });
  });
  it('writes CSV rows for windows, the azeotrope and the solvus', async () => {
    const r = await phaseDiagram({ model: 'ogata', gammaMin: 176, gammaMax: 183, gammaStep: 1, solvus: { gammaMin: 400, gammaMax: 420, gammaStep: 10 } });
    const csv = phaseDiagramCsv(r).trim().split('\n');
    expect(csv[0]).toBe('kind,gamma,T_over_T1m,x_liquid,x_solid,side,x_low,x_high,metastable');
    expect(csv.some((l) => l.startsWith('window,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('azeotrope,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('solvus,'))).toBe(true);
  });
});
