import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fitDelta, massFraction, mesaTable } from '../src/export/mesa.js';
import { leastSquares } from '../src/export/leastSquares.js';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { coexistenceWindows } from '../src/phase/coexistence.js';
import { fixedSolidCurve, liquidCurve } from '../src/phase/modelCurves.js';

const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('export mesa', () => {
  it('least squares recovers an exact quintic and the fit reports its largest error', () => {
    const c = [-0.3, 2.1, -1.7, -1.4, 1.3];
    const rows = Array.from({ length: 50 }, (_, k) => {
      const x = (k + 1) / 51;
      return { xLiquid: x, xSolid: x + c.reduce((s, a, j) => s + a * x ** (j + 1), 0) };
    });
    const fit = fitDelta(rows);
    fit.coefficients.forEach((a, j) => expect(a).toBeCloseTo(c[j], 9));
    expect(fit.maxError).toBeLessThan(1e-12);
    expect(leastSquares([[1], [2]], [2, 4])[0]).toBeCloseTo(2, 14);
    expect(massFraction(0.5, 12, 16)).toBeCloseTo(16 / 28, 15);
  });

  it('random C/O: >= 99 rows, each liquid on the liquidus of the phase diagram at its Gamma', async () => {
    const t = await mesaTable({ z1: 6, z2: 8, model: 'random' });
    expect(t.rows.length).toBeGreaterThanOrEqual(99);
    expect(t.outside).toEqual([]);
    const sums = await getLatticeSums(8);
    for (const r of t.rows.filter((_, k) => k % 10 === 3)) {
      const w = coexistenceWindows(liquidCurve(6, 8, r.gammaLiquidus), fixedSolidCurve('random', 6, 8, r.gammaLiquidus, sums));
      const near = w.find((q) => Math.abs(q.xLiquid - r.xLiquid) < 1e-6);
      expect(near, `x_l = ${r.xLiquid}`).toBeDefined();
      expect(Math.abs(near!.xSolid - r.xSolid)).toBeLessThan(1e-6);
      expect(r.tOverTm).toBeCloseTo(t.gamma1m / r.gammaLiquidus, 14);
      expect(r.XLiquid).toBeCloseTo(massFraction(r.xLiquid, 12, 16), 15);
    }
    const again = fitDelta(t.rows);
    expect(again.maxError).toBe(t.fit.maxError);
    expect(t.maxResidual).toBeLessThan(1e-9);
  });

  it('--json prints exactly the documented keys; bad input exits 2 with one line', () => {
    const r = cli('export', 'mesa', '--z1', '8', '--z2', '10', '--model', 'ogata', '--json', '--quiet');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['z1', 'z2', 'model', 'rows', 'fit']);
    expect(Object.keys(j.rows[0])).toEqual(['xLiquid', 'xSolid', 'gammaLiquidus', 'tOverTm', 'XLiquid', 'XSolid']);
    expect(Object.keys(j.fit)).toEqual(['coefficients', 'maxError']);
    expect(j.fit.coefficients).toHaveLength(5);
    expect(j.rows[0].XLiquid).toBeCloseTo(massFraction(j.rows[0].xLiquid, 16, 20), 15);
    for (const argv of [['export', 'csv'], ['export', 'mesa', '--z1', '6', '--model', 'sro'], ['export', 'mesa', '--z1', '6', '--z2', '7', '--model', 'random'], ['export', 'mesa', '--z1', '6', '--z2', '8', '--model', 'foo']]) {
      const bad = cli(...argv);
      expect(bad.status, argv.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});
