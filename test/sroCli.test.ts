import { afterEach, describe, expect, test, vi } from 'vitest';
import { run } from '../src/cli/commands/minimize.js';
import { DomainError } from '../src/errors.js';

async function capture(argv: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  try {
    await run(argv);
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('coulomix minimize', () => {
  test('--json prints exactly one certified object with the documented keys', async () => {
    const out = await capture(['--x', '0.5', '--gamma', '175.719', '--json']);
    expect(out.trim().split('\n')).toHaveLength(1);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(['z1', 'z2', 'x', 'gamma', 'shells', 'alpha', 'deviation', 'F', 'Frandom', 'U', 'S', 'minDeltaK', 'certificate']);
    expect(r).toMatchObject({ z1: 6, z2: 8, x: 0.5, gamma: 175.719, shells: 8 });
    expect(r.alpha).toHaveLength(8);
    expect(r.deviation).toHaveLength(8);
    expect(r.certificate).toBeLessThanOrEqual(1e-10);
    expect(r.minDeltaK).toBeGreaterThanOrEqual(-1e-12);
    expect(r.F).toBeLessThan(r.Frandom);
    expect(Math.abs(r.F - (r.U - r.S / r.gamma))).toBeLessThan(1e-15);
  }, 60_000);

  test('text mode prints a readable summary', async () => {
    const out = await capture(['--x', '0.3', '--gamma', '300', '--shells', '6', '--seed', '3']);
    expect(out).toMatch(/x = 0.3, Gamma = 300, 6 order parameters/);
    expect(out).toMatch(/certificate/);
    expect(out).toMatch(/F \(random\)/);
  }, 60_000);

  test('bad input and input outside the certified domain are DomainErrors (exit 2)', async () => {
    const bad = [
      ['--x', '0', '--gamma', '100'],
      ['--x', '1.2', '--gamma', '100'],
      ['--x', '0.5', '--gamma', '0'],
      ['--x', '0.5', '--gamma', '-3'],
      ['--x', '0.5', '--gamma', 'NaN'],
      ['--x', '0.5', '--gamma', '100', '--z1', '8', '--z2', '6'],
      ['--x', '0.5', '--gamma', '100', '--z1=-6'],
      ['--x', '0.5', '--gamma', '100', '--z1', '0'],
      ['--x', '0.5', '--gamma', '100', '--shells', '31'],
      ['--x', '0.5', '--gamma', '100', '--shells', '13'],
      ['--x', '0.5', '--gamma', '100', '--z2', '40'],
      ['--x', '1e-10', '--gamma', '100'],
      ['--x', '0.5', '--gamma', '2001'],
      ['--x', '0.5', '--gamma', '100', '--shells', '0'],
      ['--x', '0.5', '--gamma', '100', '--shells', '2.5'],
      ['--x', '0.5', '--gamma', '100', '--bogus'],
      ['--gamma', '100'],
      ['--x', '0.5'],
    ];
    for (const argv of bad) await expect(run(argv), argv.join(' ')).rejects.toBeInstanceOf(DomainError); // UsageError is a DomainError: exit 2, one line
  });
});
