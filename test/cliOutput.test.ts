import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanEntropy } from '../src/cli/format.js';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('printed numbers', () => {
  it('an entropy within rounding of the bound S >= 0 is printed as 0, in text and JSON', () => {
    // Before, the SRO minimum at Gamma = 1e4 (on S = 0 up to rounding) printed S = -5.7e-15; that
    // Gamma now lies outside the SRO minimizer's certified domain (Gamma <= 2000, refused with exit
    // 2), so the rule is checked on the shared formatter that every command uses for S.
    expect(cleanEntropy(-5.7e-15)).toBe(0);
    expect(cleanEntropy(2.8e-16)).toBe(0);
    expect(cleanEntropy(-1e-11)).toBe(-1e-11);
    expect(cleanEntropy(0.27)).toBe(0.27);
    const out = cli('minimize', '--x', '0.5', '--gamma', '1e4', '--json');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/outside \[0.1, 2000\]/);
  });
});
