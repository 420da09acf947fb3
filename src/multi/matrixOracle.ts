import { shellCosinesAt } from '../sro/constraintTable.js';
import type { LinearCut, SeparationOracle, TrackedConstraint } from '../sro/cuttingPlane.js';
import type { Point } from '../sro/program.js';
import { refineMinDeltaK } from '../sro/refineDeltaK.js';
import { foldToWedge, type Vec3 } from '../sro/wedgeSample.js';
import { pairList } from './sroPairs.js';
import { smallestEigen } from './symEigen.js';

/*
 * The separation oracle of eq. 3 for c species (docs/physics.md section 13):
 *     S_ab(k) = x_a delta_ab - x_a x_b + sum_i (P_ab(i) - x_a x_b) c_i(k)  must be PSD for all k.
 * S(k) has the null vector (1, ..., 1); on its complement (orthonormal basis Q) the smallest
 * eigenvalue lambda(k) is the constraint value, and its unit eigenvector v = Q w gives the linear
 * cut v^T S(k) v >= 0: row_ab(i) = -c_i(k) (v_a - v_b)^2 on z_ab(i), offset v^T S_0 v.
 * Scan: every point of the wedge sample. Refinement: for fixed v, v^T S(k) v is a binary-form
 * Delta(k) = b + sum_i e_i c_i(k) minimized in k by src/sro/refineDeltaK.ts; then v is updated
 * at the new k, which can only lower lambda (Rayleigh quotient), until k stops moving.
 * For c = 2 the cut is 2 Delta(k) of the binary oracle.
 */

/** Label of a matrix cut: wave vector (1/a_i) and eigenvector v (length c). */
export interface MatrixTag {
  k: Vec3;
  v: number[];
  origin: 'sample' | 'refined';
}

/** The wedge sample with its cosine table (src/sro/constraintTable.ts). */
export interface MatrixSampleTable {
  n: number;
  count: number;
  points: Float64Array;
  table: Float64Array;
}

/** Orthonormal basis of the complement of (1, ..., 1): Helmert vectors, rows a = 0..c-1, columns 0..c-2. */
export function complementBasis(c: number): Float64Array {
  const Q = new Float64Array(c * (c - 1));
  for (let k = 1; k < c; k++) {
    const s = 1 / Math.sqrt(k * (k + 1));
    for (let a = 0; a < k; a++) Q[a * (c - 1) + (k - 1)] = s;
    Q[k * (c - 1) + (k - 1)] = -k * s;
  }
  return Q;
}

/** Evaluates lambda(k) and its eigenvector for the point's z from shell cosines c_i(k). */
export function matrixEvaluator(x: readonly number[], n: number) {
  const c = x.length;
  const m = c - 1;
  const pairs = pairList(c);
  const P = pairs.length;
  const Q = complementBasis(c);
  const S0 = new Float64Array(m * m); // Q^T (diag x - x x^T) Q
  for (let p = 0; p < m; p++)
    for (let q = 0; q < m; q++) {
      let s = 0;
      let xp = 0;
      let xq = 0;
      for (let a = 0; a < c; a++) {
        s += x[a] * Q[a * m + p] * Q[a * m + q];
        xp += x[a] * Q[a * m + p];
        xq += x[a] * Q[a * m + q];
      }
      S0[p * m + q] = s - xp * xq;
    }
  const r = pairs.map(([a, b]) => Float64Array.from({ length: m }, (_, p) => Q[a * m + p] - Q[b * m + p]));
  const S = new Float64Array(m * m);
  const D = new Float64Array(P);
  return {
    c,
    P,
    r,
    S0,
    /** lambda and v (length c) at cosines cos (length >= n) for deviations z. */
    at(z: ArrayLike<number>, cos: ArrayLike<number>, offset = 0): { value: number; v: number[] } {
      D.fill(0);
      for (let i = 0; i < n; i++) {
        const ci = cos[offset + i];
        for (let k = 0; k < P; k++) D[k] += z[i * P + k] * ci;
      }
      S.set(S0);
      for (let k = 0; k < P; k++) {
        const rk = r[k];
        for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) S[p * m + q] -= D[k] * rk[p] * rk[q];
      }
      const e = smallestEigen(S, m);
      const v = Array.from({ length: c }, (_, a) => {
        let s = 0;
        for (let p = 0; p < m; p++) s += Q[a * m + p] * e.vector[p];
        return s;
      });
      return { value: e.value, v };
    },
    /** lambda only (no allocation; closed form for c <= 3): the scan's inner loop. */
    valueAt(z: ArrayLike<number>, cos: ArrayLike<number>, offset: number): number {
      if (m > 2) return this.at(z, cos, offset).value;
      let s00 = S0[0];
      let s01 = m === 2 ? S0[1] : 0;
      let s11 = m === 2 ? S0[3] : 0;
      for (let k = 0; k < P; k++) {
        let d = 0;
        for (let i = 0; i < n; i++) d += z[i * P + k] * cos[offset + i];
        const rk = r[k];
        s00 -= d * rk[0] * rk[0];
        if (m === 2) {
          s01 -= d * rk[0] * rk[1];
          s11 -= d * rk[1] * rk[1];
        }
      }
      if (m === 1) return s00;
      return 0.5 * (s00 + s11) - Math.hypot(0.5 * (s00 - s11), s01);
    },
    /** The linear cut v^T S(k) v >= 0 at cosines cos. */
    cut(v: number[], cos: ArrayLike<number>): { row: Float64Array; offset: number } {
      const row = new Float64Array(n * P);
      for (let i = 0; i < n; i++) pairs.forEach(([a, b], k) => (row[i * P + k] = -cos[i] * (v[a] - v[b]) ** 2));
      let s = 0;
      let xv = 0;
      for (let a = 0; a < c; a++) {
        s += x[a] * v[a] * v[a];
        xv += x[a] * v[a];
      }
      return { row, offset: s - xv * xv };
    },
  };
}

/**
 * lambda(k_j) at every sample point: per point the pair sums D_p = sum_i z_p(i) c_i(k_j), then
 * the closed-form smallest eigenvalue of the projected 2 x 2 (c = 3) or 1 x 1 (c = 2) matrix.
 */
function scanValues(ev: ReturnType<typeof matrixEvaluator>, z: ArrayLike<number>, sample: MatrixSampleTable): Float64Array {
  const { n, count, table } = sample;
  const out = new Float64Array(count);
  if (ev.c > 3) {
    for (let j = 0; j < count; j++) out[j] = ev.valueAt(z, table, j * n);
    return out;
  }
  const P = ev.P;
  // Projected contributions per pair: S -= D_p r_p r_p^T.
  const w00 = new Float64Array(P);
  const w01 = new Float64Array(P);
  const w11 = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    const r = ev.r[k];
    w00[k] = r[0] * r[0];
    w01[k] = ev.c === 3 ? r[0] * r[1] : 0;
    w11[k] = ev.c === 3 ? r[1] * r[1] : 0;
  }
  // Per-shell coefficients of the three matrix entries.
  const a00 = new Float64Array(n);
  const a01 = new Float64Array(n);
  const a11 = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < P; k++) {
      a00[i] -= z[i * P + k] * w00[k];
      a01[i] -= z[i * P + k] * w01[k];
      a11[i] -= z[i * P + k] * w11[k];
    }
  const s00 = ev.S0[0];
  if (ev.c === 2) {
    for (let j = 0, o = 0; j < count; j++, o += n) {
      let v = s00;
      for (let i = 0; i < n; i++) v += a00[i] * table[o + i];
      out[j] = v;
    }
    return out;
  }
  const s01 = ev.S0[1];
  const s11 = ev.S0[3];
  for (let j = 0, o = 0; j < count; j++, o += n) {
    let p = s00;
    let q = s01;
    let r = s11;
    for (let i = 0; i < n; i++) {
      const ci = table[o + i];
      p += a00[i] * ci;
      q += a01[i] * ci;
      r += a11[i] * ci;
    }
    const h = 0.5 * (p - r);
    out[j] = 0.5 * (p + r) - Math.sqrt(h * h + q * q);
  }
  return out;
}

const dist = (u: ArrayLike<number>, w: ArrayLike<number>): number => Math.hypot(u[0] - w[0], u[1] - w[1], u[2] - w[2]);

/** Local minimum of lambda(k) from k0 (alternating: k-minimization of v^T S v, then v update). */
function refineFrom(ev: ReturnType<typeof matrixEvaluator>, z: ArrayLike<number>, n: number, k0: ArrayLike<number>): { k: Vec3; value: number; v: number[] } {
  let k: Vec3 = foldToWedge(k0);
  let cur = ev.at(z, shellCosinesAt(k, n));
  for (let it = 0; it < 8; it++) {
    const { row, offset } = ev.cut(cur.v, new Float64Array(n).fill(1));
    // v^T S(k) v = offset + sum_i e_i c_i(k), e_i = sum_p row(c = 1)_ip z_ip; scaled to the binary form x(1-x) = 0.2.
    const e = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let p = 0; p < ev.P; p++) e[i] += row[i * ev.P + p] * z[i * ev.P + p];
    if (!(offset > 0)) break;
    const s = 0.2 / offset;
    const xs = (1 - Math.sqrt(1 - 0.8)) / 2;
    const best = refineMinDeltaK(xs, e.map((v) => v * s), [k])[0];
    const next = ev.at(z, shellCosinesAt(best.k, n));
    const moved = dist(best.k, k);
    if (!(next.value <= cur.value)) break;
    k = best.k;
    cur = next;
    if (moved < 1e-11) break;
  }
  return { k, value: cur.value, v: cur.v };
}

/** The matrix oracle of one minimization at x (stateful: cuts issued, the last scan's lowest points). */
export function matrixOracle(
  sample: MatrixSampleTable,
  x: readonly number[],
  options: { tolerance?: number; refineStarts?: number; warmCuts?: Array<{ k: Vec3; v: number[] }> } = {},
): SeparationOracle<MatrixTag> {
  const n = sample.n;
  const ev = matrixEvaluator(x, n);
  const tolerance = options.tolerance ?? 1e-13;
  const nStarts = options.refineStarts ?? 12;
  const issued = new Map<number, number[][]>();
  let lows: Vec3[] = [];
  const kOf = (j: number): Vec3 => [sample.points[3 * j], sample.points[3 * j + 1], sample.points[3 * j + 2]];
  const sampleCut = (j: number, v: number[]): LinearCut<MatrixTag> | undefined => {
    const seen = issued.get(j) ?? [];
    if (seen.some((w) => Math.abs(w.reduce((s, wa, a) => s + wa * v[a], 0)) > 1 - 1e-12)) return undefined;
    seen.push(v);
    issued.set(j, seen);
    const cos = sample.table.subarray(j * n, j * n + n);
    return { ...ev.cut(v, cos), tag: { k: kOf(j), v, origin: 'sample' } };
  };
  return {
    tolerance,
    initial() {
      const cuts: LinearCut<MatrixTag>[] = [];
      const Q = complementBasis(ev.c);
      for (let j = 0; j < Math.min(4, sample.count); j++)
        for (let p = 0; p < ev.c - 1; p++) {
          const cut = sampleCut(j, Array.from({ length: ev.c }, (_, a) => Q[a * (ev.c - 1) + p]));
          if (cut) cuts.push(cut);
        }
      // Cuts of a neighbouring solution (same species): only a head start, every cut is valid.
      for (const w of options.warmCuts ?? []) {
        if (w.v.length !== ev.c) continue;
        const dup = cuts.some((q) => dist(q.tag.k, w.k) < 1e-12 && Math.abs(q.tag.v.reduce((s, qa, a) => s + qa * w.v[a], 0)) > 1 - 1e-12);
        if (!dup) cuts.push({ ...ev.cut(w.v, shellCosinesAt(w.k, n)), tag: { k: w.k, v: w.v, origin: 'refined' } });
      }
      return { cuts, tracked: [] };
    },
    mostViolated(pt: Point, limit: number) {
      // One pass over the sample; keep the KEEP lowest points (insertion into a short sorted list).
      const KEEP = Math.max(64, limit + nStarts);
      const best: number[] = [];
      const bestVal: number[] = [];
      const vals = scanValues(ev, pt.z, sample);
      let min = Infinity;
      for (let j = 0; j < sample.count; j++) {
        const v = vals[j];
        if (v < min) min = v;
        if (best.length === KEEP && !(v < bestVal[KEEP - 1])) continue;
        let q = best.length === KEEP ? KEEP - 1 : best.length;
        while (q > 0 && bestVal[q - 1] > v) {
          if (q < KEEP) {
            best[q] = best[q - 1];
            bestVal[q] = bestVal[q - 1];
          }
          q--;
        }
        best[q] = j;
        bestVal[q] = v;
      }
      const order = best;
      const low = new Map(best.map((j, q) => [j, bestVal[q]]));
      lows = [];
      for (const j of order) {
        if (lows.length >= nStarts) break;
        const k = kOf(j);
        if (lows.every((q) => dist(q, k) > 0.3)) lows.push(k);
      }
      const cuts: LinearCut<MatrixTag>[] = [];
      for (const j of order) {
        if (cuts.length >= limit || !(low.get(j)! < -tolerance)) break;
        const cut = sampleCut(j, ev.at(pt.z, sample.table, j * n).v);
        if (cut) cuts.push(cut);
      }
      return { min, cuts };
    },
    refine(pt: Point, hints: MatrixTag[], working, add: boolean) {
      const starts = [...lows, ...hints.map((h) => h.k)];
      const minima: Array<{ k: Vec3; value: number; v: number[] }> = [];
      for (const s of starts) {
        const q = refineFrom(ev, pt.z, n, s);
        if (!minima.some((f) => dist(f.k, q.k) < 1e-7)) minima.push(q);
      }
      let min = Infinity;
      for (const q of minima) min = Math.min(min, q.value);
      const cuts: LinearCut<MatrixTag>[] = [];
      if (add) {
        for (const q of minima) {
          if (!(q.value < -tolerance)) continue;
          const dup = working.cuts.some((w) => dist(w.tag.k, q.k) < 1e-12 && Math.abs(w.tag.v.reduce((s, wa, a) => s + wa * q.v[a], 0)) > 1 - 1e-12);
          if (!dup) cuts.push({ ...ev.cut(q.v, shellCosinesAt(q.k, n)), tag: { k: q.k, v: q.v, origin: 'refined' } });
        }
      }
      return { min, cuts, tracked: [] as TrackedConstraint<MatrixTag>[] };
    },
    merge(tracked) {
      return tracked;
    },
  };
}
