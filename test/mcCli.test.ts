import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const cli = (args: string[]) => spawnSync(process.execPath, [main, 'mc', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('coulomix mc', () => {
  test('--json prints one object with the documented fields, finite numbers only, and passes its checks', () => {
    const p = cli(['--x', '0.5', '--L', '4', '--sweeps', '240', '--gamma-max', '500', '--threads', '1', '--json']);
    expect(p.status, p.stderr).toBe(0);
    expect(p.stdout.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(p.stdout);
    expect(r).toMatchObject({ x: 0.5, z1: 6, z2: 8, L: 4, shells: 8, seed: 1 });
    expect(r.checks.every((c: { pass: boolean }) => c.pass)).toBe(true);
    expect(r.rows.length).toBeGreaterThan(4);
    for (const w of r.rows) {
      for (const k of ['gamma', 'u', 'uError', 'f', 'fError', 's', 'sError', 'b2', 'binder', 'fRandom']) expect(Number.isFinite(w[k]), k).toBe(true);
      expect(w.alpha).toHaveLength(30);
      expect(w.alphaError).toHaveLength(30);
      expect(Object.keys(w.sro)).toEqual(['f', 's', 'alpha']);
      expect(w.sro.alpha).toHaveLength(8);
    }
    expect(p.stdout).not.toMatch(/null|NaN|Infinity/);
  }, 120_000);

  test('--couplings runs a model without the variational columns; bad input is one line and exit 2', () => {
    const p = cli(['--x', '0.5', '--L', '4', '--sweeps', '240', '--couplings', '1', '--gamma-max', '1', '--threads', '1', '--csv']);
    expect(p.status, p.stderr).toBe(0);
    expect(p.stdout.split('\n')[0]).toMatch(/^gamma,u,uError,f,fError,s,sError,b2/);
    for (const args of [['--x', '1.2'], ['--x', '0.5', '--L', '3'], ['--x', '0.5', '--couplings', '1,a'], ['--x', '0.5', '--L', '4', '--shells', '30']]) {
      const q = cli(args);
      expect(q.status).toBe(2);
      expect(q.stderr.trim().split('\n')).toHaveLength(1);
      expect(q.stderr).not.toMatch(/internal error|at .*\.js/);
    }
  }, 120_000);
});
