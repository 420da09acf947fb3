import type { LatticeSums } from '../latticeSums/types.js';
import type { Mixture } from '../mixture/composition.js';
import { sroSolid, type SroResult } from '../models/sro.js';
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
  /** Curves with points the workers could not do (those points redone in the main thread). */
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

/**
 * SRO curves (minimized points on the x grid) at many Gammas on `threads` workers
 * (src/parallel/sroCurves.ts: one task per Gamma, or x chunks when there are fewer Gammas
 * than threads; warm start along x and a cold retry inside the worker). Points the workers
 * left out are retried here (cold, then another wedge sample) and dropped if that fails too.
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
  const failed: Array<{ k: number; x: number }> = [];
  const curves = await sroCurvePoints({
    z1, z2, gammas: [...gammas], xs: [...xs], shells: options.shells, sums,
    threads: options.threads, samplePoints: options.samplePoints, onProgress,
    onFailure: (gamma, x) => failed.push({ k: gammas.indexOf(gamma), x }),
  });
  const redone = new Set(failed.map((f) => f.k));
  trouble.tasksRedone += redone.size;
  for (const { k, x } of failed) {
    const r = await robustSro({ z1, z2, x }, gammas[k], sums, options, trouble);
    if (r) curves[k].push({ x, F: r.F, alpha: r.alpha });
  }
  for (const k of redone) curves[k].sort((p, q) => p.x - q.x);
  return curves;
}

/** One SRO curve (single off-grid Gammas, e.g. the azeotrope search), split over the threads. */
export async function sroCurveSplit(
  z1: number,
  z2: number,
  gamma: number,
  xs: readonly number[],
  sums: LatticeSums,
  options: SroRunOptions & { threads: number },
  trouble: SroTrouble,
): Promise<SroPoint[]> {
  return (await sroCurvesInPool(z1, z2, [gamma], xs, sums, options, trouble))[0];
}
