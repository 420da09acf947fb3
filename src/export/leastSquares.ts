/**
 * Linear least squares min ||A c - y||_2 by Householder QR (no normal equations, so the
 * conditioning of a polynomial basis on [0, 1] enters once, not squared).
 *
 * @param rows the rows of A (m x n, m >= n, full column rank)
 * @param y right-hand side (length m)
 * @returns the coefficients c (length n)
 * @example leastSquares([[1], [2]], [2, 4]) // [2]
 */
export function leastSquares(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  if (m < n || n === 0) throw new RangeError(`least squares needs at least ${n} rows, got ${m}`);
  const A = rows.map((r) => [...r]);
  const b = [...y];
  for (let j = 0; j < n; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += A[i][j] * A[i][j];
    norm = Math.sqrt(norm);
    if (norm === 0) throw new RangeError('least squares: rank-deficient basis');
    const alpha = A[j][j] > 0 ? -norm : norm;
    const v = A.slice(j).map((r) => r[j]);
    v[0] -= alpha;
    const vv = v.reduce((s, t) => s + t * t, 0);
    // Apply H = I - 2 v v^T / (v^T v) to the remaining columns and to b.
    for (let k = j; k < n; k++) {
      let d = 0;
      for (let i = j; i < m; i++) d += v[i - j] * A[i][k];
      const f = (2 * d) / vv;
      for (let i = j; i < m; i++) A[i][k] -= f * v[i - j];
    }
    let d = 0;
    for (let i = j; i < m; i++) d += v[i - j] * b[i];
    const f = (2 * d) / vv;
    for (let i = j; i < m; i++) b[i] -= f * v[i - j];
  }
  const c = new Array<number>(n).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    let s = b[j];
    for (let k = j + 1; k < n; k++) s -= A[j][k] * c[k];
    c[j] = s / A[j][j];
  }
  return c;
}
