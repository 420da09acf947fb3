// The lowest coarse cells of the constraint function of paper eq. 3 over the wedge sample,
//     Delta(k_j) = b + sum_i table[j, i] d_i,   b = x(1 - x),
// with whole blocks of points skipped by an interval lower bound (see src/sro/lowestCells.ts
// for the grouping and the proof that the result equals that of a full scan). The sample
// arrays are copied in once per table (indices as 32-bit integers, values as f64); a context
// block of f64 words holds their offsets and the scan's scratch. The outputs (order, min, arg)
// are f64 words.
import { ld, st, ldi, sti, ldb, allocate } from "./memory";

// Context words.
const S_N: i32 = 0;
const S_TABLE: i32 = 1; // count x n, block order
const S_PERM: i32 = 2; // count (i32): block order -> original index
const S_BLOCK_START: i32 = 3; // blocks + 1 (i32)
const S_LO: i32 = 4; // blocks x n
const S_HI: i32 = 5;
const S_CELL_LO: i32 = 6; // cells x n
const S_CELL_HI: i32 = 7;
const S_CELLS: i32 = 8; // cells (i32): coarse cell index of each non-empty cell
const S_CELL_BLOCK_START: i32 = 9; // cells + 1 (i32)
const S_NCELLS: i32 = 10;
const S_TABLE_MAX: i32 = 11;
const S_D: i32 = 12; // input d (n)
const S_LB: i32 = 13; // scratch: lower bound per cell (cells)
const S_HEAP: i32 = 14; // scratch: heap of cells by bound (cells, i32)
const S_TOP: i32 = 15; // scratch: the k lowest minima (cells)
const S_FOUND: i32 = 16; // scratch: cells with a finished minimum (cells, i32)
const S_MIN: i32 = 17; // output: minimum per cell (cells, by position in S_CELLS)
const S_ARG: i32 = 18; // output: original index of the argmin per cell (cells)
const S_ORDER: i32 = 19; // output: positions of the returned cells, lowest first (cells)
const S_COLUMN: i32 = 20; // scratch (i32, n): per column, the byte address of lo or hi (by the sign of d_i)
const S_WORDS: i32 = 21;

// Integer copies of the context's integer words (sizes, byte offsets; not S_TABLE_MAX), read
// back from memory by cellScan: converted from f64 inside it, V8's optimizing compiler re-does
// the saturating f64 -> i32 conversion (about ten instructions) at uses inside the loops.
let intWords: usize = 0;

/**
 * A scan context for `count` points, `blocks` blocks and `cells` non-empty cells of n columns;
 * returns its byte offset. The caller fills the arrays at the offsets in words 1..9 (see
 * `cellScanBuffer`) and sets the largest |table entry| with `cellScanSetTableMax`.
 */
export function cellScanContext(n: i32, count: i32, blocks: i32, cells: i32): usize {
  const ctx = allocate(S_WORDS);
  if (intWords == 0) intWords = allocate(S_WORDS); // here, so that cellScan never allocates
  st(ctx, S_N, <f64>n);
  st(ctx, S_TABLE, <f64>allocate(count * n));
  st(ctx, S_PERM, <f64>allocate(count));
  st(ctx, S_BLOCK_START, <f64>allocate(blocks + 1));
  st(ctx, S_LO, <f64>allocate(blocks * n));
  st(ctx, S_HI, <f64>allocate(blocks * n));
  st(ctx, S_CELL_LO, <f64>allocate(cells * n));
  st(ctx, S_CELL_HI, <f64>allocate(cells * n));
  st(ctx, S_CELLS, <f64>allocate(cells));
  st(ctx, S_CELL_BLOCK_START, <f64>allocate(cells + 1));
  st(ctx, S_NCELLS, <f64>cells);
  st(ctx, S_TABLE_MAX, 0.0);
  st(ctx, S_D, <f64>allocate(n));
  st(ctx, S_LB, <f64>allocate(cells));
  st(ctx, S_HEAP, <f64>allocate(cells));
  st(ctx, S_TOP, <f64>allocate(cells + 1));
  st(ctx, S_FOUND, <f64>allocate(cells));
  st(ctx, S_MIN, <f64>allocate(cells));
  st(ctx, S_ARG, <f64>allocate(cells));
  st(ctx, S_ORDER, <f64>allocate(cells));
  st(ctx, S_COLUMN, <f64>allocate(n));
  return ctx;
}

/** Byte offset of word `which` of a scan context (an array of the context). */
export function cellScanBuffer(ctx: usize, which: i32): usize {
  return <usize>ld(ctx, which);
}

export function cellScanSetTableMax(ctx: usize, tableMax: f64): void {
  st(ctx, S_TABLE_MAX, tableMax);
}


function contextInts(ctx: usize): usize {
  for (let w = 0; w < S_WORDS; w++) if (w != S_TABLE_MAX) sti(intWords, w, <i32>ld(ctx, w));
  return intWords;
}

// Interval lower bound of the computed Delta over a block or cell: row s of lo/hi, the column
// addresses `col` chosen once per scan (lo where d_i >= 0, hi where d_i < 0).
@inline function bound(base: f64, d: usize, n: i32, col: usize, s: i32): f64 {
  let v = base;
  const row = <usize>(s * n) << 3;
  for (let i = 0; i < n; i++) v += ld(d, i) * ldb(<usize>ldi(col, i) + row);
  return v;
}

// The same for n = 8 with d and the column addresses in registers (the solver's case).
@inline function bound8(
  base: f64, row: usize, d0: f64, d1: f64, d2: f64, d3: f64, d4: f64, d5: f64, d6: f64, d7: f64,
  c0: usize, c1: usize, c2: usize, c3: usize, c4: usize, c5: usize, c6: usize, c7: usize,
): f64 {
  return base + d0 * ldb(c0 + row) + d1 * ldb(c1 + row) + d2 * ldb(c2 + row) + d3 * ldb(c3 + row) +
    d4 * ldb(c4 + row) + d5 * ldb(c5 + row) + d6 * ldb(c6 + row) + d7 * ldb(c7 + row);
}

// Heap order: smaller bound first, then smaller position (the order of a stable sort).
@inline function before(lb: usize, u: i32, v: i32): bool {
  const a = ld(lb, u);
  const b = ld(lb, v);
  return a < b || (a == b && u < v);
}

function siftDown(heap: usize, lb: usize, size: i32, at: i32): void {
  const item = ldi(heap, at);
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && before(lb, ldi(heap, child + 1), ldi(heap, child))) child++;
    const c = ldi(heap, child);
    if (!before(lb, c, item)) break;
    sti(heap, at, c);
    at = child;
  }
  sti(heap, at, item);
}

/**
 * Scan with d from the context's d input: the `keep` lowest cells and every cell whose minimum
 * is <= floor, lowest first (ties: lower coarse cell index). Writes their positions to the
 * order output and their minima and argmins to the min/arg outputs; returns how many.
 */
export function cellScan(ctx: usize, b: f64, keep: i32, floor: f64): i32 {
  const w = contextInts(ctx);
  const n = ldi(w, S_N);
  const table = <usize>ldi(w, S_TABLE);
  const perm = <usize>ldi(w, S_PERM);
  const blockStart = <usize>ldi(w, S_BLOCK_START);
  const lo = <usize>ldi(w, S_LO);
  const hi = <usize>ldi(w, S_HI);
  const cellLo = <usize>ldi(w, S_CELL_LO);
  const cellHi = <usize>ldi(w, S_CELL_HI);
  const cells = <usize>ldi(w, S_CELLS);
  const cellBlockStart = <usize>ldi(w, S_CELL_BLOCK_START);
  const nc = ldi(w, S_NCELLS);
  const d = <usize>ldi(w, S_D);
  const lb = <usize>ldi(w, S_LB);
  const heap = <usize>ldi(w, S_HEAP);
  const top = <usize>ldi(w, S_TOP);
  const found = <usize>ldi(w, S_FOUND);
  const cellMin = <usize>ldi(w, S_MIN);
  const cellArg = <usize>ldi(w, S_ARG);
  const order = <usize>ldi(w, S_ORDER);
  const col = <usize>ldi(w, S_COLUMN);
  const colCell = col + (<usize>n << 2); // the same for the cell ranges (second half)
  for (let i = 0; i < n; i++) {
    const up = ld(d, i) >= 0.0;
    sti(col, i, <i32>((up ? lo : hi) + (<usize>i << 3)));
    sti(colCell, i, <i32>((up ? cellLo : cellHi) + (<usize>i << 3)));
  }
  // Rigorous lower bounds: interval arithmetic on the column ranges, minus a margin for the
  // rounding of the sum.
  let scale = Math.abs(b);
  const tableMax = ld(ctx, S_TABLE_MAX);
  for (let i = 0; i < n; i++) scale += Math.abs(ld(d, i)) * tableMax;
  const base = b - 1e-12 * scale;
  for (let c = 0; c < nc; c++) {
    st(lb, c, bound(base, d, n, colCell, c));
    sti(heap, c, c);
  }
  for (let at = (nc >> 1) - 1; at >= 0; at--) siftDown(heap, lb, nc, at);
  // The k lowest finished cell minima (ascending); theta bounds the answer from above.
  const k = keep > 1 ? keep : 1; // the lowest cell is always needed (the sample minimum)
  let nTop = 0;
  let theta = Infinity;
  let nFound = 0;
  let size = nc;
  const d0 = n == 8 ? ld(d, 0) : 0.0, d1 = n == 8 ? ld(d, 1) : 0.0;
  const d2 = n == 8 ? ld(d, 2) : 0.0, d3 = n == 8 ? ld(d, 3) : 0.0;
  const d4 = n == 8 ? ld(d, 4) : 0.0, d5 = n == 8 ? ld(d, 5) : 0.0;
  const d6 = n == 8 ? ld(d, 6) : 0.0, d7 = n == 8 ? ld(d, 7) : 0.0;
  const c0 = n == 8 ? <usize>ldi(col, 0) : 0, c1 = n == 8 ? <usize>ldi(col, 1) : 0;
  const c2 = n == 8 ? <usize>ldi(col, 2) : 0, c3 = n == 8 ? <usize>ldi(col, 3) : 0;
  const c4 = n == 8 ? <usize>ldi(col, 4) : 0, c5 = n == 8 ? <usize>ldi(col, 5) : 0;
  const c6 = n == 8 ? <usize>ldi(col, 6) : 0, c7 = n == 8 ? <usize>ldi(col, 7) : 0;
  while (size > 0) {
    const c = ldi(heap, 0);
    if (ld(lb, c) > theta) break;
    size--;
    if (size > 0) {
      sti(heap, 0, ldi(heap, size));
      siftDown(heap, lb, size, 0);
    }
    let m = Infinity;
    let arg: i32 = -1;
    const s1 = ldi(cellBlockStart, c + 1);
    for (let s = ldi(cellBlockStart, c); s < s1; s++) {
      const blb = n == 8
        ? bound8(base, <usize>(s << 6), d0, d1, d2, d3, d4, d5, d6, d7, c0, c1, c2, c3, c4, c5, c6, c7)
        : bound(base, d, n, col, s);
      if (blb > theta || blb > m) continue;
      const q1 = ldi(blockStart, s + 1);
      let q = ldi(blockStart, s);
      if (n == 8) {
        let row = table + (<usize>(q * 8) << 3);
        if (ASC_FEATURE_SIMD) {
          // simd:begin (the SIMD build: rows q and q + 1 in the two lanes, each summed in the scalar order)
          const bv = f64x2.splat(b);
          const dv0 = f64x2.splat(d0), dv1 = f64x2.splat(d1), dv2 = f64x2.splat(d2), dv3 = f64x2.splat(d3);
          const dv4 = f64x2.splat(d4), dv5 = f64x2.splat(d5), dv6 = f64x2.splat(d6), dv7 = f64x2.splat(d7);
          for (; q + 1 < q1; q += 2, row += 128) {
            let a = v128.load(row), e = v128.load(row, 64);
            let v = f64x2.add(bv, f64x2.mul(v128.shuffle<f64>(a, e, 0, 2), dv0));
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 1, 3), dv1));
            a = v128.load(row, 16); e = v128.load(row, 80);
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 0, 2), dv2));
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 1, 3), dv3));
            a = v128.load(row, 32); e = v128.load(row, 96);
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 0, 2), dv4));
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 1, 3), dv5));
            a = v128.load(row, 48); e = v128.load(row, 112);
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 0, 2), dv6));
            v = f64x2.add(v, f64x2.mul(v128.shuffle<f64>(a, e, 1, 3), dv7));
            const v0 = f64x2.extract_lane(v, 0);
            if (v0 <= m) {
              const j = ldi(perm, q);
              if (v0 < m || j < arg) {
                m = v0;
                arg = j;
              }
            }
            const v1 = f64x2.extract_lane(v, 1);
            if (v1 <= m) {
              const j = ldi(perm, q + 1);
              if (v1 < m || j < arg) {
                m = v1;
                arg = j;
              }
            }
          }
          // simd:end
        }
        for (; q < q1; q++, row += 64) {
          const v =
            b + ld(row, 0) * d0 + ld(row, 1) * d1 + ld(row, 2) * d2 + ld(row, 3) * d3 +
            ld(row, 4) * d4 + ld(row, 5) * d5 + ld(row, 6) * d6 + ld(row, 7) * d7;
          if (v <= m) {
            const j = ldi(perm, q);
            if (v < m || j < arg) {
              m = v;
              arg = j;
            }
          }
        }
      } else {
        for (; q < q1; q++) {
          let v = b;
          const row = q * n;
          for (let i = 0; i < n; i++) v += ld(table, row + i) * ld(d, i);
          if (v <= m) {
            const j = ldi(perm, q);
            if (v < m || j < arg) {
              m = v;
              arg = j;
            }
          }
        }
      }
    }
    if (!(m <= theta)) continue;
    st(cellMin, c, m);
    st(cellArg, c, <f64>arg);
    sti(found, nFound++, c);
    let at = nTop;
    while (at > 0 && ld(top, at - 1) > m) {
      st(top, at, ld(top, at - 1));
      at--;
    }
    st(top, at, m);
    if (nTop < k) nTop++;
    if (nTop == k) theta = Math.max(floor, ld(top, k - 1));
  }
  // The found cells at or below theta, by minimum, ties by coarse cell index.
  let count = 0;
  for (let f = 0; f < nFound; f++) {
    const c = ldi(found, f);
    const m = ld(cellMin, c);
    if (!(m <= theta)) continue;
    const cell = ldi(cells, c);
    let at = count;
    while (at > 0) {
      const p = i32(ld(order, at - 1));
      const mp = ld(cellMin, p);
      if (mp < m || (mp == m && ldi(cells, p) < cell)) break;
      st(order, at, <f64>p);
      at--;
    }
    st(order, at, <f64>c);
    count++;
  }
  return count;
}
