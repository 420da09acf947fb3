/*
 * Continued sampling of the replicas that have not converged (docs/physics.md section 12).
 * At a first-order ordering transition the energy of a cell jumps by N du ~ 1 (units of
 * 1/Gamma) inside a finite-size rounding narrower than one ladder step, so one or two replicas
 * sit inside it. Swaps only move configurations along the ladder; the number of ordered
 * configurations changes only when one of those replicas nucleates or melts, which takes
 * thousands of sweeps. Those replicas show it as a drift of their mean energy, and are sampled
 * longer here: each, with WINDOW neighbours on either side to swap with, continues from where
 * the production left it, round r adding 2^(r-1) times the production's sweeps, until no
 * replica drifts by more than MAX_DRIFT_Z or MAX_EXTENSIONS rounds are done. This is a valid
 * Markov chain for every replica (any sub-ladder of a replica exchange keeps the product of
 * the Boltzmann distributions), and its series simply continues the production's.
 */
import { slotAverages, type SlotAverages } from './analysis.js';
import { replicaExchange, type ReplicaExchangeOptions, type ReplicaExchangeResult, type SlotSeries } from './replicaExchange.js';
import { streamOf } from './rng.js';

/** Largest equilibration drift |z| (analysis.ts) a replica may keep: beyond it, it is sampled longer; the run's check. */
export const MAX_DRIFT_Z = 5;
/** Rounds of continued sampling at most (together up to 2^MAX_EXTENSIONS - 1 times the production's sweeps). */
export const MAX_EXTENSIONS = 3;
/** Ladder neighbours on each side of a drifting replica continued with it. */
export const WINDOW = 2;

/** One round of continued sampling: the Gammas continued, the sweeps added, the drifts that asked for it. */
export interface SamplingExtension {
  round: number;
  gammas: number[];
  sweeps: number;
  drifting: Array<{ gamma: number; driftZ: number }>;
}

/** What {@link extendDrifting} needs: the production, its settings, and how its averages are formed. */
export interface ExtendOptions {
  common: Pick<ReplicaExchangeOptions, 'L' | 'couplings' | 'measureShells' | 'threads' | 'sweepsPerRound'>;
  ladder: number[];
  production: ReplicaExchangeResult;
  /** The production's sweeps (round r adds 2^(r-1) times this). */
  sweeps: number;
  measureEvery: number;
  seed: number;
  energyOffset: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** Slots and their averages after continued sampling, swap counts pooled, and what was run. */
export interface ExtendResult {
  slots: SlotSeries[];
  averages: SlotAverages[];
  swapTried: number[];
  swapAccepted: number[];
  extensions: SamplingExtension[];
  attemptedMoves: number;
}

/**
 * Sample the drifting replicas longer (see the file comment). Deterministic for a seed: the
 * kernels continue their own generators, the swaps of round r draw from stream 50 + r.
 *
 * @example const e = await extendDrifting(o); e.extensions.length // 0 when every replica had converged
 */
export async function extendDrifting(o: ExtendOptions): Promise<ExtendResult> {
  const N = 2 * o.common.L ** 3;
  const slots = [...o.production.slots];
  const sites = [...o.production.sites], rngs = [...o.production.rngs];
  const swapTried = [...o.production.swapTried], swapAccepted = [...o.production.swapAccepted];
  const averages = slots.map((s) => slotAverages(s, N, o.common.L, o.energyOffset));
  const extensions: SamplingExtension[] = [];
  let moves = 0;
  for (let round = 1; round <= MAX_EXTENSIONS; round++) {
    const drifting = averages.flatMap((a, j) => (Math.abs(a.driftZ) > MAX_DRIFT_Z ? [j] : []));
    if (drifting.length === 0) break;
    const before = drifting.map((j) => ({ gamma: o.ladder[j], driftZ: averages[j].driftZ }));
    const window = o.ladder.map((_, j) => j).filter((j) => drifting.some((d) => Math.abs(d - j) <= WINDOW));
    const sweeps = o.sweeps * 2 ** (round - 1);
    const ext = await replicaExchange({
      ...o.common, gammas: window.map((j) => o.ladder[j]), sites: window.map((j) => sites[j]), rngs: window.map((j) => rngs[j]),
      sweeps, measureEvery: o.measureEvery, swapRng: streamOf(o.seed, 50 + round),
      onRound: (d, t) => o.onProgress?.(`extension ${round} (${window.length} replicas)`, d, t),
    });
    window.forEach((j, a) => {
      slots[j] = concatSeries(slots[j], ext.slots[a]);
      [sites[j], rngs[j]] = [ext.sites[a], ext.rngs[a]];
      averages[j] = slotAverages(slots[j], N, o.common.L, o.energyOffset);
      if (a + 1 < window.length && window[a + 1] === j + 1) [swapTried[j], swapAccepted[j]] = [swapTried[j] + ext.swapTried[a], swapAccepted[j] + ext.swapAccepted[a]];
    });
    moves += window.length * sweeps * N;
    extensions.push({ round, gammas: window.map((j) => o.ladder[j]), sweeps, drifting: before });
  }
  return { slots, averages, swapTried, swapAccepted, extensions, attemptedMoves: moves };
}

/** A slot's series followed by its continuation (structure records re-indexed by sweep). */
export function concatSeries(a: SlotSeries, b: SlotSeries): SlotSeries {
  const join = (p: Float64Array, q: Float64Array): Float64Array => {
    const out = new Float64Array(p.length + q.length);
    out.set(p);
    out.set(q, p.length);
    return out;
  };
  const n = a.energy.length;
  return {
    gamma: a.gamma, energy: join(a.energy, b.energy), diff: join(a.diff, b.diff),
    structSweep: [...a.structSweep, ...b.structSweep.map((t) => t + n)], sMax: [...a.sMax, ...b.sMax],
    kStar: [...a.kStar, ...b.kStar], alpha: [...a.alpha, ...b.alpha],
    attempted: a.attempted + b.attempted, accepted: a.accepted + b.accepted,
  };
}
