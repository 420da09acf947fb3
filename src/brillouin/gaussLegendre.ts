/**
 * Gauss-Legendre rule on [0, 1] with n nodes: nodes and weights interleaved
 * [x0, w0, x1, w1, ...], computed by Newton iteration on P_n (accurate to ~1e-15).
 *
 * @example gaussLegendre01(2) // nodes 0.2113..., 0.7886..., weights 0.5, 0.5
 */
export function gaussLegendre01(n: number): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Gauss-Legendre order must be a positive integer, got ${n}`);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pnm1 = n === 1 ? 1 : p0;
      dp = (n * (x * pn - pnm1)) / (x * x - 1);
      const dx = pn / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // node on [-1,1] -> [0,1]; ascending order
    const j = n - 1 - i;
    out[2 * j] = (1 - x) / 2 === 0 ? 0 : (x + 1) / 2;
    out[2 * j + 1] = 1 / ((1 - x * x) * dp * dp);
  }
  return out;
}
