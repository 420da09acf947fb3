import { latticeKernel } from './latticeKernel.js';

/**
 * Shell cosine sums c_i(k) = sum_{R in shell i} cos(k . R), i = 1..shells, for many wave
 * vectors at once by the WASM kernel (paper eq. 3: the |Delta_k|^2 >= 0 constraint table).
 *
 * @param points wave vectors, 3 doubles each (kx, ky, kz in 1/a_i)
 * @param shells number of shells, 1..60
 * @returns Float64Array of points.length/3 rows x `shells` columns, row-major
 * @example shellCosineTable(new Float64Array([0, 0, 0]), 2) // Float64Array [8, 6]
 */
export function shellCosineTable(points: Float64Array, shells: number): Float64Array {
  if (points.length % 3 !== 0) throw new RangeError('points must hold 3 doubles per wave vector');
  return latticeKernel({ shells }).shellCosineTable(points);
}
