/**
 * Coordinates on the composition simplex. Solvers work in "softmax" coordinates
 * y in R^(c-1): x_a = e^(y_a) / sum_b e^(y_b) with y_0 = 0, so that every fraction stays
 * positive and trace fractions (1e-6 and below) are resolved in relative terms.
 */

/** x from y (length c-1). */
export function fromSoftmax(y: ArrayLike<number>): Float64Array {
  const c = y.length + 1;
  let m = 0;
  for (let i = 0; i < y.length; i++) m = Math.max(m, y[i]);
  const x = new Float64Array(c);
  let s = (x[0] = Math.exp(-m));
  for (let a = 1; a < c; a++) s += x[a] = Math.exp(y[a - 1] - m);
  for (let a = 0; a < c; a++) x[a] /= s;
  return x;
}

/** y from x (all x_a > 0). */
export function toSoftmax(x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(x.length - 1);
  for (let a = 1; a < x.length; a++) y[a - 1] = Math.log(x[a]) - Math.log(x[0]);
  return y;
}

/** Move x into the open simplex: each fraction at least `floor`, renormalised. */
export function interior(x: ArrayLike<number>, floor = 1e-12): Float64Array {
  const y = Float64Array.from(x, (v) => Math.max(v, floor));
  const s = y.reduce((p, v) => p + v, 0);
  return y.map((v) => v / s);
}

/**
 * All points of the simplex grid with spacing 1/n (integer compositions k_a/n, sum k_a = n).
 *
 * @example simplexGrid(3, 2).length // 6
 */
export function simplexGrid(c: number, n: number): number[][] {
  const out: number[][] = [];
  const rec = (prefix: number[], left: number): void => {
    if (prefix.length === c - 1) {
      out.push([...prefix, left].map((k) => k / n));
      return;
    }
    for (let k = 0; k <= left; k++) rec([...prefix, k], left - k);
  };
  rec([], n);
  return out;
}
