import { afterAll, describe, expect, test } from 'vitest';
import { DomainError } from '../src/errors.js';
import { latticeSums } from '../src/latticeSums/latticeSums.js';
import { closePool, maxThreads } from '../src/parallel/pool.js';
import { sroCurvePoints } from '../src/parallel/sroCurves.js';
import { sroGrid } from '../src/phase/sroCurve.js';
import { TABLE_I } from './tableIFixture.js';

afterAll(() => closePool());

describe('worker pools', () => {
  test('two concurrent calls with different thread counts both finish (neither stops the other)', async () => {
    const [a, b] = await Promise.all([
      latticeSums({ shells: 3, tol: 1e-6, threads: 2 }),
      latticeSums({ shells: 3, tol: 1e-6, threads: 3 }),
    ]);
    expect(a.shells.map((s) => s.T)).toEqual(b.shells.map((s) => s.T));
  }, 60000);

  test('closePool waits for a concurrent batch instead of killing its workers', async () => {
    let closing: Promise<void> | undefined;
    // When the first curve is done, another caller closes the pool while this batch goes on.
    const xs = Array.from({ length: 40 }, (_, i) => 0.02 * (i + 1));
    const run = sroCurvePoints({
      z1: 6, z2: 8, gammas: [150, 160, 170], xs, sums: TABLE_I, threads: 2, samplePoints: 20000,
      onProgress: () => void (closing ??= closePool()),
    });
    expect((await run).map((c) => c.length)).toEqual([40, 40, 40]);
    await closing;
  }, 60000);

  test('a thread count beyond the supported range is a DomainError, not 256 workers', async () => {
    expect(maxThreads()).toBeGreaterThanOrEqual(8);
    expect(maxThreads()).toBeLessThanOrEqual(64);
    await expect(latticeSums({ shells: 3, threads: 256 })).rejects.toThrow(DomainError);
    await expect(latticeSums({ shells: 3, threads: 1.5 })).rejects.toThrow(/threads must be an integer from 1 to/);
  });

  test('a single SRO curve is bit-identical on 1, 2, 4 and 5 threads (the azeotrope search)', async () => {
    const one = { z1: 6, z2: 8, gammas: [179.5], xs: sroGrid({ step: 0.01 }).filter((x) => x > 0.05 && x < 0.5), sums: TABLE_I, samplePoints: 20000 };
    const ref = await sroCurvePoints({ ...one, threads: 1 });
    for (const threads of [2, 4, 5]) expect(await sroCurvePoints({ ...one, threads })).toEqual(ref);
  }, 120000);
});
