/*
 * The lowest coarse cells of the constraint function over the wedge sample (paper eq. 3):
 *     Delta(k_j) = b + sum_i table[j, i] d_i,   b = x(1 - x),
 * minimized over the sample points of each of the CELLS^3 coarse boxes of k-space. The
 * cutting-plane solver only needs the `keep` lowest cells and every cell below `floor`
 * (violated constraints), so whole blocks of points are skipped with a rigorous lower bound
 * (interval bound from the per-block column ranges): the answer is exactly that of a full
 * scan (same minima, same argmins, same order), at a fraction of its cost.
 */

/** The sample in block order, with per-block column ranges (built once per sample). */
export interface CellBlocks {
  n: number;
  count: number;
  /** Block order -> original point index. */
  perm: Int32Array;
  /** Table rows in block order (count x n). */
  table: Float64Array;
  /** Blocks [blockStart[s], blockStart[s + 1]) in block order. */
  blockStart: Int32Array;
  /** Smallest and largest table entry per block and column (blocks x n). */
  lo: Float64Array;
  hi: Float64Array;
  /** The same per non-empty coarse cell (cells x n). */
  cellLo: Float64Array;
  cellHi: Float64Array;
  /** Non-empty coarse cells, and their blocks [cellBlockStart[c], cellBlockStart[c + 1]). */
  cells: Int32Array;
  cellBlockStart: Int32Array;
  /** Largest |table entry| (for the rounding margin of the bound). */
  tableMax: number;
}

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
  const { n, table, perm, blockStart, lo, hi, cells, cellBlockStart } = blocks;
  // Rigorous lower bounds of the computed Delta on a cell or block (interval arithmetic on
  // the column ranges, minus a margin for the rounding of the sum).
  let scale = Math.abs(b);
  for (let i = 0; i < n; i++) scale += Math.abs(d[i]) * blocks.tableMax;
  const base = b - 1e-12 * scale;
  const dv = new Float64Array(n);
  for (let i = 0; i < n; i++) dv[i] = d[i];
  const bound = (l: Float64Array, h: Float64Array, s: number): number => {
    let v = base;
    for (let i = 0, o = s * n; i < n; i++, o++) v += dv[i] >= 0 ? dv[i] * l[o] : dv[i] * h[o];
    return v;
  };
  const nc = cells.length;
  const cellLb = new Float64Array(nc);
  for (let c = 0; c < nc; c++) cellLb[c] = bound(blocks.cellLo, blocks.cellHi, c);
  const byBound = Array.from({ length: nc }, (_, c) => c).sort((u, v) => cellLb[u] - cellLb[v]);
  // The k lowest finished cell minima (ascending); theta bounds the answer from above.
  const k = Math.max(1, keep); // the lowest cell is always needed (the sample minimum)
  const top: number[] = [];
  let theta = Infinity;
  const found: number[] = [];
  for (const c of byBound) {
    if (cellLb[c] > theta) break;
    let m = Infinity;
    let arg = -1;
    for (let s = cellBlockStart[c]; s < cellBlockStart[c + 1]; s++) {
      const lb = bound(lo, hi, s);
      if (lb > theta || lb > m) continue;
      const q1 = blockStart[s + 1];
      if (n === 8) {
        const d0 = dv[0], d1 = dv[1], d2 = dv[2], d3 = dv[3], d4 = dv[4], d5 = dv[5], d6 = dv[6], d7 = dv[7];
        for (let q = blockStart[s], row = q * 8; q < q1; q++, row += 8) {
          const v =
            b + table[row] * d0 + table[row + 1] * d1 + table[row + 2] * d2 + table[row + 3] * d3 +
            table[row + 4] * d4 + table[row + 5] * d5 + table[row + 6] * d6 + table[row + 7] * d7;
          if (v <= m) {
            const j = perm[q];
            if (v < m || j < arg) {
              m = v;
              arg = j;
            }
          }
        }
      } else {
        for (let q = blockStart[s], row = q * n; q < q1; q++, row += n) {
          let v = b;
          for (let i = 0; i < n; i++) v += table[row + i] * dv[i];
          if (v <= m) {
            const j = perm[q];
            if (v < m || j < arg) {
              m = v;
              arg = j;
            }
          }
        }
      }
    }
    if (!(m <= theta)) continue;
    const cell = cells[c];
    cellMin[cell] = m;
    cellArg[cell] = arg;
    found.push(cell);
    let at = top.length;
    while (at > 0 && top[at - 1] > m) at--;
    top.splice(at, 0, m);
    if (top.length > k) top.pop();
    if (top.length === k) theta = Math.max(floor, top[k - 1]);
  }
  const order = found.filter((cell) => cellMin[cell] <= theta).sort((u, v) => cellMin[u] - cellMin[v] || u - v);
  return { order, cellMin, cellArg };
}
