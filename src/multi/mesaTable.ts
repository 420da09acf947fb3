import { DomainError, UncertifiedError } from '../errors.js';
import { firstSolid } from './liquidus.js';
import { multiModels, type MultiSolidModel } from './models.js';

/**
 * The four ternary systems MESA's phase-separation module reads (docs/physics.md section 14), as
 * [x1, x2, third] in the order of MESA's phase_separation.f90 (medin_cumming_3p_d_*): CONe = C, O
 * (Ne the rest), COMg = C, Mg (O), NeOMg = Mg, O (Ne), ONeNa = Na, O (Ne). File names are
 * <system>_delta<x1>.h5 and <system>_delta<x2>.h5.
 */
export const MESA_SYSTEMS = {
  CONe: { species: ['C', 'O', 'Ne'], z: [6, 8, 10] },
  COMg: { species: ['C', 'Mg', 'O'], z: [6, 12, 8] },
  NeOMg: { species: ['Mg', 'O', 'Ne'], z: [12, 8, 10] },
  ONeNa: { species: ['Na', 'O', 'Ne'], z: [11, 8, 10] },
} as const;
export type MesaSystem = keyof typeof MESA_SYSTEMS;

/** One column of the table: fixed x1 = j/(n-1), x2 = i/(n-1) for i = 0..n-1-j (the simplex part). */
export interface MesaColumnTask {
  z: number[];
  model: MultiSolidModel;
  n: number;
  j: number;
}

/** Per point: [Gamma_liquidus, x_solid (3), tangent residual]. */
export const MESA_POINT_STRIDE = 5;

/** Liquidus and first solid for one column, warm-started along x2 (plain data, runs in a worker). */
export async function mesaColumn(task: MesaColumnTask): Promise<Float64Array> {
  const { liquid, solid, liquidusOptions } = await multiModels(task.model);
  const { n, j } = task;
  const m = n - j;
  const out = new Float64Array(m * MESA_POINT_STRIDE);
  let guess: { gamma: number; solid: number[] } | undefined;
  for (let i = 0; i < m; i++) {
    const xl = [j / (n - 1), i / (n - 1), (n - 1 - i - j) / (n - 1)];
    const r = firstSolid(liquid, solid, task.z, xl, guess, liquidusOptions);
    guess = { gamma: r.gamma, solid: r.solid };
    out.set([r.gamma, r.solid[0], r.solid[1], r.solid[2], r.residual], i * MESA_POINT_STRIDE);
  }
  return out;
}

/** A computed MESA ternary table. */
export interface MesaTernaryTable {
  system: MesaSystem;
  species: readonly string[];
  z: readonly number[];
  model: MultiSolidModel;
  /** Liquid number fractions of species 1 and 2 (grid 0, 1/(n-1), ..., 1). */
  x1: Float64Array;
  x2: Float64Array;
  /** x_solid - x_liquid of species 1 and 2, C order [num_x2][num_x1]: delta[i * n + j] at (x1[j], x2[i]). */
  delta1: Float64Array;
  delta2: Float64Array;
  /** Liquidus Gamma_1 on the simplex points (same layout; copied from the x1 + x2 = 1 edge outside). */
  gamma: Float64Array;
  /** Largest tangent-plane residual over the table (units of T). */
  maxResidual: number;
  /** Number of liquid compositions solved (the simplex points). */
  points: number;
}

/** Options of {@link mesaTernaryTable}. */
export interface MesaTableOptions {
  /** Grid points per axis (default 51: step 0.02). */
  n?: number;
  /** Worker threads (default 1: this thread). */
  threads?: number;
  /** Called after each column with the liquid compositions solved so far and their total n (n + 1) / 2. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * MESA phase-separation table of one ternary system (docs/physics.md section 14): for each
 * liquid composition of the (x1, x2) grid inside the simplex, the first solid to form when the
 * liquid cools to its liquidus, minus the liquid. Points outside the simplex (x1 + x2 > 1, which
 * MESA's bicubic interpolation touches) take the value on the x1 + x2 = 1 edge at the same x1.
 *
 * @example const t = await mesaTernaryTable('CONe', 'random', { n: 11 }); t.delta1.length // 121
 */
export async function mesaTernaryTable(system: MesaSystem, model: MultiSolidModel, options: MesaTableOptions = {}): Promise<MesaTernaryTable> {
  const def = MESA_SYSTEMS[system];
  if (!def) throw new DomainError(`system must be one of ${Object.keys(MESA_SYSTEMS).join(', ')}, got '${system}'`);
  await multiModels(model); // validates the model before any work
  const n = options.n ?? 51;
  if (!Number.isInteger(n) || n < 3 || n > 401) throw new DomainError(`grid points per axis must be an integer from 3 to 401, got ${n}`);
  const tasks: MesaColumnTask[] = Array.from({ length: n }, (_, j) => ({ z: [...def.z], model, n, j }));
  const columns = await runColumns(tasks, options.threads ?? 1, options.onProgress);
  const grid = Float64Array.from({ length: n }, (_, k) => k / (n - 1));
  const delta1 = new Float64Array(n * n);
  const delta2 = new Float64Array(n * n);
  const gamma = new Float64Array(n * n);
  let maxResidual = 0;
  for (let j = 0; j < n; j++) {
    const col = columns[j];
    for (let i = 0; i < n; i++) {
      const k = Math.min(i, n - 1 - j); // outside the simplex: the x1 + x2 = 1 edge point
      const p = col.subarray(k * MESA_POINT_STRIDE, (k + 1) * MESA_POINT_STRIDE);
      delta1[i * n + j] = p[1] - grid[j];
      delta2[i * n + j] = p[2] - grid[k];
      gamma[i * n + j] = p[0];
      maxResidual = Math.max(maxResidual, p[4]);
    }
  }
  return { system, species: def.species, z: def.z, model, x1: grid, x2: grid.slice(), delta1, delta2, gamma, maxResidual, points: (n * (n + 1)) / 2 };
}

async function runColumns(tasks: MesaColumnTask[], threads: number, onProgress?: (done: number, total: number) => void): Promise<Float64Array[]> {
  let done = 0;
  const total = tasks.reduce((s, t) => s + t.n - t.j, 0);
  const tick = (r: Float64Array) => {
    done += r.length / MESA_POINT_STRIDE;
    onProgress?.(done, total);
    return r;
  };
  if (threads <= 1) {
    const out: Float64Array[] = [];
    for (const t of tasks) out.push(tick(await mesaColumn(t)));
    return out;
  }
  const { Piscina } = await import('piscina');
  const url = import.meta.url.endsWith('.ts') ? new URL('../../dist/multi/mesaWorker.js', import.meta.url) : new URL('./mesaWorker.js', import.meta.url);
  const pool = new Piscina({ filename: url.href, minThreads: threads, maxThreads: threads });
  try {
    // Longest columns first (column j has n - j points) for a balanced pool.
    const order = tasks.map((_, k) => k);
    const out = new Array<Float64Array>(tasks.length);
    await Promise.all(
      order.map((k) =>
        pool.run(tasks[k]).then((r: Float64Array | { error: { name: string; message: string } }) => {
          if (r instanceof Float64Array) return (out[k] = tick(r));
          throw r.error.name === 'DomainError' ? new DomainError(r.error.message) : new UncertifiedError(r.error.message);
        }),
      ),
    );
    return out;
  } finally {
    await pool.destroy();
  }
}
