import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('coulomix table', () => {
  it('--json prints exactly one object with the documented schema', () => {
    const r = cli('table', '--shells', '3', '--json', '--threads', '1');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['T0', 'error', 'shells', 'units', 'zeta']);
    expect(out.units).toBe('a_i');
    expect(out.shells).toHaveLength(3);
    expect(Object.keys(out.shells[0]).sort()).toEqual(['I', 'IminusT', 'R', 'T', 'i', 'l2', 'm', 'vector']);
    expect(out.shells[0].vector).toEqual([0.5, 0.5, 0.5]);
    expect(out.shells[2].l2).toBe(8);
    expect(Math.abs(out.shells[0].T - 4.4334)).toBeLessThanOrEqual(1e-4);
  });

  it('text mode prints the table with T_0, zeta and the error estimate', () => {
    const r = cli('table', '--threads', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Madelung constant zeta = 0\.8959292556/);
    expect(r.stdout).toMatch(/estimated error/);
    expect(r.stdout.split('\n').filter((l) => /^\s+\d+\s+\(/.test(l))).toHaveLength(8);
  });

  for (const args of [['--shells', '0'], ['--shells', '61'], ['--tol', '0'], ['--tol', 'NaN'], ['--tol', '-1'], ['--threads', '0'], ['--frobnicate'], ['extra']]) {
    it(`rejects ${args.join(' ')} with one line and exit code 2`, () => {
      const r = cli('table', ...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^coulomix: /);
    });
  }

  it('rejects an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.status).toBe(2);
  });

  it('the bin file is executable, so `npx coulomix` can run it', () => {
    expect(statSync('dist/cli/main.js').mode & 0o111).not.toBe(0);
    const r = spawnSync('npx', ['--no-install', 'coulomix', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: coulomix <command>/);
  });
});
