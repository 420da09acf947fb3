import { afterAll, describe, expect, it } from 'vitest';
import { getLatticeSums } from '../src/latticeSums/getLatticeSums.js';
import { meltingGamma } from '../src/ocp/meltingPoint.js';
import { closePool } from '../src/parallel/pool.js';
import { sroCurvePoints } from '../src/parallel/sroCurves.js';
import { coexistenceWindows } from '../src/phase/coexistence.js';
import { liquidCurve } from '../src/phase/modelCurves.js';
import { sroCurveFromPoints, sroGrid } from '../src/phase/sroCurve.js';
import { solidusAt } from '../src/reproduce/phaseDiagrams.js';

afterAll(async () => {
  await closePool();
});

// The paper's four SRO solidus compositions (text beside Fig. 4; published, two digits) with the
// default liquid (-S_mixZ, docs/physics.md section 7), on the default grids of `reproduce`.
const PAPER = [0.49, 0.59, 0.72, 0.8];

describe('SRO solidus at crystallization, default liquid', () => {
  it('Gamma_1m, 170, 160, 150 give the paper\'s 0.49, 0.59, 0.72, 0.80 to two digits; the -S_mix variant does not', async () => {
    const gammas = [meltingGamma(), 170, 160, 150];
    const sums = await getLatticeSums(8);
    const pts = await sroCurvePoints({ z1: 6, z2: 8, gammas, xs: sroGrid(), shells: 8, sums, threads: 2 });
    const solidus = (k: number, idealMixing?: 'smix') =>
      solidusAt(coexistenceWindows(liquidCurve(6, 8, gammas[k], { idealMixing }), sroCurveFromPoints(pts[k], gammas[k]), { grid: { step: 0.002, edge: 1e-8 } }))!.xSolid;
    for (let k = 0; k < 4; k++) {
      expect(Math.round(solidus(k) * 100) / 100).toBe(PAPER[k]);
      expect(PAPER[k] - solidus(k, 'smix')).toBeGreaterThan(0.01);
    }
  });
});
