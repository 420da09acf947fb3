import { runTasks } from '../parallel/pool.js';
import type { Task } from '../parallel/tasks.js';
import { packedSize, type McReplicasTask, type ReplicaState } from './replicaTask.js';
import type { SplitMix32 } from './rng.js';

/** Inputs of one replica-exchange run over a fixed Gamma ladder. */
export interface ReplicaExchangeOptions {
  L: number;
  couplings: number[];
  measureShells: number;
  /** The ladder, ascending; slot j holds Gamma_j. */
  gammas: number[];
  /** Starting configuration and kernel generator state per slot (consumed). */
  sites: Uint8Array[];
  rngs: Int32Array[];
  sweeps: number;
  /** Sweeps between swap attempts. */
  sweepsPerRound: number;
  /** Structure measurement every this many sweeps (0: none); divides sweepsPerRound. */
  measureEvery: number;
  /** The generator of the swap decisions. */
  swapRng: SplitMix32;
  /** Swap statistics count from this round on (earlier rounds still swap); default 0. */
  swapStatsFrom?: number;
  threads: number;
  onRound?: (done: number, total: number) => void;
}

/** What one Gamma slot saw, sweep by sweep. */
export interface SlotSeries {
  gamma: number;
  /** Total interaction energy (U_1 units, whole cell) after every sweep. */
  energy: Float64Array;
  /** N2(A) - N2(B) after every sweep. */
  diff: Float64Array;
  /** Structure records (every measureEvery sweeps): sweep index, S_max, k* and alpha_1..alpha_m. */
  structSweep: number[];
  sMax: number[];
  kStar: number[];
  alpha: Float64Array[];
  attempted: number;
  accepted: number;
}

export interface ReplicaExchangeResult {
  slots: SlotSeries[];
  /** Swap attempts and acceptances between slots j and j + 1. */
  swapTried: number[];
  swapAccepted: number[];
  /** Final configurations and generator states per slot (to continue a run). */
  sites: Uint8Array[];
  rngs: Int32Array[];
}

/**
 * Parallel tempering in Gamma (docs/physics.md section 12): every round each slot runs
 * sweepsPerRound Metropolis sweeps of its own configuration (slots grouped into tasks for the
 * worker pool), then neighbouring slots j, j + 1 (even j on even rounds, odd j on odd rounds)
 * swap configurations with probability min(1, exp((Gamma_j - Gamma_{j+1})(E_j - E_{j+1}))).
 * Every slot keeps its own kernel generator and the swaps draw from one generator in this
 * thread, so the result is identical for any thread count.
 */
export async function replicaExchange(o: ReplicaExchangeOptions): Promise<ReplicaExchangeResult> {
  const R = o.gammas.length;
  const N = 2 * o.L ** 3;
  const stride = 4 + o.measureShells;
  const slots: SlotSeries[] = o.gammas.map((gamma) => ({
    gamma, energy: new Float64Array(o.sweeps), diff: new Float64Array(o.sweeps),
    structSweep: [], sMax: [], kStar: [], alpha: [], attempted: 0, accepted: 0,
  }));
  const sites = o.sites.map((s) => Uint8Array.from(s));
  const rngs = o.rngs.map((r) => Int32Array.from(r));
  const energies = new Float64Array(R);
  const swapTried = new Array<number>(Math.max(0, R - 1)).fill(0);
  const swapAccepted = new Array<number>(Math.max(0, R - 1)).fill(0);
  const rounds = Math.ceil(o.sweeps / o.sweepsPerRound);
  const chunks = o.threads > 1 ? Math.min(R, 2 * o.threads) : 1;
  for (let round = 0, done = 0; round < rounds; round++) {
    const sweeps = Math.min(o.sweepsPerRound, o.sweeps - done);
    const groups: number[][] = Array.from({ length: chunks }, () => []);
    for (let j = 0; j < R; j++) groups[j % chunks].push(j); // interleaved: cheap high-Gamma slots spread out
    const tasks: McReplicasTask[] = groups.map((g) => ({
      kind: 'mcReplicas', L: o.L, couplings: o.couplings, measureShells: o.measureShells, sweeps,
      measureEvery: o.measureEvery,
      replicas: g.map((j): ReplicaState => ({ gamma: o.gammas[j], sites: sites[j], rng: rngs[j] })),
    }));
    const results = await runTasks(tasks as unknown as Task[], o.threads);
    const size = packedSize(N, sweeps, stride);
    groups.forEach((g, c) => {
      const r = results[c];
      g.forEach((j, idx) => unpackSlot(r, idx * size, N, sweeps, stride, done, slots[j], sites, rngs, energies, j));
    });
    done += sweeps;
    const count = round >= (o.swapStatsFrom ?? 0) ? 1 : 0;
    for (let j = round % 2; j + 1 < R; j += 2) {
      swapTried[j] += count;
      const arg = (o.gammas[j] - o.gammas[j + 1]) * (energies[j] - energies[j + 1]);
      if (arg >= 0 || o.swapRng.uniform() < Math.exp(arg)) {
        swapAccepted[j] += count;
        [sites[j], sites[j + 1]] = [sites[j + 1], sites[j]];
        [energies[j], energies[j + 1]] = [energies[j + 1], energies[j]];
      }
    }
    o.onRound?.(round + 1, rounds);
  }
  return { slots, swapTried, swapAccepted, sites, rngs };
}

function unpackSlot(
  r: Float64Array, base: number, N: number, sweeps: number, stride: number, offset: number,
  slot: SlotSeries, sites: Uint8Array[], rngs: Int32Array[], energies: Float64Array, j: number,
): void {
  slot.accepted += r[base];
  slot.attempted += N * sweeps;
  energies[j] = r[base + 1];
  for (let i = 0; i < N; i++) sites[j][i] = r[base + 2 + i];
  for (let i = 0; i < 4; i++) rngs[j][i] = r[base + 2 + N + i];
  const s0 = base + 6 + N;
  for (let t = 0; t < sweeps; t++) {
    const rec = s0 + t * stride;
    slot.energy[offset + t] = r[rec];
    slot.diff[offset + t] = r[rec + 1];
    if (r[rec + 2] >= 0) {
      slot.structSweep.push(offset + t);
      slot.sMax.push(r[rec + 2]);
      slot.kStar.push(r[rec + 3]);
      slot.alpha.push(r.slice(rec + 4, rec + stride));
    }
  }
}
