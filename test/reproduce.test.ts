import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PHASE_DIAGRAM_CSV_COLUMNS } from '../src/output/phaseDiagramCsv.js';
import { closePool } from '../src/parallel/pool.js';
import { configFor } from '../src/reproduce/config.js';
import { createProgress } from '../src/reproduce/progress.js';
import { EXPECTED_FILES, reproduce } from '../src/reproduce/reproduce.js';
import { bccMadelung, fccMadelung } from '../src/reproduce/fccMadelung.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const tmp = mkdtempSync(join(tmpdir(), 'coulomix-reproduce-'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}



afterAll(async () => {
  await closePool();
  rmSync(tmp, { recursive: true, force: true });
});

const silent = createProgress({ write: () => undefined }, true);

describe('reproduce orchestrator (tiny level, in process)', () => {
  it('writes every expected file, REPORT.md has the tables and figure links, and no partial directory remains', async () => {
    const out = join(tmp, 'tiny');
    const s = await reproduce(configFor('tiny', 1), out, silent);
    const files = readdirSync(out).sort();
    for (const f of EXPECTED_FILES) expect(files).toContain(f);
    expect(s.files).toEqual([...EXPECTED_FILES].sort());
    expect(readdirSync(tmp).filter((f) => f.includes('.partial-'))).toEqual([]);

    // One CSV layout for phase diagrams: the same columns as `coulomix phase-diagram --csv`.
    for (const m of ['sro', 'random', 'ogata', 'ogata-smixz', 'sro-liquid-smix', 'mc2010']) {
      expect(readFileSync(join(out, `phase-diagram-${m}.csv`), 'utf8').split('\n')[0]).toBe(PHASE_DIAGRAM_CSV_COLUMNS.join(','));
    }

    const report = readFileSync(join(out, 'REPORT.md'), 'utf8');
    expect(report).toContain('kind, gamma, T_over_T1m, x_liquid, x_solid, side');
    expect(report).toContain('## Table I');
    expect(report).toMatch(/\| 1 \| 3 \| 8 \| 4\.4333\d+ \| 4\.4334 \|/);
    expect(report).toContain('| Gamma_1m | 175.7189');
    expect(report).toContain('175.719');
    expect(report).toContain('Blouin & Daligault 2021 (fit, published)');
    expect(report).toContain('## Beyond the paper: the same crystal sampled exactly (lattice Monte Carlo)');
    expect(report).toMatch(/\| 4 \| 128 \| \d+ \([\d >-]+\) \| 96 \(/); // the tiny MC: L = 4, 96 sweeps
    for (const k of [1, 2, 3, 4]) expect(report).toContain(`![Fig. ${k}](fig${k}.svg)`);
    for (const k of [1, 2, 3, 4]) expect(readFileSync(join(out, `fig${k}.svg`), 'utf8')).toMatch(/^<svg/);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Math.abs(summary.gamma1m - 175.719)).toBeLessThan(5e-4);
    expect(summary.table.rows).toHaveLength(8);
    expect(summary.solidus).toHaveLength(4);
    // Table I to the paper's digits (T_i), and the fcc - bcc Madelung difference.
    for (const r of summary.table.rows) expect(Math.abs(r.T - r.paperT)).toBeLessThan(1e-4);
    expect(summary.fig4.fccMinusBcc).toBeGreaterThan(5.5e-5);
    expect(summary.fig4.fccMinusBcc).toBeLessThan(5.7e-5);
  });

  it('a failed run leaves neither the result directory nor a partial one', async () => {
    const out = join(tmp, 'failed');
    const failing = {
      ...silent,
      note: (m: string) => {
        if (m.startsWith('Gamma_1m')) throw new Error('injected failure');
      },
    };
    await expect(reproduce(configFor('tiny', 1), out, failing)).rejects.toThrow('injected failure');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.failed'))).toEqual([]);
  });
});

describe('Madelung constants by Ewald summation', () => {
  it('bcc matches zeta of docs/physics.md, fcc the literature value 0.895873615', () => {
    expect(Math.abs(bccMadelung() - 0.895929255682)).toBeLessThan(1e-11);
    expect(Math.abs(fccMadelung() - 0.895873615)).toBeLessThan(1e-9);
  });
});

describe('coulomix reproduce (CLI)', () => {
  it('--quick writes every expected file; stdout is one short line', () => {
    const r = run(['reproduce', '--quick', '--out', 'quick', '--threads', '2']);
    expect(r.code).toBe(0);
    const files = readdirSync(join(tmp, 'quick'));
    for (const f of EXPECTED_FILES) expect(files).toContain(f);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('REPORT.md');
    expect(r.stderr).toContain('SRO curves');
  });

  it.each([
    [['--bogus']],
    [['--threads', '0']],
    [['--threads', 'two']],
    [['--out', 'x', 'extra']],
    [['--mc', 'huge']],
  ])('bad input %j exits 2 with one stderr line', (args) => {
    const r = run(['reproduce', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it('an unwritable --out exits 2 and creates nothing', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const r1 = run(['reproduce', '--tiny', '--out', join(file, 'results')]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/not writable/);
    const r2 = run(['reproduce', '--tiny', '--out', file]);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to replace a non-empty directory that is not a reproduce result', () => {
    const dir = join(tmp, 'precious');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const r = run(['reproduce', '--tiny', '--out', dir]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});
