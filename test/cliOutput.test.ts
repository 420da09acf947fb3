import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('printed numbers', () => {
  it('an entropy within rounding of the bound S >= 0 is printed as 0, in text and JSON', () => {
    // At Gamma = 1e4 the SRO minimum sits on S = 0 up to rounding (2.8e-16 before).
    const json = cli('free-energy', '--model', 'sro', '--x', '0.5', '--gamma', '1e4', '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).S).toBe(0);
    const text = cli('free-energy', '--model', 'sro', '--x', '0.5', '--gamma', '1e4');
    expect(text.stdout).toContain('  S = 0 k_B per ion');
    expect(JSON.parse(cli('minimize', '--x', '0.5', '--gamma', '1e4', '--json').stdout).S).toBe(0);
  });
});
