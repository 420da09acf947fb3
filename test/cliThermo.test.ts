import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}



describe('coulomix melt', () => {
  it('--json prints gammaMelt = 175.719', () => {
    const r = run(['melt', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Math.abs(out.gammaMelt - 175.719)).toBeLessThan(5e-4);
  });
  it('text mode prints six decimals', () => {
    const r = run(['melt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Gamma_1m = 175\.719 {2}\(175\.71\d{6};/);
  });
  it('unknown parameter set -> exit 2', () => {
    const r = run(['melt', '--anharmonic', 'nope']);
    expect(r.code).toBe(2);
  });
});

describe('coulomix free-energy', () => {
  it('ogata --json', () => {
    const r = run(['free-energy', '--model', 'ogata', '--x', '0.5', '--gamma', '175.719', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model).toBe('ogata');
    expect(out.F).toBeCloseTo(0.00109013114 - Math.LN2 / 175.719, 10);
  });
  it('liquid at x close to 0 is close to zero at Gamma_1m', () => {
    const r = run(['free-energy', '--model', 'liquid', '--x', '1e-6', '--gamma', '175.718935', '--json']);
    expect(r.code).toBe(0);
    expect(Math.abs(JSON.parse(r.stdout).F)).toBeLessThan(1e-6);
  });

  const bad: Array<[string, string[]]> = [
    ['unknown model', ['--model', 'foo', '--x', '0.5', '--gamma', '100']],
    ['x = 0', ['--model', 'ogata', '--x', '0', '--gamma', '100']],
    ['x = 1.5', ['--model', 'ogata', '--x', '1.5', '--gamma', '100']],
    ['gamma = 0', ['--model', 'ogata', '--x', '0.5', '--gamma', '0']],
    ['gamma = -3', ['--model', 'ogata', '--x', '0.5', '--gamma', '-3']],
    ['gamma NaN', ['--model', 'ogata', '--x', '0.5', '--gamma', 'NaN']],
    ['z1 >= z2', ['--model', 'ogata', '--x', '0.5', '--gamma', '100', '--z1', '8', '--z2', '6']],
    ['non-positive charge', ['--model', 'ogata', '--x', '0.5', '--gamma', '100', '--z1', '-1']],
    ['shells 0', ['--model', 'random', '--x', '0.5', '--gamma', '100', '--shells', '0']],
    ['shells 31', ['--model', 'sro', '--x', '0.5', '--gamma', '100', '--shells', '31']],
    ['unknown flag', ['--model', 'ogata', '--x', '0.5', '--gamma', '100', '--bogus']],
    ['missing x', ['--model', 'ogata', '--gamma', '100']],
  ];
  for (const [name, args] of bad) {
    it(`bad input: ${name} -> exit 2, one stderr line`, () => {
      const r = run(['free-energy', ...args]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^coulomix: /);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
    });
  }
});
