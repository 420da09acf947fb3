/**
 * coulomix for web pages: what bundlers take under the "browser" condition of package.json.
 * The same library as src/index.ts (with '#piscina' resolving to a stub there, so no Piscina and
 * no Node built-ins reach the bundle), plus what a page needs to run SRO sweeps on Web Workers
 * and to draw the curves itself. Call `await initKernels()` once before computing.
 *
 * @example
 * import { initKernels, sroPhaseDiagram, webWorkerRunner } from 'coulomix';
 * await initKernels();
 * const runner = webWorkerRunner(() => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }), navigator.hardwareConcurrency);
 * const diagram = await sroPhaseDiagram({ gammaMin: 170, gammaMax: 176, gammaStep: 1, runner });
 * // worker.js: import { serveTasks } from 'coulomix'; serveTasks(self);
 */
export * from './index.js';

// Web Workers: the browser counterpart of the Piscina pool
export { webWorkerRunner, serveTasks, CancelledError, type WebWorkerRunner, type WorkerLike, type WorkerScope } from './parallel/webWorkers.js';
export type { Task, TaskRunner } from './parallel/tasks.js';

// The pieces of a diagram a page draws: curves at one Gamma, their windows, the input checks
export { sroGrid, sroCurveFromPoints, type SroPoint } from './phase/sroCurve.js';
export { liquidCurve, liquidCurveFor, fixedSolidCurve, SOLID_MODELS, type SolidModelName, type FixedSolidModel } from './phase/modelCurves.js';
export { gammaGrid, type PhaseDiagramResult, type PhaseDiagramRow, type AzeotropeRow } from './phase/phaseDiagram.js';
export type { CoexistenceWindow, FreeEnergyCurve } from './phase/types.js';
export { phaseDiagramInputErrors, InputError, MAX_SCAN_GAMMAS, type PhaseDiagramInput } from './phase/diagramInput.js';
