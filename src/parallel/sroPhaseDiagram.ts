import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { phaseDiagram, type PhaseDiagramOptions, type PhaseDiagramResult } from '../phase/phaseDiagram.js';
import { sroGrid } from '../phase/sroCurve.js';
import { sroCurveProvider } from '../phase/sroProvider.js';
import { defaultThreads, startPool } from './pool.js';
import { sroCurvePoints } from './sroCurves.js';
import type { TaskRunner } from './tasks.js';
import type { SroPoint } from '../phase/sroCurve.js';

/** Options of {@link sroPhaseDiagram}: the scan of {@link phaseDiagram} plus the SRO sweep's own. */
export interface SroPhaseDiagramOptions
  extends Omit<PhaseDiagramOptions, 'model' | 'name' | 'sroProvider' | 'prepare' | 'solvus' | 'sums' | 'onProgress'> {
  /** Order parameters alpha_1..alpha_n (default 8). */
  shells?: number;
  /** Step of the x grid of the minimizations, <= 0.01 (default 0.01; denser near x = 0 and 1). */
  xStep?: number;
  /** Progress of the batch of SRO curves at the scan Gammas (done, total). */
  onCurves?: (done: number, total: number) => void;
  /** A grid point whose minimization failed (it is left out of that Gamma's spline). */
  onFailure?: (gamma: number, x: number) => void;
  /** Every Gamma's minimized points as they arrive (scan and azeotrope search), e.g. to draw F(x). */
  onCurve?: (gamma: number, points: SroPoint[]) => void;
  /** Run the SRO tasks on this runner (e.g. webWorkerRunner() in a page) instead of worker threads. */
  runner?: TaskRunner;
}

/**
 * The SRO phase diagram (what `coulomix phase-diagram --model sro` prints): the minimized SRO
 * solid on an x grid at every scan Gamma, in one parallel batch on `threads` worker threads
 * (src/parallel/sroCurves.ts), splined as F + T S_mix, against the liquid; then the azeotrope
 * search, which minimizes single off-grid Gammas on demand. The azeotrope is located to 0.01
 * in Gamma and refined by at most 8 tangency iterations unless the options say otherwise.
 *
 * The worker pool stays up, with its JIT-compiled solver, for the next call in this process
 * (a sweep over Z2 or over grids pays the thread start-up once): call closePool() when done.
 *
 * @example
 * const r = await sroPhaseDiagram({ gammaMin: 170, gammaMax: 176, gammaStep: 1, threads: 2 });
 * await closePool();
 * r.rows[0].xSolid; // O fraction of the solid coexisting with the liquid at Gamma = 170
 */
export async function sroPhaseDiagram(options: SroPhaseDiagramOptions): Promise<PhaseDiagramResult> {
  const { shells = 8, xStep = 0.01, onCurves, onFailure, onCurve, runner, ...scan } = options;
  const z1 = scan.z1 ?? 6;
  const z2 = scan.z2 ?? 8;
  const threads = runner ? runner.workers : scan.threads ?? defaultThreads();
  // Worker threads boot (and load the SRO modules) while this thread computes the lattice sums.
  if (!runner) await startPool(threads, ['sro']);
  const sums = await getLatticeSums(Math.max(8, shells));
  let batch = true;
  const sro = sroCurveProvider({
    z1,
    z2,
    xs: sroGrid({ step: xStep }),
    liquid: scan.liquid,
    onCurve,
    compute: (gammas, xs) =>
      sroCurvePoints({
        z1, z2, gammas, xs, shells, sums, threads, onFailure, runner,
        onProgress: (done, total) => {
          if (batch) onCurves?.(done, total);
        },
      }),
  });
  return phaseDiagram({
    azeotropeTolerance: 0.01,
    azeotropeMaxIterations: 8,
    ...scan,
    model: 'sro',
    threads,
    solvus: false,
    sroProvider: sro.provider,
    prepare: async (gammas) => {
      await sro.prepare(gammas);
      batch = false;
    },
  });
}
