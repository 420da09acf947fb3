/**
 * Natural cubic spline through (x_k, y_k), x strictly increasing, with zero second
 * derivative at both ends. Evaluates the value and the first derivative; outside the
 * knots it continues linearly (natural boundary). Exact for straight lines, and for any
 * cubic whose second derivative vanishes at both end knots.
 */
export interface NaturalSpline {
  (x: number): number;
  derivative(x: number): number;
  /** Knots and second derivatives, for inspection. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly m: Float64Array;
}

export function naturalSpline(xs: ArrayLike<number>, ys: ArrayLike<number>): NaturalSpline {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError(`naturalSpline: ${n} x values but ${ys.length} y values`);
  if (n < 2) throw new RangeError('naturalSpline: at least two knots are needed');
  const X = Float64Array.from(xs);
  const Y = Float64Array.from(ys);
  for (let k = 1; k < n; k++) {
    if (!(X[k] > X[k - 1])) throw new RangeError(`naturalSpline: x must increase strictly (x[${k}] = ${X[k]})`);
  }
  for (let k = 0; k < n; k++) if (!Number.isFinite(Y[k])) throw new RangeError(`naturalSpline: y[${k}] is not finite`);
  // Second derivatives m_k: tridiagonal system, m_0 = m_{n-1} = 0 (Thomas algorithm).
  const M = new Float64Array(n);
  if (n > 2) {
    const sub = new Float64Array(n);
    const diag = new Float64Array(n);
    const sup = new Float64Array(n);
    const rhs = new Float64Array(n);
    for (let k = 1; k < n - 1; k++) {
      const h0 = X[k] - X[k - 1];
      const h1 = X[k + 1] - X[k];
      sub[k] = h0 / 6;
      diag[k] = (h0 + h1) / 3;
      sup[k] = h1 / 6;
      rhs[k] = (Y[k + 1] - Y[k]) / h1 - (Y[k] - Y[k - 1]) / h0;
    }
    for (let k = 2; k < n - 1; k++) {
      const w = sub[k] / diag[k - 1];
      diag[k] -= w * sup[k - 1];
      rhs[k] -= w * rhs[k - 1];
    }
    M[n - 2] = rhs[n - 2] / diag[n - 2];
    for (let k = n - 3; k >= 1; k--) M[k] = (rhs[k] - sup[k] * M[k + 1]) / diag[k];
  }
  const interval = (x: number): number => {
    let lo = 0;
    let hi = n - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (X[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const slopeAt = (k: number, t: 'left' | 'right'): number => {
    const h = X[k + 1] - X[k];
    const d = (Y[k + 1] - Y[k]) / h;
    return t === 'left' ? d - (h * (2 * M[k] + M[k + 1])) / 6 : d + (h * (M[k] + 2 * M[k + 1])) / 6;
  };
  const value = (x: number): number => {
    if (x <= X[0]) return Y[0] + slopeAt(0, 'left') * (x - X[0]);
    if (x >= X[n - 1]) return Y[n - 1] + slopeAt(n - 2, 'right') * (x - X[n - 1]);
    const k = interval(x);
    const h = X[k + 1] - X[k];
    const a = (X[k + 1] - x) / h;
    const b = (x - X[k]) / h;
    return a * Y[k] + b * Y[k + 1] + (((a * a * a - a) * M[k] + (b * b * b - b) * M[k + 1]) * h * h) / 6;
  };
  const derivative = (x: number): number => {
    if (x <= X[0]) return slopeAt(0, 'left');
    if (x >= X[n - 1]) return slopeAt(n - 2, 'right');
    const k = interval(x);
    const h = X[k + 1] - X[k];
    const a = (X[k + 1] - x) / h;
    const b = (x - X[k]) / h;
    return (Y[k + 1] - Y[k]) / h + ((-(3 * a * a - 1) * M[k] + (3 * b * b - 1) * M[k + 1]) * h) / 6;
  };
  return Object.assign(value, { derivative, xs: X, ys: Y, m: M });
}
