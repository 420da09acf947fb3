/**
 * Smallest eigenvalue and its unit eigenvector of a small symmetric matrix (row-major m x m):
 * closed form for m = 1, 2, cyclic Jacobi otherwise. Used on the projected S_ab(k) of eq. 3.
 *
 * @example smallestEigen(Float64Array.of(2, 1, 1, 2), 2).value // 1
 */
export function smallestEigen(A: ArrayLike<number>, m: number): { value: number; vector: Float64Array } {
  if (m === 1) return { value: A[0], vector: Float64Array.of(1) };
  if (m === 2) {
    const a = A[0];
    const b = A[1];
    const d = A[3];
    const h = 0.5 * (a - d);
    const r = Math.hypot(h, b);
    const value = 0.5 * (a + d) - r;
    // eigenvector of the smaller root, from the better-conditioned row
    let v0: number;
    let v1: number;
    if (h > 0) {
      v0 = b;
      v1 = -(h + r);
    } else {
      v0 = r - h;
      v1 = -b;
    }
    const nrm = Math.hypot(v0, v1);
    if (!(nrm > 0)) return { value, vector: Float64Array.of(1, 0) };
    return { value, vector: Float64Array.of(v0 / nrm, v1 / nrm) };
  }
  const a = Float64Array.from(A);
  const V = new Float64Array(m * m);
  for (let i = 0; i < m; i++) V[i * m + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q] ** 2;
    if (off < 1e-300) break;
    for (let p = 0; p < m; p++)
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (apq === 0) continue;
        const theta = (a[q * m + q] - a[p * m + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p];
          const akq = a[k * m + q];
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k];
          const aqk = a[q * m + k];
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = V[k * m + p];
          const vkq = V[k * m + q];
          V[k * m + p] = c * vkp - s * vkq;
          V[k * m + q] = s * vkp + c * vkq;
        }
      }
  }
  let j = 0;
  for (let i = 1; i < m; i++) if (a[i * m + i] < a[j * m + j]) j = i;
  return { value: a[j * m + j], vector: Float64Array.from({ length: m }, (_, k) => V[k * m + j]) };
}
