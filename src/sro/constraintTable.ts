import { LATTICE_CONSTANT } from '../lattice/constants.js';
import { shellCosineSums } from '../lattice/shellCosineSums.js';
import { shellCosineTable as wasmShellCosineTable } from '../kernels/shellCosineTable.js';
import { shellTerms, TERM_STRIDE } from '../kernels/shellTerms.js';
import { cellBlocks, type CellBlocks } from './lowestCells.js';
import { wedgeSample, DEFAULT_SAMPLE_SIZE, type WedgeSample } from './wedgeSample.js';

/*
 * The table c_i(k_j) = sum_{R in shell i} cos(k_j . R) of the wedge sample (paper eq. 3),
 * npts x n doubles, row-major per point. It is computed once per (n, seed, size) by the WASM
 * kernel (src/kernels/shellCosineTable.ts; TypeScript fallback if the kernel is not built)
 * and shared by every minimization in the process.
 */

/** A wedge sample together with its shell cosine table. */
export interface ConstraintTable {
  /** Number of shells (columns). */
  n: number;
  /** Number of sample points (rows). */
  count: number;
  /** Sample points, 3 per row, 1/a_i. */
  points: Float64Array;
  /** c_i(k_j) at table[j * n + i]. */
  table: Float64Array;
  sample: WedgeSample;
  /** Which implementation filled the table. */
  backend: 'ts-product' | 'reference' | 'wasm';
  /** The sample grouped into coarse cells and blocks (the solver's bounded scan). */
  blocks: CellBlocks;
}

/** One separable term of a shell cosine sum: weight * prod_a cos(q_a j_a), q = k a_l/2. */
export interface ProductTerm {
  shell: number;
  jx: number;
  jy: number;
  jz: number;
  weight: number;
}

/**
 * The separable terms of the first n shell cosine sums: for every orbit (h,k,l) and every
 * distinct permutation, weight 2^(number of non-zero indices); cached per n.
 */
export function productTerms(n: number): { terms: ProductTerm[]; jmax: number } {
  const hit = termCache.get(n);
  if (hit) return hit;
  const made = makeProductTerms(n);
  termCache.set(n, made);
  return made;
}

const termCache = new Map<number, { terms: ProductTerm[]; jmax: number }>();

function makeProductTerms(n: number): { terms: ProductTerm[]; jmax: number } {
  // The same orbit factorization the WASM kernel uses (src/kernels/shellTerms.ts).
  const { terms: flat, nTerms, maxIndex } = shellTerms(n);
  const terms: ProductTerm[] = [];
  for (let t = 0; t < nTerms; t++) {
    const o = t * TERM_STRIDE;
    terms.push({ jx: flat[o], jy: flat[o + 1], jz: flat[o + 2], weight: flat[o + 3], shell: flat[o + 4] });
  }
  return { terms, jmax: maxIndex };
}

/**
 * Shell cosine table in plain TypeScript, using the separable form of the sum over an
 * orbit (all permutations and sign changes of (h,k,l)): sum cos(k.R) =
 * sum over distinct permutations of prod_a [2 cos(q_a j_a) or 1 if j_a = 0], q = k a_l/2.
 * Agrees with the reference {@link shellCosineSums} to rounding.
 *
 * @param points 3 coordinates per point, 1/a_i
 * @param n number of shells
 * @returns Float64Array npts * n, row-major per point
 */
export function shellCosineTableTs(points: Float64Array, n: number): Float64Array {
  const npts = Math.floor(points.length / 3);
  const { terms, jmax } = productTerms(n);
  const out = new Float64Array(npts * n);
  const half = LATTICE_CONSTANT / 2;
  const cx = new Float64Array(jmax + 1);
  const cy = new Float64Array(jmax + 1);
  const cz = new Float64Array(jmax + 1);
  const nt = terms.length;
  const tShell = new Int32Array(nt);
  const tx = new Int32Array(nt);
  const ty = new Int32Array(nt);
  const tz = new Int32Array(nt);
  const tw = new Float64Array(nt);
  terms.forEach((t, idx) => {
    tShell[idx] = t.shell;
    tx[idx] = t.jx;
    ty[idx] = t.jy;
    tz[idx] = t.jz;
    tw[idx] = t.weight;
  });
  for (let p = 0; p < npts; p++) {
    const qx = points[3 * p] * half;
    const qy = points[3 * p + 1] * half;
    const qz = points[3 * p + 2] * half;
    for (let j = 0; j <= jmax; j++) {
      cx[j] = Math.cos(qx * j);
      cy[j] = Math.cos(qy * j);
      cz[j] = Math.cos(qz * j);
    }
    const row = p * n;
    for (let t = 0; t < nt; t++) out[row + tShell[t]] += tw[t] * cx[tx[t]] * cy[ty[t]] * cz[tz[t]];
  }
  return out;
}

/**
 * Shell cosine table by direct summation over every member vector ({@link shellCosineSums}).
 * Slow; the independent check of the fast paths.
 */
export function shellCosineTableReference(points: Float64Array, n: number): Float64Array {
  const npts = Math.floor(points.length / 3);
  const out = new Float64Array(npts * n);
  for (let p = 0; p < npts; p++) {
    out.set(shellCosineSums([points[3 * p], points[3 * p + 1], points[3 * p + 2]], n), p * n);
  }
  return out;
}

/** Cosine sums c_i(k), i = 1..n, at one wave vector (1/a_i), fast separable form. */
export function shellCosinesAt(k: ArrayLike<number>, n: number): Float64Array {
  return shellCosineTableTs(Float64Array.from([k[0], k[1], k[2]]), n);
}

const cache = new Map<string, ConstraintTable>();

/** Options of {@link getConstraintTable}. */
export interface ConstraintTableOptions {
  seed?: number;
  size?: number;
}

function tableKey(n: number, options: ConstraintTableOptions): string {
  return `${n}|${options.seed ?? 1}|${options.size ?? DEFAULT_SAMPLE_SIZE}`;
}

/**
 * The shared wedge sample and its cosine table for n shells, computed once per
 * (n, seed, size) and cached for the life of the process (or adopted from another thread,
 * see {@link shareConstraintTable}).
 *
 * @example getConstraintTable(8).count // 100000
 */
export function getConstraintTable(n: number, options: ConstraintTableOptions = {}): ConstraintTable {
  const seed = options.seed ?? 1;
  const size = options.size ?? DEFAULT_SAMPLE_SIZE;
  const key = tableKey(n, options);
  const hit = cache.get(key);
  if (hit) return hit;
  const sample = wedgeSample({ seed, size });
  let table: Float64Array;
  let backend: ConstraintTable['backend'] = 'wasm';
  try {
    table = wasmShellCosineTable(sample.points, n);
  } catch {
    // No compiled kernel (e.g. build/release.wasm missing): the separable TypeScript form.
    table = shellCosineTableTs(sample.points, n);
    backend = 'ts-product';
  }
  const blocks = cellBlocks(sample.points, table, sample.count, n);
  const entry: ConstraintTable = { n, count: sample.count, points: sample.points, table, sample, backend, blocks };
  cache.set(key, entry);
  return entry;
}

/** A constraint table whose arrays live in SharedArrayBuffers: sent to worker threads without copying. */
export interface SharedConstraintTable {
  key: string;
  table: ConstraintTable;
}

const shared = new Map<string, SharedConstraintTable>();

function toShared<T extends Float64Array | Int32Array>(a: T): T {
  const Ctor = a.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const out = new Ctor(new SharedArrayBuffer(a.length * Ctor.BYTES_PER_ELEMENT));
  out.set(a as never);
  return out;
}

/**
 * The constraint table of {@link getConstraintTable} copied once into SharedArrayBuffers, so
 * that every worker thread of a sweep reads one copy (13 MB for n = 8) instead of building
 * its own; a worker installs it with {@link adoptConstraintTable}.
 */
export function shareConstraintTable(n: number, options: ConstraintTableOptions = {}): SharedConstraintTable {
  const key = tableKey(n, options);
  let hit = shared.get(key);
  if (hit) return hit;
  const t = getConstraintTable(n, options);
  const b = t.blocks;
  const points = toShared(t.points);
  const table: ConstraintTable = {
    ...t,
    points,
    table: toShared(t.table),
    sample: { ...t.sample, points },
    blocks: {
      ...b,
      perm: toShared(b.perm),
      table: toShared(b.table),
      blockStart: toShared(b.blockStart),
      lo: toShared(b.lo),
      hi: toShared(b.hi),
      cellLo: toShared(b.cellLo),
      cellHi: toShared(b.cellHi),
      cells: toShared(b.cells),
      cellBlockStart: toShared(b.cellBlockStart),
    },
  };
  hit = { key, table };
  shared.set(key, hit);
  // This thread uses the shared copy as well (one table per process).
  cache.set(key, table);
  return hit;
}

/** Install a table shared by another thread (no-op if this thread has that table already). */
export function adoptConstraintTable(s: SharedConstraintTable): void {
  if (!cache.has(s.key)) cache.set(s.key, s.table);
}
