// Shell cosine sums c_i(k) = sum_{R in shell i} cos(k.R) (paper eqs. 3 and 7).
// Each symmetry orbit factorizes: the sign changes of (p, q, r) (units a_l/2) sum to
// 2^(non-zero count) cos(k_x p a_l/2) cos(k_y q a_l/2) cos(k_z r a_l/2), so a shell is a short list of
// (permutation, weight) terms built in TypeScript; cos(m theta) comes from the Chebyshev recurrence.
// At configuration the terms become integer byte addresses into the Chebyshev table, grouped by
// shell, so that the hot loop sums each shell in a register.
import { ld, st, ldi, sti, ldb, allocate } from "./memory";

const TERM_STRIDE: i32 = 5; // p, q, r, weight, shell index (0-based)

let nTerms: i32 = 0;
export let nShells: i32 = 0;
export let hMax: i32 = 0;
let half: f64 = 0.0;
let chebPtr: usize = 0; // 3 x (hMax + 1)
let sumsPtr: usize = 0; // nShells, results of the last evaluation
let termIdx: usize = 0; // i32 x 4 per term, by shell: byte addresses of the x, y, z Chebyshev values
export let termWeight: usize = 0; // f64 per term, by shell
export let shellEnd: usize = 0; // i32 per shell: one past its last term
// Two k-points at once (the SIMD build): Chebyshev entries (lane 0, lane 1), term addresses into them.
export let cheb2Ptr: usize = 0;
export let termIdx2: usize = 0;

/** Install the term list; returns the byte offset of the nShells results of `evaluateShells`. */
export function configureShells(tPtr: usize, count: i32, shells: i32, maxIndex: i32, halfLattice: f64): usize {
  nTerms = count; nShells = shells; hMax = maxIndex; half = halfLattice;
  chebPtr = allocate(3 * (maxIndex + 1));
  sumsPtr = allocate(shells);
  cheb2Ptr = allocate(3 * (maxIndex + 1) * 2);
  termIdx = allocate(2 * count + 1);
  termIdx2 = allocate(2 * count + 1);
  termWeight = allocate(count + 1);
  shellEnd = allocate((shells + 1) >> 1);
  const w = maxIndex + 1;
  // Group by shell (stable): shellEnd first counts, then becomes the running end.
  for (let i = 0; i < shells; i++) sti(shellEnd, i, 0);
  for (let j = 0; j < count; j++) {
    const s = <i32>ld(tPtr, j * TERM_STRIDE + 4);
    sti(shellEnd, s, ldi(shellEnd, s) + 1);
  }
  let end = 0;
  for (let i = 0; i < shells; i++) {
    end += ldi(shellEnd, i);
    sti(shellEnd, i, end - ldi(shellEnd, i)); // the shell's first slot, for now
  }
  for (let j = 0; j < count; j++) {
    const t = j * TERM_STRIDE;
    const s = <i32>ld(tPtr, t + 4);
    const slot = ldi(shellEnd, s);
    sti(shellEnd, s, slot + 1);
    for (let a = 0; a < 3; a++) {
      sti(termIdx, 4 * slot + a, <i32>chebPtr + 8 * (a * w + <i32>ld(tPtr, t + a)));
      sti(termIdx2, 4 * slot + a, <i32>cheb2Ptr + 16 * (a * w + <i32>ld(tPtr, t + a)));
    }
    sti(termIdx, 4 * slot + 3, 0);
    sti(termIdx2, 4 * slot + 3, 0);
    st(termWeight, slot, ld(tPtr, t + 3));
  }
  return sumsPtr;
}

/** The current configuration as f64 words (see ewaldState): re-activated by `useShells`. */
export function shellsState(): usize {
  const b = allocate(11);
  st(b, 0, <f64>nTerms); st(b, 1, <f64>nShells); st(b, 2, <f64>hMax); st(b, 3, half);
  st(b, 4, <f64>chebPtr); st(b, 5, <f64>sumsPtr); st(b, 6, <f64>termIdx); st(b, 7, <f64>termWeight);
  st(b, 8, <f64>shellEnd); st(b, 9, <f64>cheb2Ptr); st(b, 10, <f64>termIdx2);
  return b;
}

export function useShells(b: usize): void {
  nTerms = i32(ld(b, 0)); nShells = i32(ld(b, 1)); hMax = i32(ld(b, 2)); half = ld(b, 3);
  chebPtr = <usize>ld(b, 4); sumsPtr = <usize>ld(b, 5); termIdx = <usize>ld(b, 6); termWeight = <usize>ld(b, 7);
  shellEnd = <usize>ld(b, 8); cheb2Ptr = <usize>ld(b, 9); termIdx2 = <usize>ld(b, 10);
}

/** cos(m theta_a) for m = 0..hMax on each axis, from c_a = cos(theta_a), theta_a = k_a a_l/2. */
export function chebyshevRows(cx: f64, cy: f64, cz: f64): void {
  const w = hMax + 1;
  for (let a = 0; a < 3; a++) {
    const c1 = a == 0 ? cx : a == 1 ? cy : cz;
    const b = a * w;
    st(chebPtr, b, 1.0);
    if (hMax >= 1) st(chebPtr, b + 1, c1);
    let prev: f64 = 1.0;
    let cur: f64 = c1;
    for (let m = 2; m <= hMax; m++) {
      const next = 2.0 * c1 * cur - prev;
      prev = cur;
      cur = next;
      st(chebPtr, b + m, cur);
    }
  }
}

/** c_i of shell i from the current Chebyshev rows; terms [j, shellEnd(i)), returns the sum. */
@inline function shellSum(first: i32, last: i32): f64 {
  let c: f64 = 0.0;
  let ti = termIdx + (<usize>first << 4);
  let tw = termWeight + (<usize>first << 3);
  for (let j = first; j < last; j++, ti += 16, tw += 8) {
    c += ldb(tw) * ldb(<usize>ldi(ti, 0)) * ldb(<usize>ldi(ti, 1)) * ldb(<usize>ldi(ti, 2));
  }
  return c;
}

/** acc[offset + i] += scale * c_i for every shell, from the current Chebyshev rows. */
export function accumulateShells(acc: usize, offset: i32, scale: f64): void {
  let first = 0;
  for (let i = 0; i < nShells; i++) {
    const last = ldi(shellEnd, i);
    const c = shellSum(first, last);
    st(acc, offset + i, ld(acc, offset + i) + scale * c);
    first = last;
  }
}

/** c_1..c_N at k into the results buffer. */
export function evaluateShells(kx: f64, ky: f64, kz: f64): void {
  chebyshevRows(Math.cos(kx * half), Math.cos(ky * half), Math.cos(kz * half));
  let first = 0;
  for (let i = 0; i < nShells; i++) {
    const last = ldi(shellEnd, i);
    st(sumsPtr, i, shellSum(first, last));
    first = last;
  }
}

/** Batch: nShells doubles per k, row-major (the constraint table of eq. 3). */
export function shellCosineBatch(kPtr: usize, nk: i32, outPtr: usize): void {
  for (let j = 0; j < nk; j++) {
    evaluateShells(ld(kPtr, 3 * j), ld(kPtr, 3 * j + 1), ld(kPtr, 3 * j + 2));
    const o = j * nShells;
    for (let i = 0; i < nShells; i++) st(outPtr, o + i, ld(sumsPtr, i));
  }
}
