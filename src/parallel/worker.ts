// Piscina worker: instantiates the WASM kernels once per thread (lazily, on the first task)
// and runs plain-data tasks. Compiled to dist/parallel/worker.js (Piscina cannot load .ts).
// A pool started for SRO sweeps (startPool(threads, ['sro'])) loads the SRO modules at boot,
// while the main thread is still computing the lattice sums and the shared constraint table.
import { workerData } from 'piscina';
import { preloadSro, runTask, type Task } from './tasks.js';

if ((workerData as { preload?: string[] } | undefined)?.preload?.includes('sro')) await preloadSro();

export default function work(task: Task): Promise<Float64Array> {
  return runTask(task);
}
