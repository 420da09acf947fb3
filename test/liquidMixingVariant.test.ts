import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { phaseDiagram } from '../src/phase/phaseDiagram.js';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8', timeout: 60_000 });

// The paper's liquid (-S_mixZ, docs/physics.md section 7) is the default; -S_mix is a named variant.
describe('liquid ideal-mixing variant through the phase layer', () => {
  const scan = { model: 'random' as const, gammaMin: 170, gammaMax: 171, gammaStep: 1, solvus: false, gamma1m: 175.718935 };

  it('defaults to -S_mixZ; the -S_mix variant moves the solidus to lower x', async () => {
    const plain = await phaseDiagram(scan);
    const explicit = await phaseDiagram({ ...scan, liquid: { idealMixing: 'smixz' } });
    const variant = await phaseDiagram({ ...scan, liquid: { idealMixing: 'smix' } });
    expect(explicit.rows[0].xSolid).toBe(plain.rows[0].xSolid);
    // -S_mix raises the liquid by (ln<Z> - <ln Z>)/Gamma > 0 at 0 < x < 1: the solid wins more x.
    expect(variant.rows[0].xSolid).toBeLessThan(plain.rows[0].xSolid - 0.01);
  });

  it('phase-diagram --liquid-mixing accepts smixz|smix, defaults to smixz, and rejects anything else with exit 2', () => {
    const base = ['phase-diagram', '--model', 'random', '--gamma-min', '170', '--gamma-max', '171', '--json', '--quiet'];
    const def = cli(...base);
    expect(def.status).toBe(0);
    expect(JSON.parse(def.stdout).liquidMixing).toBe('smixz');
    const ok = cli(...base, '--liquid-mixing', 'smix');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).liquidMixing).toBe('smix');
    const bad = cli('phase-diagram', '--liquid-mixing', 'smiz');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('free-energy --model liquid --liquid-mixing smix raises F by (ln<Z> - <ln Z>)/Gamma (eq. 11)', () => {
    const args = ['free-energy', '--model', 'liquid', '--x', '0.5', '--gamma', '175.719', '--json'];
    const a = JSON.parse(cli(...args).stdout);
    const b = JSON.parse(cli(...args, '--liquid-mixing', 'smix').stdout);
    const shift = (Math.log(7) - (Math.log(6) + Math.log(8)) / 2) / 175.719; // C/O at x = 0.5, <Z> = 7
    expect(a.liquidMixing).toBe('smixz');
    expect(b.liquidMixing).toBe('smix');
    expect(Math.abs(b.F - a.F - shift)).toBeLessThan(1e-15);
  });
});
