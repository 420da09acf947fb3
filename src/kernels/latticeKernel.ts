import { ewaldTables, type EwaldTables } from '../ewald/ewaldTables.js';
import { LATTICE_CONSTANT, RECIPROCAL_UNIT } from '../lattice/constants.js';
import { WEDGE } from '../brillouin/wedge.js';
import { shellTerms } from './shellTerms.js';
import type { KernelBackend } from './kernelBackend.js';
import { loadWasm } from './loadWasm.js';

/** Options fixing one kernel configuration. */
export interface LatticeKernelOptions {
  /** Ewald splitting parameter (1/a_i). Default 0.9. */
  eta?: number;
  /** Absolute truncation tolerance of the Ewald sums. Default 1e-13. */
  ewaldTol?: number;
  /** Largest |k| (1/a_i) the Ewald cut-offs must serve. Default 2 pi/a_l = |H|, the whole first zone. */
  kmax?: number;
  /** Shell cosine sums 1..shells (0: none). Default 8. */
  shells?: number;
  /** Kernel implementation; default the WASM module of this thread. */
  backend?: KernelBackend;
}

/** The bcc lattice kernels bound to one (eta, tolerance, shells) configuration. */
export interface LatticeKernel {
  readonly tables: EwaldTables;
  readonly shells: number;
  readonly backend: KernelBackend;
  /** D(k) as [xx, yy, zz, xy, xz, yz] and beta(k) as [x, y, z]; k in 1/a_i. */
  dynamical(k: ArrayLike<number>): { D: Float64Array; beta: Float64Array };
  /** The T_i integrand beta^T D^-1 beta at k (units of a_i^... as in eq. 7). */
  integrand(k: ArrayLike<number>): number;
  /** Shell cosine sums for many k: points = 3 npts doubles, result npts x shells row-major. */
  shellCosineTable(points: Float64Array): Float64Array;
  /**
   * Tensor Gauss rule over the wedge, flattened points [first, last): returns the partial
   * sums [T_0, T_1..T_N] (normalized so the full rule gives the BZ averages).
   */
  wedgeSums(rules: { t: Float64Array; u: Float64Array; v: Float64Array }, first: number, last: number): Float64Array;
  /** Madelung energy per ion by Ewald, units Z^2 e^2/a_i (= -zeta). */
  madelungEnergy(): number;
}

const instances = new Map<string, LatticeKernel>();

/** Copy doubles into freshly allocated kernel memory; returns the byte offset. */
function upload(backend: KernelBackend, data: Float64Array): number {
  const ptr = backend.exports.allocate(Math.max(1, data.length));
  backend.view(ptr, data.length).set(data);
  return ptr;
}

/**
 * A configured kernel, created once per (backend, eta, tolerance, shells) and cached: tables
 * and scratch are allocated once, the hot calls only pass offsets.
 */
export function latticeKernel(options: LatticeKernelOptions = {}): LatticeKernel {
  const eta = options.eta ?? 0.9;
  const ewaldTol = options.ewaldTol ?? 1e-13;
  const shells = options.shells ?? 8;
  const kmax = options.kmax ?? RECIPROCAL_UNIT;
  const backend = options.backend ?? loadWasm();
  const key = `${backend.name}|${eta}|${ewaldTol}|${shells}|${kmax}`;
  const hit = instances.get(key);
  if (hit) {
    activate(hit);
    return hit;
  }
  const kernel = createKernel(backend, eta, ewaldTol, shells, kmax);
  instances.set(key, kernel);
  return kernel;
}

// A backend holds one active configuration at a time (module globals in the kernel);
// switching is cheap: re-point the globals at the already-uploaded tables.
const activeByBackend = new Map<KernelBackend, LatticeKernel>();
const activators = new Map<LatticeKernel, () => void>();
function activate(kernel: LatticeKernel): void {
  if (activeByBackend.get(kernel.backend) === kernel) return;
  activators.get(kernel)!();
  activeByBackend.set(kernel.backend, kernel);
}

function createKernel(backend: KernelBackend, eta: number, ewaldTol: number, shells: number, kmax: number): LatticeKernel {
  const x = backend.exports;
  const tables = ewaldTables(eta, ewaldTol, kmax);
  const realPtr = upload(backend, tables.real);
  const recipPtr = upload(backend, tables.recip);
  const { terms, nTerms, maxIndex } = shellTerms(Math.max(shells, 1));
  const termPtr = upload(backend, terms);
  const scratch = x.allocate(16); // k (3), D+beta (9), spare
  // Build the kernel's tables once; switching back to this configuration only re-points the
  // kernel's globals at them (no allocation).
  x.configureEwald(realPtr, tables.nReal, tables.realMax, recipPtr, tables.nRecip, tables.recipMax,
    eta, tables.diagonal, LATTICE_CONSTANT / 2, RECIPROCAL_UNIT, tables.recipReach);
  const ewaldState = x.ewaldState();
  x.configureShells(termPtr, shells > 0 ? nTerms : 0, Math.max(shells, 1), maxIndex, LATTICE_CONSTANT / 2);
  const shellsState = x.shellsState();
  const configure = (): void => {
    x.useEwald(ewaldState);
    x.useShells(shellsState);
    x.configureWedge(...WEDGE.H, ...WEDGE.N, ...WEDGE.P, shells, 0);
  };
  // Buffers for batch calls, grown on demand (allocation happens outside the hot loops).
  const buffers = new Map<string, { ptr: number; size: number }>();
  const buffer = (name: string, size: number): number => {
    const b = buffers.get(name);
    if (b && b.size >= size) return b.ptr;
    const ptr = x.allocate(size);
    buffers.set(name, { ptr, size });
    return ptr;
  };

  const kernel: LatticeKernel = {
    tables,
    shells,
    backend,
    dynamical(k) {
      activate(kernel);
      const view = backend.view(scratch, 12);
      view[0] = k[0]; view[1] = k[1]; view[2] = k[2];
      x.dynamicalBatch(scratch, 1, scratch + 3 * 8);
      const out = backend.view(scratch + 3 * 8, 9);
      return { D: out.slice(0, 6), beta: out.slice(6, 9) };
    },
    integrand(k) {
      activate(kernel);
      return x.integrandAt(k[0], k[1], k[2]);
    },
    shellCosineTable(points) {
      activate(kernel);
      if (shells < 1) throw new RangeError('kernel configured without shells');
      const npts = points.length / 3;
      const chunk = 8192;
      const kPtr = buffer('k', 3 * chunk);
      const outPtr = buffer('cos', chunk * shells);
      const result = new Float64Array(npts * shells);
      for (let start = 0; start < npts; start += chunk) {
        const n = Math.min(chunk, npts - start);
        backend.view(kPtr, 3 * n).set(points.subarray(3 * start, 3 * (start + n)));
        x.shellCosineBatch(kPtr, n, outPtr);
        result.set(backend.view(outPtr, n * shells), start * shells);
      }
      return result;
    },
    wedgeSums(rules, first, last) {
      activate(kernel);
      const tPtr = buffer('t', rules.t.length);
      const uPtr = buffer('u', rules.u.length);
      const vPtr = buffer('v', rules.v.length);
      const accPtr = buffer('acc', shells + 1);
      backend.view(tPtr, rules.t.length).set(rules.t);
      backend.view(uPtr, rules.u.length).set(rules.u);
      backend.view(vPtr, rules.v.length).set(rules.v);
      backend.view(accPtr, shells + 1).fill(0);
      x.wedgeQuadrature(tPtr, rules.t.length / 2, uPtr, rules.u.length / 2, vPtr, rules.v.length / 2, first, last, accPtr);
      return backend.view(accPtr, shells + 1).slice();
    },
    madelungEnergy() {
      activate(kernel);
      return x.madelungEnergy();
    },
  };
  activators.set(kernel, configure);
  configure();
  activeByBackend.set(backend, kernel);
  return kernel;
}
