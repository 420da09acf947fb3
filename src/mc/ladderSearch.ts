import { UncertifiedError } from '../errors.js';
import { adaptLadder, uniformLadder } from './ladder.js';
import { refineLadder } from './ladderRefine.js';
import { replicaExchange, type ReplicaExchangeOptions, type SlotSeries } from './replicaExchange.js';
import { streamOf } from './rng.js';
import { mean, variance } from './statistics.js';
import { longRangeOrderFrom, type ColdStartRule } from './orderedStart.js';

/** Swap acceptance every ladder pair must reach in a refinement trial. */
export const REFINE_THRESHOLD = 0.15;
/**
 * Trials at most (each splits every pair below the threshold; the last one runs the whole ladder).
 * A cost cap, not a check (production still needs >= 0.05 on every pair). With ~120 pairs of 32
 * counted attempts per trial, a trial on L = 16 often found a pair or two below 0.15 by chance
 * (17 trials before the counts of a kept pair were pooled over trials).
 */
export const MAX_REFINE_STEPS = 16;
/** Replicas at most, unless the caller sets its own cap. */
export const DEFAULT_MAX_REPLICAS = 320;
/** Points of the pilot's uniform ladder (whose configurations start the search). */
export const PILOT_POINTS = 16;
/** Sweeps between swap attempts in a trial (each pair is tried every other round). */
const TRIAL_SWEEPS_PER_ROUND = 2;

/** What the search needs beyond the replica-exchange settings shared with the production. */
export interface LadderSearchOptions {
  common: Pick<ReplicaExchangeOptions, 'L' | 'couplings' | 'measureShells' | 'threads' | 'sweepsPerRound'>;
  gammaMax: number;
  seed: number;
  /** Starting configuration (copied to every pilot slot). */
  initial: (j: number) => Uint8Array;
  pilotSweeps: number;
  /** Sweeps of each refinement trial (swaps every 2 sweeps: trialSweeps/8 counted attempts per pair). */
  trialSweeps: number;
  ladderStep: number;
  extraGammas: number[];
  maxReplicas: number;
  /**
   * An ordered arrangement (orderedStart.ts): the pilot then measures S(k) every measureEvery
   * sweeps (no generator draws: the same moves), and the ladder points on the ordered side
   * (longRangeOrderFrom) start from it instead of the pilot's configurations.
   */
  ordered?: { sites: Uint8Array; measureEvery: number };
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** The ladder, the configurations the production starts from, and how it was found. */
export interface LadderSearchResult {
  ladder: number[];
  sites: Uint8Array[];
  /** Refinement trials run, their sweeps, and replicas after each (the first: after the sigma_E ladder). */
  trials: number;
  trialSweeps: number;
  replicasPerTrial: number[];
  /** Lowest pair acceptance of the last trial. */
  trialMinAcceptance: number;
  attemptedMoves: number;
  /** The ordered-side rule applied (undefined without `ordered`) and how many ladder points started ordered. */
  coldStart?: ColdStartRule;
  coldReplicas: number;
}

/**
 * Build the production ladder (docs/physics.md section 12): a pilot on a uniform 16-point
 * ladder measures sigma_E(Gamma), adaptLadder spaces points at equal dGamma sigma_E, then short
 * trials (swap attempts every 2 sweeps) measure every pair's acceptance and refineLadder splits
 * those below REFINE_THRESHOLD (counting the second half of each trial's swaps, pooled over the
 * trials in which the pair existed unchanged), until none is left; after a trial of the whole
 * ladder only the slots near inserted points run again, and a last trial of the whole ladder
 * confirms the result. Every decision uses only seeded results,
 * so the ladder is the same for any thread count. Throws UncertifiedError if that needs more
 * than maxReplicas points or MAX_REFINE_STEPS trials.
 *
 * @example const { ladder } = await searchLadder(o); // 0 ... gammaMax, every pair swapping >= 15% in its last trial
 */
export async function searchLadder(o: LadderSearchOptions): Promise<LadderSearchResult> {
  const N = 2 * o.common.L ** 3;
  let moves = 0;
  const pilotLadder = uniformLadder(o.gammaMax, PILOT_POINTS);
  const pilot = await replicaExchange({
    ...o.common, gammas: pilotLadder, sites: pilotLadder.map((_, j) => o.initial(j)),
    rngs: pilotLadder.map((_, j) => streamOf(o.seed, 100 + j).kernelState()),
    sweeps: o.pilotSweeps, measureEvery: o.ordered?.measureEvery ?? 0, swapRng: streamOf(o.seed, 1),
    onRound: (d, t) => o.onProgress?.('pilot', d, t),
  });
  moves += pilot.slots.reduce((s, q) => s + q.attempted, 0);
  const sigma = pilot.slots.map((s) => Math.sqrt(variance(s.energy.subarray(s.energy.length >> 1))));
  let ladder = adaptLadder(pilotLadder, sigma, o.ladderStep, o.extraGammas);
  let sites: Uint8Array[] = ladder.map((g) => Uint8Array.from(pilot.sites[nearestIndex(pilotLadder, g)]));
  const coldStart = o.ordered ? orderedSide(pilotLadder, pilot.slots, N) : undefined;
  const coldReplicas = coldStart ? ladder.filter((g) => g >= coldStart.gammaFrom).length : 0;
  for (let j = 0; coldStart && j < ladder.length; j++) if (ladder[j] >= coldStart.gammaFrom) sites[j] = Uint8Array.from(o.ordered!.sites);
  const replicasPerTrial: number[] = [];
  // Slots run in the next trial: all at first, then only those within 2 of an inserted point
  // (the other pairs already passed). Pairs adjacent in a subset but not in the ladder still
  // swap (a valid exchange between any two Gammas); only true neighbours are judged.
  let active = ladder.map((_, j) => j);
  let tried = new Array<number>(ladder.length - 1).fill(0), accepted = [...tried];
  for (let step = 0; ; step++) {
    if (ladder.length > o.maxReplicas) {
      throw new UncertifiedError(`mc: the replica ladder needs more than ${o.maxReplicas} replicas for every neighbour pair to swap in >= ${REFINE_THRESHOLD * 100}% of attempts (L = ${o.common.L}); use a smaller L or gamma-max`);
    }
    replicasPerTrial.push(ladder.length);
    const trial = await replicaExchange({
      ...o.common, sweepsPerRound: TRIAL_SWEEPS_PER_ROUND, gammas: active.map((j) => ladder[j]), sites: active.map((j) => sites[j]),
      rngs: active.map((j) => streamOf(o.seed, 10_000 * (step + 1) + j).kernelState()),
      sweeps: o.trialSweeps, measureEvery: 0, swapRng: streamOf(o.seed, 3 + step),
      swapStatsFrom: Math.ceil(o.trialSweeps / TRIAL_SWEEPS_PER_ROUND / 2), // the first half equilibrates
      onRound: (d, t) => o.onProgress?.(`ladder ${step + 1} (${ladder.length} replicas, ${active.length} run)`, d, t),
    });
    moves += active.length * o.trialSweeps * N;
    active.forEach((j, a) => {
      sites[j] = trial.sites[a];
      // Pooled: a pair kept from earlier trials adds this trial's counted attempts to its own.
      if (a + 1 < active.length && active[a + 1] === j + 1) [tried[j], accepted[j]] = [tried[j] + trial.swapTried[a], accepted[j] + trial.swapAccepted[a]];
    });
    const plan = refineLadder(ladder, accepted, tried, REFINE_THRESHOLD);
    const verified = active.length === ladder.length;
    if (plan.split.length === 0 && !verified) {
      active = ladder.map((_, j) => j); // a last trial of the whole ladder confirms every pair
      continue;
    }
    if (plan.split.length === 0) {
      const minAcc = Math.min(...accepted.map((a, j) => a / tried[j]));
      return { ladder, sites, trials: step + 1, trialSweeps: o.trialSweeps, replicasPerTrial, trialMinAcceptance: minAcc, attemptedMoves: moves, coldStart, coldReplicas };
    }
    if (step + 1 >= MAX_REFINE_STEPS) {
      const worst = plan.split.map((j) => `${ladder[j].toFixed(1)}-${ladder[j + 1].toFixed(1)}`).join(', ');
      throw new UncertifiedError(`mc: the replica ladder did not reach >= ${REFINE_THRESHOLD * 100}% swap acceptance in ${MAX_REFINE_STEPS} refinements (L = ${o.common.L}; pairs Gamma ${worst}); use a smaller L or more sweeps`);
    }
    // Carry the measured pairs over to the new indices; new points run with 2 neighbours each side.
    const { oldIndex } = plan;
    const fresh = oldIndex.flatMap((j, k) => (j < 0 ? [k] : []));
    const nextTried = new Array<number>(plan.ladder.length - 1).fill(0), nextAccepted = [...nextTried];
    for (let k = 0; k + 1 < plan.ladder.length; k++) {
      if (oldIndex[k] >= 0 && oldIndex[k + 1] === oldIndex[k] + 1) [nextTried[k], nextAccepted[k]] = [tried[oldIndex[k]], accepted[oldIndex[k]]];
    }
    active = plan.ladder.map((_, k) => k).filter((k) => fresh.some((f) => Math.abs(f - k) <= 2));
    sites = plan.source.map((j) => Uint8Array.from(sites[j]));
    ladder = plan.ladder;
    [tried, accepted] = [nextTried, nextAccepted];
  }
}

function nearestIndex(gammas: readonly number[], g: number): number {
  let best = 0;
  for (let j = 1; j < gammas.length; j++) if (Math.abs(gammas[j] - g) < Math.abs(gammas[best] - g)) best = j;
  return best;
}

/** The cold-start rule from the pilot's series (second halves). */
function orderedSide(gammas: number[], slots: SlotSeries[], N: number): ColdStartRule {
  const half = (a: ArrayLike<number>): number => mean(Array.prototype.slice.call(a, a.length >> 1) as number[]);
  return longRangeOrderFrom(gammas, slots.map((s) => half(s.sMax)), slots.map((s) => half(s.energy) / N), N);
}
