import { afterAll, describe, expect, test } from 'vitest';
import { closePool } from '../src/parallel/pool.js';
import { sroCurvePoints } from '../src/parallel/sroCurves.js';
import { sroPhaseDiagram } from '../src/parallel/sroPhaseDiagram.js';
import { adoptConstraintTable, getConstraintTable, shareConstraintTable } from '../src/sro/constraintTable.js';
import { TABLE_I } from './tableIFixture.js';

afterAll(() => closePool());

describe('SRO sweeps on worker threads', () => {
  test('the shared constraint table lives in SharedArrayBuffers and equals the thread-local one', () => {
    const local = getConstraintTable(8, { size: 20000, seed: 5 });
    const s = shareConstraintTable(8, { size: 20000, seed: 5 });
    expect(s.table.table.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(s.table.blocks.table.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(s.table.table)).toEqual(Array.from(local.table));
    expect(Array.from(s.table.blocks.perm)).toEqual(Array.from(local.blocks.perm));
    // From now on this thread uses the shared copy; adopting it again changes nothing.
    expect(getConstraintTable(8, { size: 20000, seed: 5 })).toBe(s.table);
    adoptConstraintTable(s);
    expect(getConstraintTable(8, { size: 20000, seed: 5 })).toBe(s.table);
  });

  test('2 worker threads give bit-identical curves to this thread', async () => {
    const sweep = { z1: 6, z2: 8, gammas: [150, 175.7], xs: [0.01, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9], sums: TABLE_I, samplePoints: 20000, seed: 5 };
    const one = await sroCurvePoints({ ...sweep, threads: 1 });
    const two = await sroCurvePoints({ ...sweep, threads: 2 });
    expect(two).toEqual(one);
    expect(one.map((c) => c.length)).toEqual([7, 7]);
  }, 60000);

  test('sroPhaseDiagram: same diagram in this thread and on 2 workers, and again on the warm pool', async () => {
    const scan = { gammaMin: 174, gammaMax: 176, gammaStep: 1 };
    const one = await sroPhaseDiagram({ ...scan, threads: 1 });
    const two = await sroPhaseDiagram({ ...scan, threads: 2 });
    const again = await sroPhaseDiagram({ ...scan, threads: 2 }); // the pool of the previous call, kept up
    expect(two).toEqual(one);
    expect(again).toEqual(one);
    expect(one.model).toBe('sro');
    expect(one.rows.length).toBeGreaterThanOrEqual(3);
    // C/O: the SRO liquidus and solidus meet at the azeotrope below T_1m (Gamma_az > Gamma_1m).
    expect(one.azeotrope?.kind).toBe('azeotrope');
    expect(one.azeotrope!.gamma).toBeGreaterThan(one.gamma1m);
  }, 120000);
});
