import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/*
 * Small dense linear algebra of the minimizer (matrices of order <= a few tens, row-major
 * Float64Array): a Jacobi-scaled Cholesky for the interior-point systems, one symmetric
 * pseudo-inverse (eigen-decomposition, ml-matrix) for rank-deficient systems, and the
 * Lawson-Hanson non-negative least squares built on it.
 */

/** A Cholesky factor of D^-1/2 K D^-1/2 (D = diag K) with the scaling, ready to solve K y = b. */
export interface Cholesky {
  n: number;
  /** Lower factor, row-major n x n. */
  L: Float64Array;
  /** 1/sqrt(K_ii). */
  scale: Float64Array;
}

/**
 * Cholesky factor of the symmetric matrix K (upper triangle read, n x n row-major) after
 * symmetric Jacobi scaling, which keeps diagonals spanning many decades (entropy terms of
 * 1e-30) accurate; `shift` adds shift * (scaled diagonal) before factoring. Null if K is
 * not numerically positive definite.
 */
export function cholesky(K: Float64Array, n: number, shift = 0): Cholesky | null {
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = K[i * n + i];
    if (!(d > 0 && d < Infinity)) return null;
    scale[i] = 1 / Math.sqrt(d);
  }
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) {
      let s = (k <= i ? K[k * n + i] : K[i * n + k]) * scale[i] * scale[k];
      if (k === i) s += shift;
      for (let r = 0; r < k; r++) s -= L[i * n + r] * L[k * n + r];
      if (k === i) {
        if (!(s > 1e-300)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + k] = s / L[k * n + k];
    }
  }
  return { n, L, scale };
}

/** Solve K y = b with a factor from {@link cholesky} (b is not modified). */
export function choleskySolve(c: Cholesky, b: ArrayLike<number>, y: Float64Array = new Float64Array(c.n)): Float64Array {
  const { n, L, scale } = c;
  for (let i = 0; i < n; i++) {
    let s = b[i] * scale[i];
    for (let r = 0; r < i; r++) s -= L[i * n + r] * y[r];
    y[i] = s / L[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let r = i + 1; r < n; r++) s -= L[r * n + i] * y[r];
    y[i] = s / L[i * n + i];
  }
  for (let i = 0; i < n; i++) y[i] *= scale[i];
  return y;
}

/** Factor K, regularizing the scaled diagonal by 1e-14, 1e-12, ... if needed; null if hopeless. */
export function choleskyRegularized(K: Float64Array, n: number): Cholesky | null {
  let c = cholesky(K, n);
  for (let reg = 1e-14; !c && reg < 1; reg *= 100) c = cholesky(K, n, reg);
  return c;
}

/** Eigen-decomposition of a symmetric matrix split at a relative threshold. */
export interface SymmetricSplit {
  n: number;
  /** Eigenvalues. */
  values: number[];
  /** Eigenvectors as columns, n x n row-major. */
  vectors: Float64Array;
  /** Indices of the eigenvalues above the threshold (the range) and the rest (the null space). */
  range: number[];
  nullSpace: number[];
}

/** Eigen-decomposition of the symmetric M (full n x n row-major), split at relTol * max |eigenvalue|. */
export function symmetricSplit(M: Float64Array, n: number, relTol: number): SymmetricSplit {
  if (!M.every(Number.isFinite)) {
    // Non-finite data: an empty range (pseudoSolve gives 0); callers check their residuals.
    const vectors = new Float64Array(n * n);
    for (let i = 0; i < n; i++) vectors[i * n + i] = 1;
    return { n, values: new Array<number>(n).fill(0), vectors, range: [], nullSpace: Array.from({ length: n }, (_, k) => k) };
  }
  const m = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) m.set(i, k, 0.5 * (M[i * n + k] + M[k * n + i]));
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const V = evd.eigenvectorMatrix;
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) vectors[i * n + k] = V.get(i, k);
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const range: number[] = [];
  const nullSpace: number[] = [];
  for (let k = 0; k < n; k++) (values[k] > relTol * max ? range : nullSpace).push(k);
  return { n, values, vectors, range, nullSpace };
}

/** y = M^+ b from a split (the minimum-norm solution of M y = b on the range). */
export function pseudoSolve(s: SymmetricSplit, b: ArrayLike<number>): Float64Array {
  const { n, values, vectors } = s;
  const y = new Float64Array(n);
  for (const k of s.range) {
    let c = 0;
    for (let i = 0; i < n; i++) c += vectors[i * n + k] * b[i];
    c /= values[k];
    for (let i = 0; i < n; i++) y[i] += vectors[i * n + k] * c;
  }
  return y;
}

/**
 * Minimum-norm least-squares coefficients of g on the columns (each of length n; dependent
 * columns allowed): c = B^+ g with B = [cols], as B^T (B B^T)^+ g (an n x n eigenproblem) or,
 * for fewer than n columns, as (B^T B)^+ B^T g (q x q; the same nonzero spectrum, so the same
 * pseudo-inverse threshold). Lawson-Hanson's passive sets are mostly small: the second form
 * made the SRO solid's active-set polish several times faster where hundreds of cuts are active.
 */
export function minNormLeastSquares(cols: Float64Array[], g: ArrayLike<number>): Float64Array {
  const n = g.length;
  const q = cols.length;
  if (q < n) {
    const G = new Float64Array(q * q);
    for (let a = 0; a < q; a++) for (let b = a; b < q; b++) G[a * q + b] = G[b * q + a] = dot(cols[a], cols[b]);
    return pseudoSolve(symmetricSplit(G, q, 1e-13), Float64Array.from(cols, (col) => dot(col, g)));
  }
  const M = new Float64Array(n * n);
  for (const col of cols) for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) M[i * n + k] += col[i] * col[k];
  const y = pseudoSolve(symmetricSplit(M, n, 1e-13), g);
  return Float64Array.from(cols, (col) => dot(col, y));
}

/** Row r of the row-major matrix A (n columns) dotted with v, without a subarray view. */
export function dotRow(A: ArrayLike<number>, r: number, n: number, v: ArrayLike<number>): number {
  let s = 0;
  const o = r * n;
  for (let i = 0; i < n; i++) s += A[o + i] * v[i];
  return s;
}

/** a.b */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Residual g - sum_c x_c col_c. */
function residual(cols: Float64Array[], x: Float64Array, g: ArrayLike<number>): Float64Array {
  const r = Float64Array.from(g);
  for (let c = 0; c < cols.length; c++) if (x[c] !== 0) for (let i = 0; i < r.length; i++) r[i] -= x[c] * cols[c][i];
  return r;
}

/**
 * Non-negative least squares (Lawson-Hanson): min ||sum_c x_c col_c - g||, x >= 0, with the
 * passive-set sub-problems by {@link minNormLeastSquares} (dependent columns allowed).
 */
export function nnls(cols: Float64Array[], g: ArrayLike<number>): Float64Array {
  const q = cols.length;
  const x = new Float64Array(q);
  const passive = new Uint8Array(q);
  let gmax = 0;
  for (const col of cols) gmax = Math.max(gmax, Math.abs(dot(col, g)));
  const tol = 1e-14 * Math.max(gmax, 1e-300);
  for (let outer = 0; outer < 3 * q + 10; outer++) {
    const r = residual(cols, x, g);
    let t = -1;
    let best = tol;
    for (let c = 0; c < q; c++) {
      const w = dot(cols[c], r);
      if (!passive[c] && w > best) [best, t] = [w, c];
    }
    if (t < 0) break;
    passive[t] = 1;
    for (let inner = 0; inner < 3 * q + 10; inner++) {
      const P: number[] = [];
      for (let c = 0; c < q; c++) if (passive[c]) P.push(c);
      const z = minNormLeastSquares(P.map((c) => cols[c]), g);
      if (z.every((v) => v > 0)) {
        x.fill(0);
        P.forEach((c, k) => (x[c] = z[k]));
        break;
      }
      let alpha = 1;
      P.forEach((c, k) => {
        if (z[k] <= 0) alpha = Math.min(alpha, x[c] / (x[c] - z[k]));
      });
      P.forEach((c, k) => {
        x[c] += alpha * (z[k] - x[c]);
        if (x[c] <= 1e-300) {
          x[c] = 0;
          passive[c] = 0;
        }
      });
    }
  }
  return x;
}
