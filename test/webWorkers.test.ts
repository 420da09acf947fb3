// The Web Worker runner of the browser build, with in-process fake workers (the protocol of
// webWorkerRunner <-> serveTasks over postMessage, structured-cloned): same diagram as the
// library's own in-thread path, bit for bit (same engine), Cancel, and the input checks.
import { describe, expect, test } from 'vitest';
import { DomainError } from '../src/errors.js';
import { phaseDiagramInputErrors, type PhaseDiagramInput } from '../src/phase/diagramInput.js';
import { sroPhaseDiagram } from '../src/parallel/sroPhaseDiagram.js';
import { CancelledError, serveTasks, webWorkerRunner, type WorkerLike, type WorkerScope } from '../src/parallel/webWorkers.js';

/** A worker whose body (serveTasks) runs in this thread; messages are cloned and delivered asynchronously. */
function fakeWorker(log: string[]): WorkerLike {
  const scope: WorkerScope = { onmessage: null, postMessage: (m) => setTimeout(() => worker.onmessage?.({ data: structuredClone(m) }), 0) };
  serveTasks(scope);
  let alive = true;
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => {
      log.push('task');
      setTimeout(() => alive && scope.onmessage?.({ data: structuredClone(m) }), 0);
    },
    terminate: () => {
      alive = false;
      log.push('terminate');
    },
  };
  return worker;
}

const SCAN = { gammaMin: 170, gammaMax: 174, gammaStep: 1 };

describe('webWorkerRunner and serveTasks', () => {
  test('sroPhaseDiagram on the runner gives the in-thread diagram exactly', async () => {
    const log: string[] = [];
    const runner = webWorkerRunner(() => fakeWorker(log), 2);
    const curves: number[] = [];
    const viaRunner = await sroPhaseDiagram({ ...SCAN, runner, onCurve: (g) => curves.push(g) });
    runner.terminate();
    const here = await sroPhaseDiagram({ ...SCAN, threads: 1 });
    expect(viaRunner.rows).toEqual(here.rows);
    expect(viaRunner.rows.length).toBe(5);
    expect(curves.slice(0, 5)).toEqual([170, 171, 172, 173, 174]);
    expect(log.filter((l) => l === 'terminate').length).toBe(2); // two workers made, both stopped
  }, 60_000);

  test('terminate() rejects the running and queued tasks with a CancelledError', async () => {
    const runner = webWorkerRunner(() => fakeWorker([]), 1);
    const run = sroPhaseDiagram({ ...SCAN, runner });
    setTimeout(() => runner.terminate(), 50);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await expect(runner.run([{ kind: 'shellCosines', shells: 2, points: new Float64Array(3) }])).rejects.toBeInstanceOf(CancelledError);
  }, 30_000);

  test('a bad worker count is a DomainError', () => {
    expect(() => webWorkerRunner(() => fakeWorker([]), 0)).toThrow(DomainError);
  });
});

describe('phaseDiagramInputErrors', () => {
  const ok: PhaseDiagramInput = { z1: 6, z2: 8, models: ['sro'], gammaMin: 130, gammaMax: 181.5, gammaStep: 0.5, xStep: 0.01 };
  test('accepts the default input and names each bad field', () => {
    expect(phaseDiagramInputErrors(ok)).toEqual([]);
    const bad = phaseDiagramInputErrors({ ...ok, z1: 8, z2: 6, models: ['sro', 'fcc'], gammaStep: 0, xStep: 0.02, liquidMixing: 'none' });
    expect(bad.map((e) => e.field)).toEqual(['z2', 'models', 'gammaStep', 'xStep', 'liquidMixing']);
    expect(bad.every((e) => e instanceof DomainError)).toBe(true);
    expect(bad[0].message).toBe('z1 must be smaller than z2, got z1 = 8, z2 = 6');
    expect(phaseDiagramInputErrors({ ...ok, z1: NaN })[0].message).toBe('z1 must be a finite number, got NaN');
    expect(phaseDiagramInputErrors({ ...ok, gammaMax: 100 }).map((e) => e.field)).toEqual(['gammaMax']);
    expect(phaseDiagramInputErrors({ ...ok, gammaStep: 1e-9 })[0].message).toMatch(/more than 100000 Gamma values/);
    expect(phaseDiagramInputErrors({ ...ok, models: [] })[0].field).toBe('models');
  });
});
