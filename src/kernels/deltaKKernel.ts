import { LATTICE_CONSTANT } from '../lattice/constants.js';
import type { KernelBackend } from './kernelBackend.js';
import { loadWasm } from './loadWasm.js';
import { shellTerms } from './shellTerms.js';

/** Word offsets of the kernel's output block (assembly/deltaK.ts). */
export const DELTA_K_OUT = { k: 0, value: 3, grad: 4, hess: 7, iterations: 16, jet: 17 } as const;
const C_OUT = 8;
const C_D = 9;

/**
 * The local Delta(k) kernels of one thread for n shells (paper eq. 3; assembly/deltaK.ts):
 * Delta = x(1-x) + sum_i d_i c_i(k) with its k-gradient, k-Hessian and the shell jet (c_i,
 * dc_i/dk, d2c_i/dk2) at a point, or at a local minimum reached by Newton from a start.
 * The result lives in the kernel's output block: read it from `heap()` at word `out` with
 * the offsets of {@link DELTA_K_OUT} before the next call.
 */
export interface DeltaKKernel {
  readonly n: number;
  /** Word index of the output block in heap(). */
  readonly out: number;
  /** The kernel memory as doubles (re-read after every call: it changes when memory grows). */
  heap(): Float64Array;
  /** Delta, gradient, Hessian and jet at k (1/a_i) for (x, d), d_i = alpha_i - x^2. */
  at(k: ArrayLike<number>, x: number, d: ArrayLike<number>): void;
  /** Local minimum of Delta from k0 (at most maxIterations Newton steps). */
  minimize(k0: ArrayLike<number>, x: number, d: ArrayLike<number>, maxIterations: number): void;
}

const kernels = new WeakMap<KernelBackend, Map<number, DeltaKKernel>>();

/**
 * The Delta(k) kernel for n shells on `backend` (default: this thread's WASM module), set up
 * once per (backend, n): the separable term list of kernels/shellTerms.ts is copied in then.
 *
 * @example deltaKKernel(8).at([0, 0, 0], 0.5, new Float64Array(8)) // Delta = 0.25, read at DELTA_K_OUT.value
 */
export function deltaKKernel(n: number, backend: KernelBackend = loadWasm()): DeltaKKernel {
  let perBackend = kernels.get(backend);
  if (!perBackend) kernels.set(backend, (perBackend = new Map()));
  const hit = perBackend.get(n);
  if (hit) return hit;
  const x = backend.exports;
  const { terms, nTerms, maxIndex } = shellTerms(n);
  const tPtr = x.allocate(terms.length);
  backend.view(tPtr, terms.length).set(terms);
  const ctx = x.deltaKContext(tPtr, nTerms, n, maxIndex, LATTICE_CONSTANT / 2);
  const out = x.deltaKBuffer(ctx, C_OUT) / 8;
  const dWord = x.deltaKBuffer(ctx, C_D) / 8;
  const setD = (d: ArrayLike<number>): void => {
    if (d.length !== n) throw new RangeError(`deltaKKernel(${n}): d has ${d.length} entries`);
    const h = backend.heap();
    for (let i = 0; i < n; i++) h[dWord + i] = d[i];
  };
  const kernel: DeltaKKernel = {
    n,
    out,
    heap: () => backend.heap(),
    at(k, xv, d) {
      setD(d);
      x.deltaKAt(ctx, k[0], k[1], k[2], xv);
    },
    minimize(k0, xv, d, maxIterations) {
      setD(d);
      x.deltaKMinimize(ctx, k0[0], k0[1], k0[2], xv, maxIterations);
    },
  };
  perBackend.set(n, kernel);
  return kernel;
}
