import { assertFinite, checkInteger, checkNumber, checkOptions } from '../domain.js';
import { foldToWedge } from '../sro/wedgeSample.js';
import { DomainError } from '../errors.js';
import { bccShells as bccShellsImpl, MAX_SHELLS, type BccShell } from '../lattice/bccShells.js';
import { shellCosineSums as shellCosineSumsImpl } from '../lattice/shellCosineSums.js';
import { getLatticeSums as getLatticeSumsImpl } from '../latticeSums/getLatticeSums.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { latticeKernel as latticeKernelImpl, type LatticeKernel, type LatticeKernelOptions } from '../kernels/latticeKernel.js';
import { shellCosineTable as shellCosineTableImpl } from '../kernels/shellCosineTable.js';
import { inWedge as inWedgeImpl } from '../brillouin/wedge.js';
import { phononFrequencies as phononFrequenciesImpl } from '../phonons/phononFrequencies.js';
import { phononMoments as phononMomentsImpl, type PhononMoments } from '../phonons/phononMoments.js';
import { checkThreads } from '../parallel/pool.js';
import { initKernels as initKernelsImpl } from '../kernels/loadWasm.js';

/** The lattice entry points of the public API with their arguments checked (DomainError otherwise). */

function checkVector(name: string, k: unknown): ArrayLike<number> {
  const v = k as ArrayLike<number>;
  if (v === null || typeof v !== 'object' || v.length !== 3) throw new DomainError(`${name} must be a wave vector [kx, ky, kz] (1/a_i)`);
  for (let i = 0; i < 3; i++) checkNumber(`${name}[${i}]`, v[i], -1e3, 1e3);
  return v;
}

/** The first `count` (1..60) bcc neighbour shells. @example bccShells(8)[0].m // 8 */
export function bccShells(count: number): BccShell[] {
  return bccShellsImpl(checkInteger('count', count, 1, MAX_SHELLS));
}

/** Lattice sums of the first `shells` (1..60) shells at 1e-9, once per process; `threads` 1..maxThreads(). */
export function getLatticeSums(shells: number, threads?: number): Promise<LatticeSums> {
  try {
    checkInteger('shells', shells, 1, MAX_SHELLS);
    if (threads !== undefined) checkThreads(threads);
  } catch (err) {
    return Promise.reject(err);
  }
  return getLatticeSumsImpl(shells, threads);
}

/** Shell cosine sums c_i(k), i = 1..count (1..60), at the wave vector k (1/a_i). */
export function shellCosineSums(k: ArrayLike<number>, count: number): Float64Array {
  return shellCosineSumsImpl(checkVector('k', k), checkInteger('count', count, 1, MAX_SHELLS));
}

/** Shell cosine sums for a block of wave vectors (3 doubles each, finite), shells 1..60. */
export function shellCosineTable(points: Float64Array, shells: number): Float64Array {
  if (!(points instanceof Float64Array) || points.length % 3 !== 0) throw new DomainError('points must be a Float64Array of 3 doubles per wave vector');
  for (const p of points) if (!Number.isFinite(p)) throw new DomainError('points must be finite');
  return shellCosineTableImpl(points, checkInteger('shells', shells, 1, MAX_SHELLS));
}

/** The bcc lattice kernels for (eta 0.3..3, ewaldTol 1e-16..1e-6, kmax 0..100, shells 0..60). */
export function latticeKernel(options?: LatticeKernelOptions): LatticeKernel {
  const o = checkOptions('latticeKernel options', options, ['eta', 'ewaldTol', 'kmax', 'shells', 'backend']);
  if (o.eta !== undefined) checkNumber('eta', o.eta, 0.3, 3);
  if (o.ewaldTol !== undefined) checkNumber('ewaldTol', o.ewaldTol, 1e-16, 1e-6);
  if (o.kmax !== undefined) checkNumber('kmax', o.kmax, 0, 100);
  if (o.shells !== undefined) checkInteger('shells', o.shells, 0, MAX_SHELLS);
  return latticeKernelImpl(options);
}

/** True if k lies in the irreducible wedge (tolerance 0..1e-3). */
export function inWedge(k: ArrayLike<number>, tol?: number): boolean {
  checkVector('k', k);
  if (tol !== undefined) checkNumber('tol', tol, 0, 1e-3);
  return inWedgeImpl(k, tol);
}

/**
 * The three phonon frequencies at k (units of the ion plasma frequency); eta 0.3..3. Any k
 * (|k_a| <= 1e3 1/a_i) is folded into the irreducible wedge first: the frequencies are
 * periodic in k and have the cubic symmetry, and the Ewald cut-offs serve the first zone only.
 */
export function phononFrequencies(k: ArrayLike<number>, eta?: number): [number, number, number] {
  checkVector('k', k);
  if (eta !== undefined) checkNumber('eta', eta, 0.3, 3);
  const w = phononFrequenciesImpl(foldToWedge(k), eta);
  w.forEach((v) => assertFinite('phononFrequencies', v));
  return w;
}

/** u_1 and u_ln by the wedge quadrature; n (face order) 16..96, eta 0.3..3. */
export function phononMoments(n?: number, eta?: number): PhononMoments {
  if (n !== undefined) checkInteger('n', n, 16, 96);
  if (eta !== undefined) checkNumber('eta', eta, 0.3, 3);
  return phononMomentsImpl(n, eta);
}

/**
 * Load the WASM kernels (browsers: once, before the first call); `source` is a URL (string or
 * URL) of build/release.wasm, or its bytes. Anything else is a DomainError.
 *
 * @example await initKernels(new URL('/assets/release.wasm', location.href))
 */
export function initKernels(source?: URL | string | ArrayBuffer | Uint8Array): ReturnType<typeof initKernelsImpl> {
  const ok = source === undefined || typeof source === 'string' || source instanceof URL || source instanceof ArrayBuffer || source instanceof Uint8Array;
  if (!ok) return Promise.reject(new DomainError('initKernels(source): source must be a URL, a URL string, or the bytes of release.wasm'));
  return initKernelsImpl(source);
}
