import { describe, expect, test } from 'vitest';
import { getConstraintTable } from '../src/sro/constraintTable.js';
import { CELLS, cellBlocks, lowestCells } from '../src/sro/lowestCells.js';
import { seededRandom } from '../src/sro/wedgeSample.js';
import { sroSolid } from '../src/models/sro.js';
import { TABLE_I } from './tableIFixture.js';

/** Independent full scan: minimum of b + row.d per coarse cell over every sample point. */
function fullScan(points: Float64Array, table: Float64Array, count: number, n: number, d: number[], b: number) {
  let maxc = 0;
  for (let j = 0; j < 3 * count; j++) maxc = Math.max(maxc, Math.abs(points[j]));
  const scale = CELLS / (maxc * (1 + 1e-12));
  const min = new Map<number, { v: number; j: number }>();
  for (let j = 0; j < count; j++) {
    const cell = [0, 1, 2].map((a) => Math.min(CELLS - 1, Math.floor(points[3 * j + a] * scale)));
    const c = (cell[0] * CELLS + cell[1]) * CELLS + cell[2];
    let v = b;
    for (let i = 0; i < n; i++) v += table[j * n + i] * d[i];
    const cur = min.get(c);
    if (!cur || v < cur.v) min.set(c, { v, j });
  }
  return [...min.entries()].sort((u, w) => u[1].v - w[1].v || u[0] - w[0]);
}

/** lowestCells on `blocks` must return exactly what the full scan of the same table gives. */
function expectFullScanResult(
  t: { points: Float64Array; table: Float64Array; count: number },
  blocks: Parameters<typeof lowestCells>[0],
  n: number,
  d: number[],
  b: number,
  keep: number,
  floor: number,
) {
  const ref = fullScan(t.points, t.table, t.count, n, d, b);
  const theta = Math.max(floor, ref[Math.min(keep, ref.length) - 1][1].v);
  const expected = ref.filter(([, q]) => q.v <= theta);
  const cellMin = new Float64Array(CELLS ** 3);
  const cellArg = new Int32Array(CELLS ** 3);
  const got = lowestCells(blocks, d, b, keep, floor, cellMin, cellArg);
  expect(got.order).toEqual(expected.map(([c]) => c));
  for (const [c, q] of expected) {
    expect(cellMin[c]).toBe(q.v);
    expect(cellArg[c]).toBe(q.j);
  }
}

describe('lowestCells (block-bounded scan of Delta over the wedge sample)', () => {
  const n = 8;
  const t = getConstraintTable(n, { size: 20000, seed: 3 });
  const blocks = cellBlocks(t.points, t.table, t.count, n);
  const rnd = seededRandom(11);

  test('every sample point sits in exactly one block, blocks nest in cells', () => {
    const seen = new Uint8Array(t.count);
    for (const j of blocks.perm) seen[j]++;
    expect(seen.every((s) => s === 1)).toBe(true);
    expect(blocks.cellBlockStart[blocks.cells.length]).toBe(blocks.blockStart.length - 1);
  });

  test('same minima, argmins and order as a full scan for the kept and violated cells', async () => {
    // Order parameters at minimized points (many cells with Delta close to 0, the hard case),
    // then random deviations, some strongly violating (Delta < 0).
    const minimized = [];
    for (const [x, gamma] of [[0.5, 175.7], [0.3, 150], [0.8, 300]]) {
      const r = await sroSolid({ z1: 6, z2: 8, x }, gamma, TABLE_I, { samplePoints: 20000, seed: 3 });
      minimized.push({ x, d: r.alpha.map((a) => a - x * x) });
    }
    for (let trial = 0; trial < 43; trial++) {
      const x = trial < 3 ? minimized[trial].x : 0.05 + 0.9 * rnd();
      const b = x * (1 - x);
      const amp = trial % 2 === 0 ? 0.02 : 0.2;
      const d = trial < 3 ? minimized[trial].d : Array.from({ length: n }, () => amp * (2 * rnd() - 1));
      const keep = 1 + (trial % 13);
      const floor = trial % 3 === 0 ? -1e-13 : -0.05;
      expectFullScanResult(t, blocks, n, d, b, keep, floor);
    }
  });

  test('any number of shells (the general loop, here n = 5): same as a full scan', () => {
    const m = 5;
    const t5 = getConstraintTable(m, { size: 8000, seed: 4 });
    const rnd5 = seededRandom(23);
    for (let trial = 0; trial < 20; trial++) {
      const x = 0.05 + 0.9 * rnd5();
      const b = x * (1 - x);
      const d = Array.from({ length: m }, () => 0.1 * (2 * rnd5() - 1));
      const keep = 1 + (trial % 7);
      const floor = trial % 2 === 0 ? -1e-13 : -0.03;
      expectFullScanResult(t5, t5.blocks, m, d, b, keep, floor);
    }
  });
});
