import { DomainError } from '../errors.js';
import { runTask, type Task } from './tasks.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

function cores(): number {
  if (!isNode) return 1;
  // process.getBuiltinModule (Node >= 20.16, see package.json engines) keeps node:os out of
  // browser bundles.
  const os = process.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined;
  return os ? os.availableParallelism() : 1;
}

/** The default thread count: the number of cores (1 outside Node: a browser runs in its own thread). */
export function defaultThreads(): number {
  return Math.min(cores(), maxThreads());
}

/**
 * The largest accepted thread count: twice the number of cores, at least 8 and at most 64.
 * More threads than cores never speed up this CPU-bound work, and each worker costs about
 * 15 MB (hundreds of threads exhaust the memory).
 */
export function maxThreads(): number {
  return Math.min(64, Math.max(8, 2 * cores()));
}

/** `threads` as an integer from 1 to maxThreads(), else a DomainError naming the range. */
export function checkThreads(threads: unknown, name = 'threads'): number {
  const max = maxThreads();
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > max) {
    throw new DomainError(`${name} must be an integer from 1 to ${max} (twice the cores, at least 8, at most 64), got ${String(threads)}`);
  }
  return threads;
}

type PiscinaLike = { run(task: unknown): Promise<unknown>; destroy(): Promise<void> };

/**
 * One pool per thread count, so that concurrent calls with different `threads` never stop
 * each other's workers; `inFlight` counts the tasks running on all pools.
 */
const pools = new Map<number, Promise<PiscinaLike>>();
let inFlight = 0;
let drained: Array<() => void> = [];

/** Modules a worker can load at start-up, before its first task (see worker.ts). */
export type Preload = 'sro';

/** True if `threads` threads means worker threads here (Node and threads > 1), false: in this thread. */
export function usesWorkers(threads: number): boolean {
  return threads > 1 && isNode;
}

function workerUrl(): URL {
  // Running from TypeScript sources (vitest): use the compiled worker in dist/.
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/parallel/worker.js', import.meta.url)
    : new URL('./worker.js', import.meta.url);
}

function getPool(threads: number, preload: Preload[] = []): Promise<PiscinaLike> {
  let p = pools.get(threads);
  if (!p) {
    // '#piscina': Piscina in Node, a stub under the "browser" condition (package.json "imports").
    p = import('#piscina').then(
      ({ Piscina }) =>
        new Piscina({
          filename: workerUrl().href,
          minThreads: threads,
          maxThreads: threads,
          idleTimeout: 1000,
          workerData: { preload },
        }) as unknown as PiscinaLike,
    );
    pools.set(threads, p);
    p.catch(() => pools.delete(threads));
  }
  return p;
}

/**
 * Start the worker threads now (no-op in this thread's mode or if they run already), so that
 * they boot and load `preload` while this thread prepares the first tasks.
 */
export async function startPool(threads: number, preload: Preload[] = []): Promise<void> {
  checkThreads(threads);
  if (usesWorkers(threads)) await getPool(threads, preload);
}

/**
 * Run tasks on `threads` worker threads (Piscina), or in this thread when threads = 1 or
 * workers are unavailable (a browser). Results come back in task order.
 */
export async function runTasks(tasks: Task[], threads: number, onDone?: (done: number) => void): Promise<Float64Array[]> {
  checkThreads(threads);
  let done = 0;
  const tick = <T>(r: T): T => {
    onDone?.(++done);
    return r;
  };
  inFlight++;
  try {
    if (!usesWorkers(threads)) {
      const out: Float64Array[] = [];
      for (const t of tasks) out.push(tick(await runTask(t)));
      return out;
    }
    const p = await getPool(threads);
    return await Promise.all(tasks.map((t) => p.run(t).then((r) => tick(r as Float64Array))));
  } finally {
    if (--inFlight === 0) {
      const waiting = drained;
      drained = [];
      for (const resolve of waiting) resolve();
    }
  }
}

/**
 * Stop the worker threads (so that a process can exit). Batches of tasks still running, from
 * this or a concurrent call, finish first; a later call starts the threads again.
 */
export async function closePool(): Promise<void> {
  while (inFlight > 0) await new Promise<void>((resolve) => drained.push(resolve));
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map(async (p) => (await p.catch(() => undefined))?.destroy()));
}
