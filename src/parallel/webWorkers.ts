import { DomainError, UncertifiedError } from '../errors.js';
import { initKernels } from '../kernels/loadWasm.js';
import { runTask, type Task, type TaskRunner } from './tasks.js';

/** The part of a Web Worker (or a Node worker_threads Worker wrapped alike) the runner uses. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** A {@link TaskRunner} on Web Workers that can be stopped at once. */
export interface WebWorkerRunner extends TaskRunner {
  /** Stop every worker now: running and queued tasks reject with a CancelledError; the runner is then dead. */
  terminate(): void;
}

/** What a run of a terminated {@link WebWorkerRunner} rejects with. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

type Reply = { id: number; result?: Float64Array; error?: { name: string; message: string } };

function revive(e: { name: string; message: string }): Error {
  if (e.name === 'DomainError') return new DomainError(e.message);
  if (e.name === 'UncertifiedError') return new UncertifiedError(e.message);
  return new Error(e.message);
}

/**
 * Run tasks on `count` Web Workers, each worker taking the next task as soon as it is free
 * (as Piscina does in Node); results come back in task order. Every worker runs
 * {@link serveTasks}. Pass the runner as `runner` to sroPhaseDiagram().
 *
 * @param create makes one worker, e.g. () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
 * @param count number of workers (e.g. navigator.hardwareConcurrency), >= 1
 * @example
 * const runner = webWorkerRunner(() => new Worker(url, { type: 'module' }), navigator.hardwareConcurrency);
 * const d = await sroPhaseDiagram({ gammaMin: 170, gammaMax: 176, gammaStep: 1, runner });
 * runner.terminate();
 */
export function webWorkerRunner(create: () => WorkerLike, count: number): WebWorkerRunner {
  if (!(Number.isInteger(count) && count >= 1)) throw new DomainError(`workers must be an integer >= 1, got ${count}`);
  const workers: WorkerLike[] = [];
  const idle: WorkerLike[] = [];
  const queue: Array<{ id: number; task: Task }> = [];
  const pending = new Map<number, { resolve(r: Float64Array): void; reject(e: unknown): void }>();
  let nextId = 0;
  let dead = false;
  const stop = (err: Error): void => {
    dead = true;
    for (const w of workers) w.terminate();
    workers.length = 0;
    idle.length = 0;
    queue.length = 0;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const { id, task } = queue.shift()!;
      w.postMessage({ id, task });
    }
  };
  const spawn = (): WorkerLike => {
    const w = create();
    w.onmessage = ({ data }) => {
      const { id, result, error } = data as Reply;
      const p = pending.get(id);
      pending.delete(id);
      idle.push(w);
      if (error) p?.reject(revive(error));
      else p?.resolve(result!);
      pump();
    };
    w.onerror = (e) => stop(new Error(`a Web Worker failed: ${e.message ?? 'unknown error'}`));
    return w;
  };
  const runOne = (task: Task): Promise<Float64Array> => {
    if (dead) return Promise.reject(new CancelledError('the workers were stopped'));
    if (workers.length < count) {
      const w = spawn();
      workers.push(w);
      idle.push(w);
    }
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      queue.push({ id, task });
      pump();
    });
  };
  return {
    workers: count,
    async run(tasks, onDone) {
      let done = 0;
      return Promise.all(tasks.map((t) => runOne(t).then((r) => (onDone?.(++done), r))));
    },
    terminate: () => stop(new CancelledError('cancelled')),
  };
}

/** The scope a worker script runs in (`self` in a Web Worker). */
export interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/**
 * The body of a worker of {@link webWorkerRunner}: instantiates the WASM kernels once
 * (from `wasm`, default the package's build/release.wasm next to the bundle) and answers
 * every task, one at a time. Errors go back as { name, message } (DomainError and
 * UncertifiedError keep their class).
 *
 * @example serveTasks(self as unknown as WorkerScope) // the whole worker script
 */
export function serveTasks(scope: WorkerScope, wasm?: URL | string): void {
  const ready = initKernels(wasm);
  ready.catch(() => undefined); // reported with each task below
  let chain: Promise<unknown> = Promise.resolve();
  scope.onmessage = ({ data }) => {
    const { id, task } = data as { id: number; task: Task };
    chain = chain.then(async () => {
      try {
        await ready;
        const result = await runTask(task);
        scope.postMessage({ id, result } satisfies Reply, [result.buffer as ArrayBuffer]);
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        scope.postMessage({ id, error: { name: e.name, message: e.message } } satisfies Reply);
      }
    });
  };
}
