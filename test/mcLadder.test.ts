import { afterAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { closePool } from '../src/parallel/pool.js';
import { MAX_INSERT_PER_PAIR, refineLadder } from '../src/mc/ladderRefine.js';
import { latticeMonteCarlo, progressFraction } from '../src/mc/latticeMonteCarlo.js';
import { UncertifiedError } from '../src/errors.js';
import { MIN_SWAP_ACCEPTANCE } from '../src/mc/checks.js';

afterAll(() => closePool());

describe('ladder refinement by measured swap acceptance', () => {
  test('pairs at or above the threshold are kept; a pair below it is split so that p^(1/(k+1)) >= threshold', () => {
    const g = [0, 10, 20, 30];
    const keep = refineLadder(g, [8, 3, 5], [20, 20, 20], 0.15); // 0.4, 0.15, 0.25
    expect(keep.ladder).toEqual(g);
    expect(keep.split).toEqual([]);
    // p = 0.05 on pair 1: ln 0.05 / ln 0.15 = 1.58 -> 2 steps, one point in the middle.
    const one = refineLadder(g, [8, 1, 5], [20, 20, 20], 0.15);
    expect(one.ladder).toEqual([0, 10, 15, 20, 30]);
    expect(one.split).toEqual([1]);
    expect(one.source).toEqual([0, 1, 1, 2, 3]);
    // Never swapped in 20 tries: p <= 1/40 -> ln(1/40)/ln(0.15) = 1.94 -> 2 steps; at 0.2: 2.29 -> 3 steps.
    expect(refineLadder([0, 10, 20], [10, 0], [20, 20], 0.2).ladder).toEqual([0, 10, 10 + 10 / 3, 10 + 20 / 3, 20]);
    // Each new point starts from the nearer end's configuration.
    const three = refineLadder([0, 12], [0], [1000], 0.5);
    expect(three.ladder.length - 2).toBe(MAX_INSERT_PER_PAIR);
    expect(three.source).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    for (const r of [keep, one, three]) expect(r.ladder).toEqual([...r.ladder].sort((a, b) => a - b));
    expect(() => refineLadder(g, [1, 1, 1], [2, 2, 2], 1)).toThrow(RangeError);
  });

  test('progress is monotone across the pilot, any number of ladder trials, the production and continued sampling', () => {
    const seq = [
      progressFraction('pilot', 0, 10), progressFraction('pilot', 10, 10), progressFraction('ladder 1 (30 replicas)', 5, 10),
      progressFraction('ladder 2 (31 replicas)', 0, 10), progressFraction('ladder 7 (40 replicas)', 10, 10),
      progressFraction('production', 0, 10), progressFraction('production', 10, 10),
      progressFraction('extension 1 (5 replicas)', 3, 10), progressFraction('extension 3 (9 replicas)', 10, 10),
    ];
    for (let i = 1; i < seq.length; i++) expect(seq[i]).toBeGreaterThanOrEqual(seq[i - 1]);
    expect(seq[0]).toBe(0);
    expect(seq[seq.length - 1]).toBeLessThanOrEqual(1);
    expect(seq[seq.length - 1]).toBeGreaterThan(0.98);
  });

  test('through the ordering transition every production pair reaches the stated acceptance (L = 4, n = 8)', async () => {
    const r = await latticeMonteCarlo({ x: 0.5, L: 4, sweeps: 480, seed: 2, threads: 1 });
    expect(r.ladderTrials).toBeGreaterThanOrEqual(1);
    expect(r.replicasPerTrial[r.replicasPerTrial.length - 1]).toBe(r.ladder.length);
    expect(Math.min(...r.swapAcceptance)).toBeGreaterThanOrEqual(MIN_SWAP_ACCEPTANCE);
    expect(r.ladder[0]).toBe(0);
    expect(r.ladder[r.ladder.length - 1]).toBe(800);
  }, 60_000);

  test('a replica cap that cannot be met is an UncertifiedError, and exit 1 with one line from the CLI', async () => {
    await expect(latticeMonteCarlo({ x: 0.5, L: 4, sweeps: 96, seed: 1, threads: 1, maxReplicas: 4 })).rejects.toThrow(UncertifiedError);
    const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
    const p = spawnSync(process.execPath, [main, 'mc', '--x', '0.5', '--L', '4', '--sweeps', '96', '--threads', '1', '--max-replicas', '4'], { encoding: 'utf8', timeout: 60_000 });
    expect(p.status).toBe(1);
    const lines = p.stderr.trim().split('\n').filter((l) => !l.startsWith('mc ')); // progress lines
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs more than 4 replicas/);
  }, 60_000);
});
