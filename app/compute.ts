// Computing the diagrams of one run in Web Workers: SRO via sroPhaseDiagram on a
// webWorkerRunner (one worker per core, one task per Gamma, as the Piscina pool does in
// Node), the fixed-microstructure models via phaseDiagram in one more worker.
import {
  CancelledError, DomainError, UncertifiedError, liquidFreeEnergy, sroPhaseDiagram, webWorkerRunner,
  type PhaseDiagramResult, type SroPoint, type WebWorkerRunner, type WorkerLike,
} from 'coulomix';
import type { AppParams } from './params';

const newWorker = (): Worker => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const newWorkerLike = (): WorkerLike => newWorker() as unknown as WorkerLike;

/**
 * The SRO workers stay up between runs (with their JIT-compiled minimizer and their wedge
 * table), as the Piscina pool does in a Node process; Cancel stops them.
 */
let warm: WebWorkerRunner | undefined;
function sroRunner(workers: number): WebWorkerRunner {
  if (warm && warm.workers !== workers) warm.terminate();
  if (!warm || warm.workers !== workers) warm = webWorkerRunner(newWorkerLike, workers);
  return warm;
}
function dropRunner(): void {
  warm?.terminate();
  warm = undefined;
}

/** The library's default liquid ideal-mixing term, read off the library (so the app follows it). */
export function defaultMixing(): 'smix' | 'smixz' {
  const mix = { z1: 6, z2: 8, x: 0.3 };
  return liquidFreeEnergy(mix, 175) === liquidFreeEnergy(mix, 175, { idealMixing: 'smixz' }) ? 'smixz' : 'smix';
}

/** What a finished run returns (and the page publishes as JSON). */
export interface RunResult {
  input: AppParams;
  /** The liquid ideal-mixing term used (the library default when the input leaves it open). */
  liquidMixing: 'smix' | 'smixz';
  workers: number;
  /** Wall-clock seconds per model and in total. */
  seconds: Record<string, number>;
  diagrams: Record<string, PhaseDiagramResult>;
  /** SRO grid points whose minimization failed (left out of the splines). */
  failures: Array<{ gamma: number; x: number }>;
}

export type Progress = (label: string, done: number, total: number) => void;

function revive(e: { name: string; message: string }): Error {
  if (e.name === 'DomainError') return new DomainError(e.message);
  if (e.name === 'UncertifiedError') return new UncertifiedError(e.message);
  return new Error(e.message);
}

/** One run; cancel() stops every worker at once and makes `result` reject with a CancelledError. */
export class Job {
  private runner: WebWorkerRunner | undefined;
  private fixed: { worker: Worker; reject(e: unknown): void } | undefined;
  private cancelled = false;
  /** The SRO points per Gamma (for the free-energy view). */
  readonly sroPoints = new Map<number, SroPoint[]>();
  readonly result: Promise<RunResult>;

  constructor(params: AppParams, onProgress: Progress) {
    this.result = this.run(params, onProgress);
  }

  cancel(): void {
    this.cancelled = true;
    if (this.runner) dropRunner();
    this.fixed?.worker.terminate();
    this.fixed?.reject(new CancelledError('cancelled'));
  }

  private async run(p: AppParams, onProgress: Progress): Promise<RunResult> {
    const liquid = p.liquidMixing ? { idealMixing: p.liquidMixing as 'smix' | 'smixz' } : undefined;
    const scan = { z1: p.z1, z2: p.z2, gammaMin: p.gammaMin, gammaMax: p.gammaMax, gammaStep: p.gammaStep, liquid };
    const out: RunResult = { input: p, liquidMixing: (p.liquidMixing as 'smix' | 'smixz') ?? defaultMixing(), workers: p.workers, seconds: {}, diagrams: {}, failures: [] };
    const t0 = performance.now();
    try {
      for (const model of p.models) {
        if (this.cancelled) throw new CancelledError('cancelled');
        const t = performance.now();
        if (model === 'sro') {
          this.runner = sroRunner(p.workers);
          let batchDone = false;
          out.diagrams.sro = await sroPhaseDiagram({
            ...scan,
            xStep: p.xStep,
            runner: this.runner,
            onCurves: (done, total) => {
              onProgress('sro: SRO solid curves', done, total);
              if (done === total && !batchDone) {
                batchDone = true;
                onProgress('sro: windows and azeotrope search', -1, -1);
              }
            },
            onCurve: (g, pts) => this.sroPoints.set(g, pts),
            onFailure: (gamma, x) => out.failures.push({ gamma, x }),
          });
          this.runner = undefined;
        } else {
          out.diagrams[model] = await this.fixedDiagram({ ...scan, model, solvus: false }, (d, n) => onProgress(`${model}: coexistence windows`, d, n));
        }
        out.seconds[model] = (performance.now() - t) / 1000;
      }
    } catch (err) {
      if (this.runner) dropRunner(); // a failed or cancelled sweep leaves no half-busy workers
      throw err;
    } finally {
      this.fixed?.worker.terminate();
    }
    out.seconds.total = (performance.now() - t0) / 1000;
    return out;
  }

  private fixedDiagram(options: Record<string, unknown>, onProgress: (done: number, total: number) => void): Promise<PhaseDiagramResult> {
    return new Promise((resolve, reject) => {
      const worker = newWorker();
      this.fixed = { worker, reject };
      worker.onmessage = ({ data }) => {
        if (data.progress) onProgress(data.progress[0], data.progress[1]);
        else if (data.error) reject(revive(data.error));
        else if (data.result) resolve(data.result as PhaseDiagramResult);
        if (!data.progress) worker.terminate();
      };
      worker.onerror = (e) => reject(new Error(`the worker failed: ${e.message}`));
      worker.postMessage({ diagram: options });
    });
  }
}
