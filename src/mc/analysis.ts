import type { SlotSeries } from './replicaExchange.js';
import { binderCumulant, blockingError, jackknifeError } from './statistics.js';
import { wedgeVector } from './wedgeK.js';

/** Averages of one Gamma slot after the discarded equilibration part. */
export interface SlotAverages {
  gamma: number;
  /** Energy per ion (U_1, linear mixing subtracted) and its standard error; its variance times N. */
  u: number;
  uError: number;
  uTau: number;
  nVarU: number;
  alpha: number[];
  alphaError: number[];
  /** B2 order parameter eta = |N2(A) - N2(B)|/(N/2), its error and Binder cumulant. */
  b2: number;
  b2Error: number;
  binder: number;
  /** Largest S(k) over k != 0, error, Binder cumulant of it, most frequent k* in the wedge. */
  sMax: number;
  sMaxError: number;
  sMaxBinder: number;
  kStar: [number, number, number];
  /** Mean of u over the second quarter minus over the second half, in units of their error. */
  driftZ: number;
  acceptance: number;
}

/** Fraction of each slot's sweeps discarded as equilibration (the first quarter). */
export const BURN_IN = 0.25;

/**
 * Slot averages: the first BURN_IN of the sweeps are dropped, errors by blocking (energy and
 * eta every sweep, alpha_i and S_max every measurement), Binder cumulants from the kept series.
 * `energyOffset` turns the kernel's total energy E into u = offset + E/N.
 */
export function slotAverages(slot: SlotSeries, N: number, L: number, energyOffset: number): SlotAverages {
  const total = slot.energy.length;
  const start = Math.floor(BURN_IN * total);
  const u = slot.energy.subarray(start).map((e) => energyOffset + e / N);
  const eu = blockingError(u);
  let v = 0;
  for (const q of u) v += (q - eu.mean) ** 2;
  const eta = slot.diff.subarray(start).map((d) => Math.abs(d) / (N / 2));
  const eEta = blockingError(eta);
  const keep = slot.structSweep.map((t, i) => (t >= start ? i : -1)).filter((i) => i >= 0);
  const shells = slot.alpha[0]?.length ?? 0;
  const alpha: number[] = [], alphaError: number[] = [];
  for (let i = 0; i < shells; i++) {
    const e = blockingError(keep.map((r) => slot.alpha[r][i]));
    alpha.push(e.mean);
    alphaError.push(e.error);
  }
  const sMax = keep.map((r) => slot.sMax[r]);
  const eS = blockingError(sMax);
  const counts = new Map<number, number>();
  for (const r of keep) counts.set(slot.kStar[r], (counts.get(slot.kStar[r]) ?? 0) + 1);
  let mode = 0, modeCount = -1;
  for (const [k, c] of counts) if (c > modeCount || (c === modeCount && k < mode)) [mode, modeCount] = [k, c];
  const q2 = blockingError(slot.energy.subarray(start, start + Math.floor((total - start) / 3)).map((e) => e / N));
  const h2 = blockingError(slot.energy.subarray(total - Math.floor((total - start) * 2 / 3)).map((e) => e / N));
  const dz = Math.hypot(q2.error, h2.error);
  return {
    gamma: slot.gamma, u: eu.mean, uError: eu.error, uTau: eu.tau, nVarU: (N * v) / Math.max(1, u.length - 1),
    alpha, alphaError, b2: eEta.mean, b2Error: eEta.error, binder: binderCumulant(eta),
    sMax: eS.mean, sMaxError: eS.error,
    sMaxBinder: 1 - sMax.reduce((s, q) => s + q * q, 0) / sMax.length / (3 * eS.mean ** 2),
    kStar: wedgeVector(mode, L),
    driftZ: dz > 0 ? (q2.mean - h2.mean) / dz : 0,
    acceptance: slot.attempted > 0 ? slot.accepted / slot.attempted : 0,
  };
}

/** Jackknife error of the B2 Binder cumulant of a slot (for finite-size crossings). */
export function binderError(slot: SlotSeries, N: number): number {
  const start = Math.floor(BURN_IN * slot.diff.length);
  const eta = slot.diff.subarray(start).map((d) => Math.abs(d) / (N / 2));
  return jackknifeError(eta, binderCumulant, 16);
}
