import { runTask, type Task } from './tasks.js';

const isNode = typeof process !== 'undefined' && !!process.versions?.node;

/** The default thread count: the number of cores (1 outside Node: a browser runs in its own thread). */
export function defaultThreads(): number {
  if (!isNode) return 1;
  const os = process.getBuiltinModule?.('node:os') as typeof import('node:os') | undefined;
  return os ? os.availableParallelism() : 1;
}

type PiscinaLike = { run(task: unknown): Promise<unknown>; destroy(): Promise<void> };
let pool: PiscinaLike | undefined;
let poolThreads = 0;

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

async function getPool(threads: number, preload: Preload[] = []): Promise<PiscinaLike> {
  if (pool && poolThreads === threads) return pool;
  if (pool) await pool.destroy();
  // '#piscina': Piscina in Node, a stub under the "browser" condition (package.json "imports").
  const { Piscina } = await import('#piscina');
  pool = new Piscina({
    filename: workerUrl().href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    workerData: { preload },
  }) as unknown as PiscinaLike;
  poolThreads = threads;
  return pool;
}

/**
 * Start the worker threads now (no-op in this thread's mode or if they run already), so that
 * they boot and load `preload` while this thread prepares the first tasks.
 */
export async function startPool(threads: number, preload: Preload[] = []): Promise<void> {
  if (usesWorkers(threads)) await getPool(threads, preload);
}

/**
 * Run tasks on `threads` worker threads (Piscina), or in this thread when threads = 1 or
 * workers are unavailable (a browser). Results come back in task order.
 */
export async function runTasks(tasks: Task[], threads: number, onDone?: (done: number) => void): Promise<Float64Array[]> {
  let done = 0;
  const tick = <T>(r: T): T => {
    onDone?.(++done);
    return r;
  };
  if (!usesWorkers(threads)) {
    const out: Float64Array[] = [];
    for (const t of tasks) out.push(tick(await runTask(t)));
    return out;
  }
  const p = await getPool(threads);
  return Promise.all(tasks.map((t) => p.run(t).then((r) => tick(r as Float64Array))));
}

/** Stop the worker threads (so a CLI process can exit). */
export async function closePool(): Promise<void> {
  if (pool) await pool.destroy();
  pool = undefined;
  poolThreads = 0;
}
