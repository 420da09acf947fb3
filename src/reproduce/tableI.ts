import { latticeSums, type LatticeSumsResult } from '../latticeSums/latticeSums.js';

/**
 * Published values of the paper's Table I (a_i units; the paper quotes +-1 in the last
 * digit). Used only as a comparison column of the report, never in a computation.
 */
export const PAPER_TABLE_I = {
  shells: [
    { i: 1, T: 4.4334, IminusT: 0.1149 },
    { i: 2, T: 3.0577, IminusT: -0.1035 },
    { i: 3, T: 4.1411, IminusT: 0.0368 },
    { i: 4, T: 7.2268, IminusT: -0.1009 },
    { i: 5, T: 2.1968, IminusT: 0.0774 },
    { i: 6, T: 1.495, IminusT: -0.0179 },
    { i: 7, T: 5.371, IminusT: 0.051 },
    { i: 8, T: 5.2993, IminusT: -0.0146 },
  ],
  T0: 0.90183,
  /** Decimal places of the published columns. */
  digits: { T: 4, IminusT: 4, T0: 5 },
} as const;

/** One row of our Table I beside the paper's. */
export interface TableIRow {
  i: number;
  l2: number;
  m: number;
  I: number;
  T: number;
  IminusT: number;
  paperT: number;
  paperIminusT: number;
  /** Our value rounded to the paper's digits minus the paper's value. */
  dT: number;
  dIminusT: number;
  /** Difference in units of the paper's last digit (our unrounded value minus the paper's). */
  dTLastDigit: number;
  dIminusTLastDigit: number;
  /** I_i minus our T_i rounded to 4 decimals, then rounded: how the paper's column would read if formed from rounded T_i. */
  IminusRoundedT: number;
}

export interface TableIResult {
  rows: TableIRow[];
  T0: number;
  paperT0: number;
  dT0LastDigit: number;
  zeta: number;
  error: number;
  orders: [number, number, number];
  seconds: number;
}

/** Compute Table I (lattice sums over `shells` shells to `tol`) and line it up with the paper's. */
export async function computeTableI(
  shells: number,
  tol: number,
  threads: number,
  onLevel?: (error: number) => void,
): Promise<{ table: TableIResult; sums: LatticeSumsResult }> {
  const t0 = performance.now();
  const sums = await latticeSums({ shells, tol, threads, onProgress: ({ error }) => onLevel?.(error) });
  const seconds = (performance.now() - t0) / 1000;
  const rows: TableIRow[] = sums.shells.map((s) => {
    const p = PAPER_TABLE_I.shells.find((q) => q.i === s.i);
    const paperT = p?.T ?? NaN;
    const paperIminusT = p?.IminusT ?? NaN;
    return {
      i: s.i,
      l2: s.l2,
      m: s.m,
      I: s.I,
      T: s.T,
      IminusT: s.IminusT,
      paperT,
      paperIminusT,
      dT: round(s.T, 4) - paperT,
      dIminusT: round(s.IminusT, 4) - paperIminusT,
      dTLastDigit: (s.T - paperT) * 1e4,
      dIminusTLastDigit: (s.IminusT - paperIminusT) * 1e4,
      IminusRoundedT: round(s.I - round(s.T, 4), 4),
    };
  });
  return {
    sums,
    table: {
      rows,
      T0: sums.T0,
      paperT0: PAPER_TABLE_I.T0,
      dT0LastDigit: (sums.T0 - PAPER_TABLE_I.T0) * 1e5,
      zeta: sums.zeta,
      error: sums.error,
      orders: sums.orders,
      seconds,
    },
  };
}

export function round(v: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.round(v * f) / f;
}
