import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import type { LiquidOptions } from '../models/liquid.js';
import type { CurveProvider } from '../phase/phaseDiagram.js';
import { sroGrid } from '../phase/sroCurve.js';
import { sroCurveProvider } from '../phase/sroProvider.js';
import { defaultThreads, startPool } from './pool.js';
import { sroCurvePoints } from './sroCurves.js';

/** Options of {@link sroCurveSource}. */
export interface SroSourceOptions {
  z1: number;
  z2: number;
  shells?: number;
  /** x step of the minimizations (default 0.01, denser near the ends; sroGrid). */
  xStep?: number;
  threads?: number;
  liquid?: LiquidOptions;
  /** A grid point whose minimization failed (left out of that Gamma's spline). */
  onFailure?: (gamma: number, x: number) => void;
  /** Progress of each batch of curves. */
  onCurves?: (done: number, total: number) => void;
}

/**
 * Liquid + SRO solid curves at any Gamma, minimized in the worker pool: `prepare(gammas)`
 * computes a batch in parallel (one task per Gamma), `curvesAt(g)` returns a cached curve or
 * minimizes that Gamma on demand. The pool stays up; call closePool() when done.
 *
 * @example const s = await sroCurveSource({ z1: 6, z2: 8 }); await s.prepare([170, 171]); (await s.curvesAt(170)).solid.f(0.5)
 */
export async function sroCurveSource(options: SroSourceOptions): Promise<{ curvesAt: CurveProvider; prepare(gammas: number[]): Promise<void> }> {
  const { z1, z2, shells = 8, xStep = 0.01, onFailure, onCurves, liquid } = options;
  const threads = options.threads ?? defaultThreads();
  await startPool(threads, ['sro']);
  const sums = await getLatticeSums(Math.max(8, shells));
  const sro = sroCurveProvider({
    z1,
    z2,
    xs: sroGrid({ step: xStep }),
    liquid,
    compute: (gammas, xs) => sroCurvePoints({ z1, z2, gammas, xs, shells, sums, threads, onFailure, onProgress: onCurves }),
  });
  return { curvesAt: sro.provider, prepare: (g) => sro.prepare(g) };
}
