import { latticeKernel, type LatticeKernelOptions } from '../kernels/latticeKernel.js';
import { gaussLegendre01 } from '../brillouin/gaussLegendre.js';
import type { LatticeSums } from '../latticeSums/types.js';
import type { SharedConstraintTable } from '../sro/constraintTable.js';
import type { McReplicasTask } from '../mc/replicaTask.js';

/** A shard of the wedge quadrature: Gauss orders and a range of flattened points. */
export interface WedgeSumsTask {
  kind: 'wedgeSums';
  kernel: Omit<LatticeKernelOptions, 'backend'>;
  orders: [number, number, number];
  first: number;
  last: number;
}

/** Shell cosine sums for a block of wave vectors (3 doubles each). */
export interface ShellCosineTask {
  kind: 'shellCosines';
  shells: number;
  points: Float64Array;
}

/**
 * The SRO solid at one Gamma along an x grid (warm-started along x): returns
 * [F_0..F_{m-1}, alpha_0 (shells values), alpha_1, ...] for the m grid points.
 */
export interface SroCurveTask {
  kind: 'sroCurve';
  z1: number;
  z2: number;
  gamma: number;
  xs: number[];
  shells: number;
  sums: LatticeSums;
  seed?: number;
  samplePoints?: number;
  /** The wedge constraint table built once by the main thread (SharedArrayBuffers, not copied). */
  table?: SharedConstraintTable;
}

/** Every task a worker (or the main thread, without workers) can run; plain data in, plain data out. */
export type Task = WedgeSumsTask | ShellCosineTask | SroCurveTask | McReplicasTask;

/**
 * Somewhere else to run tasks than the Piscina pool (e.g. Web Workers in a page): results in
 * task order, `onDone(k)` after the k-th finished task (any order), `workers` tasks at a time.
 */
export interface TaskRunner {
  readonly workers: number;
  run(tasks: Task[], onDone?: (done: number) => void): Promise<Float64Array[]>;
}

const rules = new Map<number, Float64Array>();
function rule(n: number): Float64Array {
  let r = rules.get(n);
  if (!r) rules.set(n, (r = gaussLegendre01(n)));
  return r;
}

/** Run one task in this thread (the worker entry and the in-thread fallback both call this). */
export async function runTask(task: Task): Promise<Float64Array> {
  switch (task.kind) {
    case 'wedgeSums': {
      const k = latticeKernel(task.kernel);
      const [nt, nu, nv] = task.orders;
      return k.wedgeSums({ t: rule(nt), u: rule(nu), v: rule(nv) }, task.first, task.last);
    }
    case 'shellCosines':
      return latticeKernel({ shells: task.shells }).shellCosineTable(task.points);
    case 'sroCurve':
      return runSroCurve(task);
    case 'mcReplicas':
      return (await import('../mc/replicaTask.js')).runReplicaTask(task);
    default:
      throw new Error(`unknown task ${(task as { kind: string }).kind}`);
  }
}

/** Load the modules of the SRO sweep (worker start-up; otherwise on the first SRO task). */
export async function preloadSro(): Promise<void> {
  await Promise.all([import('../models/sro.js'), import('../phase/sroCurve.js'), import('../sro/constraintTable.js')]);
}

async function runSroCurve(task: SroCurveTask): Promise<Float64Array> {
  const { sroSolid } = await import('../models/sro.js');
  const { minimizeAlongX } = await import('../phase/sroCurve.js');
  if (task.table) (await import('../sro/constraintTable.js')).adoptConstraintTable(task.table);
  const { z1, z2, gamma, xs, shells, sums, seed, samplePoints } = task;
  // Warm start along x (minimizeAlongX, which also retries a failing point cold); the previous
  // point's active wave vectors go along as cuts: same answer, fewer rounds. A point that fails
  // cold as well stays NaN for the caller to report and leave out.
  let cuts: Awaited<ReturnType<typeof sroSolid>>['cuts'] | undefined;
  const points = await minimizeAlongX(
    z1, z2, gamma, xs,
    async (mix, g, o) => {
      const r = await sroSolid(mix, g, sums, {
        shells, seed, samplePoints,
        warmStart: o.warmStart ? { alpha: o.warmStart, x: mix.x, cuts } : undefined,
      });
      cuts = r.cuts;
      return r;
    },
    { onFailure: () => (cuts = undefined) },
  );
  const m = xs.length;
  const out = new Float64Array(m * (1 + shells)).fill(NaN);
  let j = 0;
  for (const p of points) {
    while (xs[j] !== p.x) j++;
    out[j] = p.F;
    out.set(p.alpha, m + j * shells);
  }
  return out;
}
