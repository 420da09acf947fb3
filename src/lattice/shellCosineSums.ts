import { bccShells } from './bccShells.js';
import { LATTICE_CONSTANT } from './constants.js';

/**
 * Reference (plain TypeScript) shell cosine sums c_i(k) = sum_{R in shell i} cos(k . R)
 * for i = 1..count at one wave vector k (units 1/a_i), by direct summation over every
 * member vector. Used as the independent check of the WASM kernel and for small jobs.
 * Appears in paper eqs. 3 and 7.
 *
 * @param k wave vector [kx, ky, kz] in 1/a_i
 * @param count number of shells
 * @returns Float64Array of length count
 * @example shellCosineSums([0, 0, 0], 2) // Float64Array [8, 6]
 */
export function shellCosineSums(k: ArrayLike<number>, count: number): Float64Array {
  const shells = bccShells(count);
  const half = LATTICE_CONSTANT / 2;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (const v of shells[i].members) s += Math.cos(half * (k[0] * v[0] + k[1] * v[1] + k[2] * v[2]));
    out[i] = s;
  }
  return out;
}
