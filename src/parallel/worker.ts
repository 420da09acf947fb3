// Piscina worker: instantiates the WASM kernels once per thread (lazily, on the first task)
// and runs plain-data tasks. Compiled to dist/parallel/worker.js (Piscina cannot load .ts).
import { runTask, type Task } from './tasks.js';

export default function work(task: Task): Promise<Float64Array> {
  return runTask(task);
}
