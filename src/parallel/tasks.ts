import { latticeKernel, type LatticeKernelOptions } from '../kernels/latticeKernel.js';
import { gaussLegendre01 } from '../brillouin/gaussLegendre.js';

/** A shard of the wedge quadrature: Gauss orders and a range of flattened points. */
export interface WedgeSumsTask {
  kind: 'wedgeSums';
  kernel: Omit<LatticeKernelOptions, 'backend'>;
  orders: [number, number, number];
  first: number;
  last: number;
}

/** Shell cosine sums for a block of wave vectors (3 doubles each). */
export interface ShellCosineTask {
  kind: 'shellCosines';
  shells: number;
  points: Float64Array;
}

/** Every task a worker (or the main thread, without workers) can run; plain data in, plain data out. */
export type Task = WedgeSumsTask | ShellCosineTask;

const rules = new Map<number, Float64Array>();
function rule(n: number): Float64Array {
  let r = rules.get(n);
  if (!r) rules.set(n, (r = gaussLegendre01(n)));
  return r;
}

/** Run one task in this thread (the worker entry and the in-thread fallback both call this). */
export async function runTask(task: Task): Promise<Float64Array> {
  switch (task.kind) {
    case 'wedgeSums': {
      const k = latticeKernel(task.kernel);
      const [nt, nu, nv] = task.orders;
      return k.wedgeSums({ t: rule(nt), u: rule(nu), v: rule(nv) }, task.first, task.last);
    }
    case 'shellCosines':
      return latticeKernel({ shells: task.shells }).shellCosineTable(task.points);
    default:
      throw new Error(`unknown task ${(task as { kind: string }).kind}`);
  }
}
