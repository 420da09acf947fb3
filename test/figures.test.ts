import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fig1, fig2, fig3, fig4, toCsv } from '../src/figures/index.js';
import { bdAzeotrope, bdLiquidusT, bdSolidusX, blouinDaligaultFigureRows } from '../src/reference/blouinDaligault2021.js';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('figures', () => {
  it('toCsv quotes fields and unions the keys', () => {
    expect(toCsv([{ a: 1, b: 'x,y' }, { a: 2, c: 'q"q' }])).toBe('a,b,c\n1,"x,y",\n2,,"q""q"\n');
  });

  it('renders SVG + CSV for all four figures with the axis titles', async () => {
    dir = await mkdtemp(join(tmpdir(), 'coulomix-fig-'));
    const xs = Array.from({ length: 51 }, (_, k) => 0.01 + (0.98 * k) / 50);
    const r1 = await fig1(
      {
        curves: xs.map((x) => ({ series: 'liquid', x, F: 0.001 * x * (1 - x) })),
        points: xs.map((x) => ({ series: 'SRO minimized', x, F: -0.001 * x * (1 - x) })),
        tangents: [
          { series: 't1', x: 0.1, F: 0 },
          { series: 't1', x: 0.4, F: -0.0002 },
        ],
        gamma: 175.719,
      },
      join(dir, 'fig1'),
    );
    expect(r1.svg).toContain('<svg');
    expect(r1.svg).toContain('x (O number fraction)');
    expect(r1.svg).toContain('/ U_1 (linear mixing subtracted)');
    const csv1 = await readFile(join(dir, 'fig1.csv'), 'utf8');
    expect(csv1.split('\n')[0]).toBe('layer,series,x,F');

    const rows = [0.5, 0.6].flatMap((x, k) => [
      { gamma: 170 + k, tOverT1m: 1 - 0.01 * k, xLiquid: x, xSolid: x + 0.1, side: 'right' as const },
    ]);
    const r2 = await fig2(
      { diagrams: [{ model: 'random', rows, azeotrope: null }], reference: blouinDaligaultFigureRows(20) },
      join(dir, 'fig2'),
    );
    expect(r2.svg).toContain('T / T_1m');
    expect(r2.svg).toContain('x (O number fraction)');
    const r3 = await fig3({ points: [1, 2, 3].map((i) => ({ gamma: 200, shell: i, value: 0.1 * i })) }, join(dir, 'fig3'));
    expect(r3.svg).toContain('(alpha_i - x^2) / x^2');
    const r4 = await fig4(
      { points: [{ xc: 0.49, gammaC: 175.7, gamma: 200, kind: 'reordering', value: 1e-5 }] },
      join(dir, 'fig4'),
    );
    expect(r4.svg).toContain('Gamma = U_1 / T');
  });
});

describe('Blouin & Daligault 2021 reference fit', () => {
  it('starts at pure carbon melting and has an azeotrope where the solid and liquid compositions meet', () => {
    expect(bdLiquidusT(0)).toBe(1);
    expect(bdSolidusX(0)).toBe(0);
    const az = bdAzeotrope();
    expect(az.x).toBeGreaterThan(0.1);
    expect(az.x).toBeLessThan(0.3);
    expect(Math.abs(bdSolidusX(az.x) - az.x)).toBeLessThan(1e-12);
    // The azeotrope is a temperature minimum of the liquidus.
    expect(bdLiquidusT(az.x)).toBeLessThan(bdLiquidusT(az.x - 0.05));
    expect(bdLiquidusT(az.x)).toBeLessThan(bdLiquidusT(az.x + 0.05));
  });
});
