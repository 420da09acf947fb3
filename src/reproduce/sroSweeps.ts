import type { LatticeSums } from '../latticeSums/types.js';
import type { Mixture } from '../mixture/composition.js';
import { sroSolid, type SroResult } from '../models/sro.js';
import { runTasks } from '../parallel/pool.js';
import { sroCurvePoints } from '../parallel/sroCurves.js';
import type { SroPoint } from '../phase/sroCurve.js';

/**
 * SRO minimizations for `reproduce`: the pool sweeps of src/parallel/sroCurves.ts with
 * per-Gamma failure isolation, and an in-thread minimizer that falls back from a warm to a
 * cold start and to a second wedge sample when the solver throws. Points whose
 * minimization fails every attempt are dropped (and counted), never invented.
 */

export interface SroRunOptions {
  shells: number;
  samplePoints: number;
}

/** Counters of solver trouble, reported in REPORT.md. */
export interface SroTrouble {
  /** Minimizations that needed a cold restart or a second wedge sample. */
  retried: number;
  /** Minimizations that failed every attempt (point dropped). */
  failed: number;
  /** Pool tasks with points the worker could not do (those points redone in the main thread). */
  tasksRedone: number;
  messages: string[];
  /** Dropped points counted per composition x. */
  droppedX: Record<string, number>;
}

export function newTrouble(): SroTrouble {
  return { retried: 0, failed: 0, tasksRedone: 0, messages: [], droppedX: {} };
}

function note(trouble: SroTrouble, msg: string): void {
  if (trouble.messages.length < 20) trouble.messages.push(msg);
}

/** One minimization in this thread: warm start, then cold, then another wedge sample; null if all fail. */
export async function robustSro(
  mix: Mixture,
  gamma: number,
  sums: LatticeSums,
  options: SroRunOptions,
  trouble: SroTrouble,
  warm?: SroResult,
): Promise<SroResult | null> {
  const attempts: Array<() => Promise<SroResult>> = [];
  const base = { shells: options.shells, samplePoints: options.samplePoints };
  if (warm) attempts.push(() => sroSolid(mix, gamma, sums, { ...base, warmStart: { alpha: warm.alpha, x: warm.alpha.length ? mix.x : undefined, cuts: warm.cuts } }));
  attempts.push(() => sroSolid(mix, gamma, sums, base));
  attempts.push(() => sroSolid(mix, gamma, sums, { ...base, seed: 2 }));
  let lastError = '';
  for (let k = 0; k < attempts.length; k++) {
    try {
      const r = await attempts[k]();
      if (k > 0) trouble.retried++;
      return r;
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
    }
  }
  trouble.failed++;
  trouble.droppedX[String(mix.x)] = (trouble.droppedX[String(mix.x)] ?? 0) + 1;
  note(trouble, `x = ${mix.x}, Gamma = ${gamma}: ${lastError}`);
  return null;
}

/** Split an x grid into the two end regions (x < 0.01, x > 0.99) and the bulk: end points are where the solver is most fragile. */
function endChunks(xs: readonly number[]): number[][] {
  const lo = xs.filter((x) => x < 0.01);
  const mid = xs.filter((x) => x >= 0.01 && x <= 0.99);
  const hi = xs.filter((x) => x > 0.99);
  return [lo, mid, hi].filter((c) => c.length > 0);
}

/**
 * One pool task for (gamma, xs) (src/parallel/sroCurves.ts: warm start along x, a failing
 * point retried cold inside the worker and otherwise left out). Points the worker left out
 * are retried here (cold, then another wedge sample) and dropped if that fails too.
 */
async function poolCurve(
  z1: number,
  z2: number,
  gamma: number,
  xs: readonly number[],
  sums: LatticeSums,
  options: SroRunOptions & { threads: number },
  trouble: SroTrouble,
): Promise<SroPoint[]> {
  const failed: number[] = [];
  const [points] = await sroCurvePoints({
    z1, z2, gammas: [gamma], xs: [...xs], shells: options.shells, sums,
    threads: options.threads, samplePoints: options.samplePoints,
    onFailure: (_, x) => failed.push(x),
  });
  if (failed.length === 0) return points;
  trouble.tasksRedone++;
  for (const x of failed) {
    const r = await robustSro({ z1, z2, x }, gamma, sums, options, trouble);
    if (r) points.push({ x, F: r.F, alpha: r.alpha });
  }
  return points.sort((p, q) => p.x - q.x);
}

/**
 * SRO curves (minimized points on the x grid) at many Gammas on `threads` workers
 * (src/parallel/sroCurves.ts): per Gamma one pool task for the bulk of the grid and one for
 * each end region, each warm-started along x inside its worker. Failing points are retried
 * (see poolCurve); points that fail every attempt are dropped and counted.
 */
export async function sroCurvesInPool(
  z1: number,
  z2: number,
  gammas: readonly number[],
  xs: readonly number[],
  sums: LatticeSums,
  options: SroRunOptions & { threads: number },
  trouble: SroTrouble,
  onProgress?: (done: number, total: number) => void,
): Promise<SroPoint[][]> {
  // Create the pool once before the concurrent submissions.
  await runTasks([], options.threads);
  let done = 0;
  const chunks = endChunks(xs);
  return Promise.all(
    gammas.map(async (gamma) => {
      const parts = await Promise.all(chunks.map((c) => poolCurve(z1, z2, gamma, c, sums, options, trouble)));
      onProgress?.(++done, gammas.length);
      return parts.flat().sort((p, q) => p.x - q.x);
    }),
  );
}

/** One SRO curve split into `threads` x-chunks run in parallel (single off-grid Gammas, e.g. the azeotrope search). */
export async function sroCurveSplit(
  z1: number,
  z2: number,
  gamma: number,
  xs: readonly number[],
  sums: LatticeSums,
  options: SroRunOptions & { threads: number },
  trouble: SroTrouble,
): Promise<SroPoint[]> {
  const chunks: number[][] = [];
  for (const c of endChunks(xs)) {
    const k = Math.max(1, Math.min(options.threads, Math.floor(c.length / 8)));
    for (let j = 0; j < k; j++) chunks.push(c.slice(Math.floor((j * c.length) / k), Math.floor(((j + 1) * c.length) / k)));
  }
  const parts = await Promise.all(chunks.map((c) => poolCurve(z1, z2, gamma, c, sums, options, trouble)));
  return parts.flat().sort((p, q) => p.x - q.x);
}
