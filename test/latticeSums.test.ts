import { afterAll, describe, expect, it } from 'vitest';
import { latticeSums, type LatticeSumsResult } from '../src/latticeSums/latticeSums.js';
import { closePool } from '../src/parallel/pool.js';

afterAll(closePool);

// Paper Table I (a_i units); the paper quotes +-1 in the last printed digit.
const PAPER_T = [4.4334, 3.0577, 4.1411, 7.2268, 2.1968, 1.495, 5.371, 5.2993];
const PAPER_IMT = [0.1149, -0.1035, 0.0368, -0.1009, 0.0774, -0.0179, 0.051, -0.0146];
const PAPER_T0 = 0.90183;

describe('Table I', () => {
  let table8: LatticeSumsResult;
  it('computes the 8-shell table in this thread', async () => {
    table8 = await latticeSums({ shells: 8, threads: 1 });
    expect(table8.error).toBeLessThan(1e-9);
  });

  it('T_1..T_8 within +-1 in the 4th decimal, T_0 within +-1 in the 5th', () => {
    table8.shells.forEach((s, i) => expect(Math.abs(s.T - PAPER_T[i])).toBeLessThanOrEqual(1e-4 + 1e-12));
    expect(Math.abs(table8.T0 - PAPER_T0)).toBeLessThanOrEqual(1e-5 + 1e-12);
  });

  it('I_i - T_i within +-1 in the 4th decimal', () => {
    table8.shells.forEach((s, i) => expect(Math.abs(s.IminusT - PAPER_IMT[i])).toBeLessThanOrEqual(1e-4 + 1e-12));
  });

  it('zeta within 1e-11', () => {
    expect(Math.abs(table8.zeta - 0.895929255682)).toBeLessThan(1e-11);
  });

  it('parallel (2 threads) equals serial to 1e-13', async () => {
    const par = await latticeSums({ shells: 8, threads: 2 });
    expect(Math.abs(par.T0 - table8.T0)).toBeLessThan(1e-13);
    par.shells.forEach((s, i) => expect(Math.abs(s.T - table8.shells[i].T)).toBeLessThan(1e-13));
  });
});

describe('30 shells at 1e-9', () => {
  it('converges: the error estimate is below 1e-9 and a finer rule and another eta agree within 1e-9', async () => {
    const a = await latticeSums({ shells: 30, tol: 1e-9, eta: 0.9, threads: 2 });
    expect(a.error).toBeLessThan(1e-9);
    // independent check: a tighter tolerance (finer rule) with a different eta
    const b = await latticeSums({ shells: 30, tol: 1e-12, eta: 1.2, threads: 2 });
    expect(Math.abs(a.T0 - b.T0)).toBeLessThan(1e-9);
    a.shells.forEach((s, i) => expect(Math.abs(s.T - b.shells[i].T)).toBeLessThan(1e-9));
  });
});
