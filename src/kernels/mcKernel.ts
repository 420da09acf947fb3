import type { KernelBackend } from './kernelBackend.js';
import { loadWasm } from './loadWasm.js';

/*
 * The lattice Monte Carlo kernel of assembly/mc.ts (docs/physics.md section 12) seen from
 * TypeScript. Its memory layout is declared once, in assembly/mcLayout.ts, and read here from
 * the compiled module (exported enum members: WASM globals "McWord.L", ..., or the enum
 * objects of the portable build), so the two sides cannot disagree.
 */

const WORDS = [
  'L', 'N', 'SLOTS', 'N2', 'ENERGY', 'DIFF_AB', 'ATTEMPTS', 'ACCEPTED', 'SITES', 'LIST2', 'LIST1', 'FIELD',
  'COORD', 'SLOT_D', 'SLOT_J', 'NBR', 'PAIR_J', 'RNG', 'MEASURE_SHELLS', 'SHELL_C', 'TWIDDLE', 'DFT',
  'RECORD', 'SERIES', 'CAPACITY',
] as const;
const SERIES = ['ENERGY', 'DIFF_AB', 'S_MAX', 'K_STAR', 'ALPHA'] as const;

/** Word indices of a context block and offsets of one sweep record (assembly/mcLayout.ts). */
export interface McLayout {
  word: Record<(typeof WORDS)[number], number>;
  series: Record<(typeof SERIES)[number], number>;
}

const layouts = new WeakMap<KernelBackend, McLayout>();

/** The layout as compiled into `backend` (read once per backend). */
export function mcLayout(backend: KernelBackend = loadWasm()): McLayout {
  const hit = layouts.get(backend);
  if (hit) return hit;
  const exp = backend.exports as unknown as Record<string, unknown>;
  const read = (e: string, m: string): number => {
    const g = exp[`${e}.${m}`] as WebAssembly.Global | undefined;
    const v = g !== undefined ? Number(g.value) : (exp[e] as Record<string, number> | undefined)?.[m];
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`MC kernel layout: ${e}.${m} missing from the kernel build`);
    return v;
  };
  const layout: McLayout = {
    word: Object.fromEntries(WORDS.map((w) => [w, read('McWord', w)])) as McLayout['word'],
    series: Object.fromEntries(SERIES.map((w) => [w, read('McSeries', w)])) as McLayout['series'],
  };
  layouts.set(backend, layout);
  return layout;
}

/** What a kernel context is built from (src/mc/supercell.ts makes it). */
export interface McSetup {
  /** Supercell edge in cubic cells; N = 2 L^3 sites. */
  L: number;
  /** Slot displacements (units a_l/2, 3 per slot) and couplings J (U_1 units), merged mod the supercell. */
  slotD: Int32Array;
  slotJ: Float64Array;
  /** Shells whose alpha_i are measured. */
  measureShells: number;
  /** c_i(k)/(m_i N^2) on the supercell k grid (N x measureShells, k index as McRecord.K_STAR). */
  shellC: Float64Array;
  /** A key naming this setup (contexts are cached per backend and key). */
  key: string;
}

/** One kernel context: a supercell with its tables, holding one configuration at a time. */
export interface McKernel {
  readonly N: number;
  readonly stride: number;
  readonly layout: McLayout;
  /** Install occupations (1 = Z2) and the generator state (4 int32); rebuilds fields and energy. */
  load(sites: ArrayLike<number>, rng: ArrayLike<number>): void;
  /** `sweeps` sweeps at gamma; returns accepted exchanges. Series records are read with series(). */
  sweeps(gamma: number, sweeps: number, measureEvery: number): number;
  /** A copy of the first `count` sweep records (stride numbers each). */
  series(count: number): Float64Array;
  sites(): Int32Array;
  rng(): Int32Array;
  /** Running energy (U_1 units, whole cell), and the one recomputed from scratch. */
  energy(): number;
  recomputedEnergy(): number;
  fieldDrift(): number;
  attempts(): number;
  accepted(): number;
}

const contexts = new WeakMap<KernelBackend, Map<string, { ctx: number; capacity: number; kernel: McKernel }>>();

/**
 * The kernel for `setup` with room for `capacity` sweep records, on `backend` (default: this
 * thread's WASM module). Built once per (backend, setup key) and reused (the stub runtime
 * never frees, so a worker keeps one context per supercell).
 *
 * @example const k = mcKernel(supercellSetup({ L: 8, couplings })); k.load(sites, [1, 2, 3, 4]); k.sweeps(100, 10, 1)
 */
export function mcKernel(setup: McSetup, capacity: number, backend: KernelBackend = loadWasm()): McKernel {
  let perBackend = contexts.get(backend);
  if (!perBackend) contexts.set(backend, (perBackend = new Map()));
  const hit = perBackend.get(setup.key);
  if (hit && hit.capacity >= capacity) return hit.kernel;
  const x = backend.exports;
  const layout = mcLayout(backend);
  const W = layout.word;
  const slots = setup.slotJ.length;
  const ctx = x.mcContext(setup.L, slots, setup.measureShells, capacity);
  const N = 2 * setup.L ** 3;
  const at = (w: number): number => x.mcBuffer(ctx, w);
  backend.ints().set(setup.slotD, at(W.SLOT_D) / 4);
  backend.heap().set(setup.slotJ, at(W.SLOT_J) / 8);
  backend.heap().set(setup.shellC, at(W.SHELL_C) / 8);
  x.mcBuild(ctx);
  const stride = layout.series.ALPHA + setup.measureShells;
  const kernel: McKernel = {
    N,
    stride,
    layout,
    load(sites, rng) {
      const ints = backend.ints();
      ints.set(sites, at(W.SITES) / 4);
      ints.set(rng, at(W.RNG) / 4);
      x.mcSetSites(ctx);
    },
    sweeps: (gamma, sweeps, measureEvery) => x.mcSweeps(ctx, gamma, sweeps, measureEvery),
    series: (count) => backend.heap().slice(at(W.SERIES) / 8, at(W.SERIES) / 8 + count * stride),
    sites: () => backend.ints().slice(at(W.SITES) / 4, at(W.SITES) / 4 + N),
    rng: () => backend.ints().slice(at(W.RNG) / 4, at(W.RNG) / 4 + 4),
    energy: () => x.mcGet(ctx, W.ENERGY),
    recomputedEnergy: () => x.mcRecomputeEnergy(ctx),
    fieldDrift: () => x.mcFieldDrift(ctx),
    attempts: () => x.mcGet(ctx, W.ATTEMPTS),
    accepted: () => x.mcGet(ctx, W.ACCEPTED),
  };
  perBackend.set(setup.key, { ctx, capacity, kernel });
  return kernel;
}
