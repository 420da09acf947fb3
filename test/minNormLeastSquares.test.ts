import { describe, expect, it } from 'vitest';
import { minNormLeastSquares, nnls } from '../src/sro/linalg.js';

/** A deterministic pseudo-random number in [-1, 1). */
function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}

/** c = B^+ g by the normal equations of the rows, B^T (B B^T)^+ g, with a plain Jacobi eigensolver (independent of the library's). */
function reference(cols: Float64Array[], g: number[]): number[] {
  const n = g.length;
  const M = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, k) => cols.reduce((s, c) => s + c[i] * c[k], 0)));
  const V = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, k) => (i === k ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++)
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(M[p][q]) < 1e-300) continue;
        const th = 0.5 * Math.atan2(2 * M[p][q], M[q][q] - M[p][p]);
        const c = Math.cos(th);
        const s = Math.sin(th);
        for (let k = 0; k < n; k++) [M[k][p], M[k][q]] = [c * M[k][p] - s * M[k][q], s * M[k][p] + c * M[k][q]];
        for (let k = 0; k < n; k++) [M[p][k], M[q][k]] = [c * M[p][k] - s * M[q][k], s * M[p][k] + c * M[q][k]];
        for (let k = 0; k < n; k++) [V[k][p], V[k][q]] = [c * V[k][p] - s * V[k][q], s * V[k][p] + c * V[k][q]];
      }
  const lmax = Math.max(...M.map((r, i) => Math.abs(r[i])));
  const y = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    if (!(M[j][j] > 1e-13 * lmax)) continue;
    const t = V.reduce((s, r, i) => s + r[j] * g[i], 0) / M[j][j];
    for (let i = 0; i < n; i++) y[i] += V[i][j] * t;
  }
  return cols.map((c) => c.reduce((s, v, i) => s + v * y[i], 0));
}

describe('minimum-norm least squares (the active-set polish multipliers)', () => {
  it('fewer columns than rows (q x q form) and more (n x n form) both give B^+ g, dependent columns (+e, -e) included', () => {
    const r = rand(7);
    const n = 12;
    for (const q of [1, 3, 8, 11, 12, 20]) {
      const cols = Array.from({ length: q }, () => Float64Array.from({ length: n }, r));
      if (q >= 3) cols[2] = cols[1].map((v) => -v); // an equality as a pair of opposite columns
      const g = Array.from({ length: n }, r);
      const c = minNormLeastSquares(cols, g);
      const ref = reference(cols, g);
      for (let k = 0; k < q; k++) expect(Math.abs(c[k] - ref[k])).toBeLessThan(1e-10);
    }
  });

  it('NNLS of a consistent system with many near-duplicate columns recovers non-negative multipliers with zero residual', () => {
    const r = rand(11);
    const n = 24;
    const base = Array.from({ length: 6 }, () => Float64Array.from({ length: n }, r));
    // 300 columns: the six, each repeated with relative perturbations of 1e-9 (a cluster of cuts).
    const cols = Array.from({ length: 300 }, (_, k) => base[k % 6].map((v) => v * (1 + 1e-9 * r())));
    const g = Array.from({ length: n }, (_, i) => base.reduce((s, b, k) => s + (k + 1) * b[i], 0));
    const x = nnls(cols, g);
    expect(x.every((v) => v >= 0)).toBe(true);
    // The polish accepts multipliers whose stationarity residual is below 1e-8 of max |g|.
    const gmax = Math.max(...g.map(Math.abs));
    for (let i = 0; i < n; i++) expect(Math.abs(cols.reduce((s, c, k) => s + x[k] * c[i], 0) - g[i])).toBeLessThan(1e-9 * gmax);
  });
});
