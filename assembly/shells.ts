// Shell cosine sums c_i(k) = sum_{R in shell i} cos(k.R) (paper eqs. 3 and 7).
// Each symmetry orbit factorizes: the sign changes of (p, q, r) (units a_l/2) sum to
// 2^(non-zero count) cos(k_x p a_l/2) cos(k_y q a_l/2) cos(k_z r a_l/2), so a shell is a short list of
// (permutation, weight) terms built in TypeScript; cos(m theta) comes from the Chebyshev recurrence.
import { ld, st, allocate } from "./memory";

const TERM_STRIDE: i32 = 5; // p, q, r, weight, shell index (0-based)

let termPtr: usize = 0;
let nTerms: i32 = 0;
let nShells: i32 = 0;
let hMax: i32 = 0;
let half: f64 = 0.0;
let chebPtr: usize = 0; // 3 x (hMax + 1)
let sumsPtr: usize = 0; // nShells, results of the last evaluation

/** Install the term list; returns the byte offset of the nShells results of `evaluateShells`. */
export function configureShells(tPtr: usize, count: i32, shells: i32, maxIndex: i32, halfLattice: f64): usize {
  termPtr = tPtr; nTerms = count; nShells = shells; hMax = maxIndex; half = halfLattice;
  chebPtr = allocate(3 * (maxIndex + 1));
  sumsPtr = allocate(shells);
  return sumsPtr;
}

/** c_1..c_N at k into the results buffer. */
export function evaluateShells(kx: f64, ky: f64, kz: f64): void {
  const w = hMax + 1;
  for (let a = 0; a < 3; a++) {
    const c1 = Math.cos((a == 0 ? kx : a == 1 ? ky : kz) * half);
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
  for (let i = 0; i < nShells; i++) st(sumsPtr, i, 0.0);
  for (let j = 0; j < nTerms; j++) {
    const t = j * TERM_STRIDE;
    const v = ld(termPtr, t + 3)
      * ld(chebPtr, i32(ld(termPtr, t)))
      * ld(chebPtr, w + i32(ld(termPtr, t + 1)))
      * ld(chebPtr, 2 * w + i32(ld(termPtr, t + 2)));
    const s = i32(ld(termPtr, t + 4));
    st(sumsPtr, s, ld(sumsPtr, s) + v);
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
