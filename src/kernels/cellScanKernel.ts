import type { KernelBackend } from './kernelBackend.js';
import { loadWasm } from './loadWasm.js';

/**
 * The sample in block order, with per-block column ranges: the scan kernel's input, built once
 * per sample by cellBlocks (src/sro/lowestCells.ts).
 */
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

// Context words of assembly/cellScan.ts.
const W = { table: 1, perm: 2, blockStart: 3, lo: 4, hi: 5, cellLo: 6, cellHi: 7, cells: 8, cellBlockStart: 9, nCells: 10, d: 12, min: 17, arg: 18, order: 19 };

/** One sample installed in a thread's kernel memory. */
export interface CellScanKernel {
  /**
   * The scan of paper eq. 3's Delta = b + table.d (see assembly/cellScan.ts): returns how many
   * cells it reports; their positions (indices into `cells`), minima and argmins are then at
   * heap()[order + r], heap()[min + position], heap()[arg + position].
   */
  scan(d: ArrayLike<number>, b: number, keep: number, floor: number): number;
  heap(): Float64Array;
  /** Word indices of the order, min and arg outputs. */
  readonly order: number;
  readonly min: number;
  readonly arg: number;
  /** Byte offset of the scan context (assembly/cellScan.ts), for the native reference of the bench. */
  readonly context: number;
}

/** The sample installed in a backend, its scan context and the sizes that context holds (n, points, blocks, cells). */
interface Installed {
  blocks: CellBlocks;
  kernel: CellScanKernel;
  ctx: number;
  capacity: [number, number, number, number];
}
// One installed sample per backend (a process uses one constraint table; a new one replaces it,
// reusing the memory when it fits: the stub runtime never frees).
const installed = new WeakMap<KernelBackend, Installed>();

/**
 * The scan kernel for `blocks` on `backend` (default: this thread's WASM module). The sample
 * (table, permutation, block ranges) is copied into kernel memory on the first call for a
 * given blocks object; later calls with the same object cost nothing.
 */
export function cellScanKernel(blocks: CellBlocks, backend: KernelBackend = loadWasm()): CellScanKernel {
  const hit = installed.get(backend);
  if (hit && hit.blocks === blocks) return hit.kernel;
  const x = backend.exports;
  const n = blocks.n;
  const nBlocks = blocks.blockStart.length - 1;
  const nCells = blocks.cells.length;
  const need: [number, number, number, number] = [n, blocks.count, nBlocks, nCells];
  const fits = hit && hit.capacity[0] === n && hit.capacity.every((v, i) => v >= need[i]);
  const ctx = fits ? hit.ctx : x.cellScanContext(n, blocks.count, nBlocks, nCells);
  const word = (w: number): number => x.cellScanBuffer(ctx, w) / 8;
  const int = (w: number): number => x.cellScanBuffer(ctx, w) / 4; // the integer arrays
  const h = backend.heap();
  const ints = backend.ints();
  h.set(blocks.table.subarray(0, blocks.count * n), word(W.table));
  ints.set(blocks.perm.subarray(0, blocks.count), int(W.perm));
  ints.set(blocks.blockStart, int(W.blockStart));
  h.set(blocks.lo, word(W.lo));
  h.set(blocks.hi, word(W.hi));
  h.set(blocks.cellLo, word(W.cellLo));
  h.set(blocks.cellHi, word(W.cellHi));
  ints.set(blocks.cells, int(W.cells));
  ints.set(blocks.cellBlockStart, int(W.cellBlockStart));
  h[ctx / 8 + W.nCells] = nCells;
  x.cellScanSetTableMax(ctx, blocks.tableMax);
  const dWord = word(W.d);
  const kernel: CellScanKernel = {
    context: ctx,
    order: word(W.order),
    min: word(W.min),
    arg: word(W.arg),
    heap: () => backend.heap(),
    scan(d, b, keep, floor) {
      const hp = backend.heap();
      for (let i = 0; i < n; i++) hp[dWord + i] = d[i];
      return x.cellScan(ctx, b, keep, floor);
    },
  };
  installed.set(backend, { blocks, kernel, ctx, capacity: fits ? hit.capacity : need });
  return kernel;
}
