import { mcKernel, type McSetup } from '../kernels/mcKernel.js';
import { supercellSetup } from './supercell.js';

/** One replica handed to a thread: its Gamma, configuration (1 = Z2) and kernel generator state. */
export interface ReplicaState {
  gamma: number;
  sites: Uint8Array;
  rng: Int32Array;
}

/**
 * A chunk of replicas to advance by `sweeps` sweeps each (plain data: a worker task). Each
 * replica evolves only from its own state, so the result does not depend on how replicas are
 * grouped into chunks or on which thread runs them.
 */
export interface McReplicasTask {
  kind: 'mcReplicas';
  L: number;
  couplings: number[];
  measureShells: number;
  sweeps: number;
  measureEvery: number;
  replicas: ReplicaState[];
}

// Tables per supercell, built once per thread (the k-grid shell table costs ~N x 868 cosines).
const setups = new Map<string, McSetup>();

/** Words per replica in the packed result: accepted, energy, sites (N), rng (4), series. */
export function packedSize(N: number, sweeps: number, stride: number): number {
  return 2 + N + 4 + sweeps * stride;
}

/**
 * Run a chunk in this thread (the worker entry and the in-thread path both call this).
 * Returns, per replica in order: [accepted, energy, sites..., rng..., series...].
 */
export function runReplicaTask(task: McReplicasTask): Float64Array {
  const key = `${task.L}:${task.couplings.join(',')}:${task.measureShells}`;
  let setup = setups.get(key);
  if (!setup) setups.set(key, (setup = supercellSetup(task.L, task.couplings, task.measureShells)));
  const kernel = mcKernel(setup, task.sweeps);
  const N = kernel.N;
  const size = packedSize(N, task.sweeps, kernel.stride);
  const out = new Float64Array(size * task.replicas.length);
  task.replicas.forEach((r, j) => {
    kernel.load(r.sites, r.rng);
    const accepted = kernel.sweeps(r.gamma, task.sweeps, task.measureEvery);
    const base = j * size;
    out[base] = accepted;
    out[base + 1] = kernel.energy();
    out.set(kernel.sites(), base + 2);
    out.set(kernel.rng(), base + 2 + N);
    out.set(kernel.series(task.sweeps), base + 6 + N);
  });
  return out;
}
