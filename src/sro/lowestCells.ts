/*
 * The lowest coarse cells of the constraint function over the wedge sample (paper eq. 3):
 *     Delta(k_j) = b + sum_i table[j, i] d_i,   b = x(1 - x),
 * minimized over the sample points of each of the CELLS^3 coarse boxes of k-space. The
 * cutting-plane solver only needs the `keep` lowest cells and every cell below `floor`
 * (violated constraints), so whole blocks of points are skipped with a rigorous lower bound
 * (interval bound from the per-block column ranges): the answer is exactly that of a full
 * scan (same minima, same argmins, same order), at a fraction of its cost. The grouping is
 * built here once per table; the scan itself is the WASM kernel assembly/cellScan.ts.
 */

import { cellScanKernel, type CellBlocks } from '../kernels/cellScanKernel.js';

export type { CellBlocks };

/** Coarse cells per axis (the spread of cuts and refinement starts over the wedge). */
export const CELLS = 12;
/** Blocks per coarse cell and axis (bounds on blocks of ~40 points; measured best). */
const SUB = 3;

/**
 * Group the sample points into coarse cells (CELLS^3 boxes of the bounding cube of the
 * sample) and, inside each, into SUB^3 blocks. Built once per constraint table
 * (src/sro/constraintTable.ts caches it with the table).
 */
export function cellBlocks(points: Float64Array, table: Float64Array, count: number, n: number): CellBlocks {
  let maxc = 0;
  for (let j = 0; j < 3 * count; j++) maxc = Math.max(maxc, Math.abs(points[j]));
  const fine = CELLS * SUB;
  const scale = fine / (maxc * (1 + 1e-12) || 1);
  const blockOf = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const a = Math.min(fine - 1, Math.floor(points[3 * j] * scale));
    const b = Math.min(fine - 1, Math.floor(points[3 * j + 1] * scale));
    const c = Math.min(fine - 1, Math.floor(points[3 * j + 2] * scale));
    const cell = (Math.floor(a / SUB) * CELLS + Math.floor(b / SUB)) * CELLS + Math.floor(c / SUB);
    // Blocks numbered cell-major, so that a cell's blocks are contiguous.
    blockOf[j] = cell * SUB * SUB * SUB + ((a % SUB) * SUB + (b % SUB)) * SUB + (c % SUB);
  }
  // Counting sort by block (stable: original order inside a block).
  const nb = CELLS * CELLS * CELLS * SUB * SUB * SUB;
  const counts = new Int32Array(nb + 1);
  for (let j = 0; j < count; j++) counts[blockOf[j] + 1]++;
  for (let s = 0; s < nb; s++) counts[s + 1] += counts[s];
  const perm = new Int32Array(count);
  const fill = counts.slice(0, nb);
  for (let j = 0; j < count; j++) perm[fill[blockOf[j]]++] = j;
  const starts: number[] = [];
  const cellsUsed: number[] = [];
  const cellStarts: number[] = [];
  for (let s = 0; s < nb; s++) {
    if (counts[s + 1] === counts[s]) continue;
    const cell = Math.floor(s / (SUB * SUB * SUB));
    if (cellsUsed.length === 0 || cellsUsed[cellsUsed.length - 1] !== cell) {
      cellsUsed.push(cell);
      cellStarts.push(starts.length);
    }
    starts.push(counts[s]);
  }
  starts.push(count);
  cellStarts.push(starts.length - 1);
  const blocks = starts.length - 1;
  const ptab = new Float64Array(count * n);
  const lo = new Float64Array(blocks * n).fill(Infinity);
  const hi = new Float64Array(blocks * n).fill(-Infinity);
  let tableMax = 0;
  for (let s = 0; s < blocks; s++) {
    for (let q = starts[s]; q < starts[s + 1]; q++) {
      const j = perm[q];
      for (let i = 0; i < n; i++) {
        const v = table[j * n + i];
        ptab[q * n + i] = v;
        if (v < lo[s * n + i]) lo[s * n + i] = v;
        if (v > hi[s * n + i]) hi[s * n + i] = v;
        tableMax = Math.max(tableMax, Math.abs(v));
      }
    }
  }
  const nc = cellsUsed.length;
  const cellLo = new Float64Array(nc * n).fill(Infinity);
  const cellHi = new Float64Array(nc * n).fill(-Infinity);
  for (let c = 0; c < nc; c++) {
    for (let s = cellStarts[c]; s < cellStarts[c + 1]; s++) {
      for (let i = 0; i < n; i++) {
        cellLo[c * n + i] = Math.min(cellLo[c * n + i], lo[s * n + i]);
        cellHi[c * n + i] = Math.max(cellHi[c * n + i], hi[s * n + i]);
      }
    }
  }
  const out: CellBlocks = {
    n,
    count,
    perm,
    table: ptab,
    blockStart: Int32Array.from(starts),
    lo,
    hi,
    cellLo,
    cellHi,
    cells: Int32Array.from(cellsUsed),
    cellBlockStart: Int32Array.from(cellStarts),
    tableMax,
  };
  return out;
}

/** Result of {@link lowestCells}. */
export interface LowestCells {
  /**
   * Coarse cells, lowest minimum first (ties: lower cell index first): the `keep` lowest
   * cells and every cell whose minimum is <= floor. Cells above both are left out.
   */
  order: number[];
  /** Minimum of Delta over the cell's sample points (valid for the cells in `order`). */
  cellMin: Float64Array;
  /** Original index of the (first) sample point attaining it. */
  cellArg: Int32Array;
}

/**
 * The lowest coarse cells of Delta = b + table.d over the sample, exactly as a full scan
 * would rank them (same minima and argmins; among equal values the lowest point index).
 *
 * @param keep number of lowest cells always returned (the refinement starts)
 * @param floor every cell with a minimum <= floor is returned as well (violated cuts)
 * @example lowestCells(blocks, d, 0.25, 12, -1e-13).order[0] // the cell of the lowest point
 */
export function lowestCells(
  blocks: CellBlocks,
  d: ArrayLike<number>,
  b: number,
  keep: number,
  floor: number,
  cellMin: Float64Array,
  cellArg: Int32Array,
): LowestCells {
  const kernel = cellScanKernel(blocks);
  const count = kernel.scan(d, b, keep, floor);
  const h = kernel.heap();
  const order: number[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const p = h[kernel.order + r];
    const cell = blocks.cells[p];
    cellMin[cell] = h[kernel.min + p];
    cellArg[cell] = h[kernel.arg + p];
    order[r] = cell;
  }
  return { order, cellMin, cellArg };
}
