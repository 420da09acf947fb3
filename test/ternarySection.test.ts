import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTernarySection, ternaryMarkdown } from '../src/reproduce/ternarySection.js';

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
  });
});
