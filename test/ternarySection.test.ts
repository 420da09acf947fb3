import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchSroTables, computeTernarySection, ternaryMarkdown } from '../src/reproduce/ternarySection.js';

describe('REPORT.md ternary section', () => {
  it('renders the Gibbs triangles, the D table and the MESA timing from computed data (random solid, small)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ternary-report-'));
    const d = await computeTernarySection({ dir, models: ['random'], gammas: [175], points: { random: 4, sro: 0 }, mesa: [{ model: 'random', n: 5 }] });
    const md = ternaryMarkdown(d);
    expect(md).toMatch(/## Beyond the paper: C\/O\/Ne/);
    expect(md).toMatch(/\| random \| 175 \|/);
    expect(md).not.toMatch(/NaN|undefined/);
    expect(readFileSync(join(dir, 'ternary-random-gamma175.svg'), 'utf8')).toMatch(/^<svg/);
    expect(readFileSync(join(dir, d.distillationSvg), 'utf8')).toMatch(/^<svg/);
    expect(d.mesa[0].points).toBe(15);
    // The SRO tables come from the bench's results file; a 51 x 51 figure not measured is a labelled extrapolation.
    expect(await benchSroTables(new URL('file:///nonexistent/ternary.json'))).toBeUndefined();
    const row = { n: 11, threads: 2, points: 66, medianMs: 66000, msPerPointThread: 2000, maxResidual: 3e-10, loadAverageStart: 2, loadAverageEnd: 2 };
    const withBench = ternaryMarkdown({ ...d, benchSro: { date: '2026-12-01T12:00:00Z', rows: [row] } });
    expect(withBench).toMatch(/\| sro \| 11 x 11 \| 66 \| 2 \| 66\.0 \| 2\.00 \| 2\.0 \| 3\.0e-10 \|/);
    expect(withBench).toMatch(/51 x 51 SRO table \(1326 liquid compositions\) was not computed: .* about 0\.4 h with 2 threads/);
    // A measured 51 x 51 row is reported as measured, not extrapolated.
    const fullRow = { ...row, n: 51, points: 1326, medianMs: 3785499, maxResidual: 8.5e-10 };
    const measured = ternaryMarkdown({ ...d, benchSro: { date: '2026-12-01T12:00:00Z', rows: [fullRow] } });
    expect(measured).toMatch(/51 x 51 SRO table \(1326 liquid compositions\) took 63 min with 2 threads, every liquid certified \(largest tangent residual 8\.5e-10\)/);
    expect(measured).not.toMatch(/extrapolation/);
  });
});
