import { DomainError } from '../errors.js';
import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { bccShells } from '../lattice/bccShells.js';
import { validateMixture, type Mixture } from '../mixture/composition.js';
import { randomEnergy } from '../mixture/electrostatic.js';
import { startPool } from '../parallel/pool.js';
import { defaultThreads } from '../parallel/pool.js';
import { binderError, type SlotAverages } from './analysis.js';
import { DEFAULT_MAX_REPLICAS, PILOT_POINTS, searchLadder, type LadderSearchResult } from './ladderSearch.js';
import { replicaExchange } from './replicaExchange.js';
import { streamOf } from './rng.js';
import { L_MAX, L_MIN, MEASURED_SHELLS, paperCouplings, randomSites, supercellSetup } from './supercell.js';
import { integrateFreeEnergy, supercellEntropy } from './thermoIntegration.js';
import { orderedStart } from './orderedStart.js';
import { extendDrifting, type SamplingExtension } from './extendSampling.js';

/** Options of {@link latticeMonteCarlo}. */
export interface LatticeMonteCarloOptions {
  z1?: number;
  z2?: number;
  x: number;
  /** Top of the Gamma ladder (Gamma = Gamma_1), default 800; the ladder starts at 0. */
  gammaMax?: number;
  /** Supercell edge in cubic cells (N = 2 L^3), default 12. */
  L?: number;
  /** Coupled shells n of the paper's Hamiltonian (1..30), default 8. Ignored with `couplings`. */
  shells?: number;
  /** Couplings J_1..J_n in U_1 units replacing the paper's (model checks). */
  couplings?: number[];
  /** Production sweeps per replica (N attempted exchanges each), default 1000; the pilot adds a quarter. */
  sweeps?: number;
  seed?: number;
  threads?: number;
  /** Gammas that must be on the ladder (e.g. where free energies are wanted). */
  extraGammas?: number[];
  /** Target dGamma sigma_E between neighbours (about 0.4-0.5 swap acceptance at 1.2). */
  ladderStep?: number;
  /** A fixed ladder instead of the adaptive one (must start at 0; no pilot, no refinement). */
  ladder?: number[];
  /** Cap on the replicas of the refined ladder (default 320); more needed: UncertifiedError. */
  maxReplicas?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** One Gamma of the result. */
export interface LatticeMonteCarloRow extends SlotAverages {
  f: number;
  fError: number;
  fQuadError: number;
  fStatError: number;
  s: number;
  sError: number;
  binderError: number;
}

export interface LatticeMonteCarloResult {
  z1: number;
  z2: number;
  x: number;
  /** The supercell's composition N2/N (x rounded to whole ions). */
  xCell: number;
  L: number;
  N: number;
  shells: number;
  couplings: number[];
  paperHamiltonian: boolean;
  seed: number;
  sweeps: number;
  pilotSweeps: number;
  ladder: number[];
  /** Ladder-refinement trials, sweeps each, and replicas in each (0, 0, [] for a fixed ladder). */
  ladderTrials: number;
  trialSweeps: number;
  replicasPerTrial: number[];
  /** Swap acceptance between ladder neighbours j, j + 1 (production and continued sampling). */
  swapAcceptance: number[];
  /** Rounds of continued sampling of drifting replicas (extendSampling.ts); empty when none drifted. */
  extensions: SamplingExtension[];
  /** u at Gamma = 0 with its error, u at alpha_i = x^2 (c0), and the entropy s_0 = ln C(N, N2)/N. */
  u0: number;
  u0Error: number;
  uRandomCell: number;
  s0: number;
  /** Rows for every ladder Gamma > 0. */
  rows: LatticeMonteCarloRow[];
  /** The ordered (cold) start: see {@link OrderedStartSummary}. */
  ordered: OrderedStartSummary;
  /** Largest |driftZ| over the slots (equilibration check). */
  maxDriftZ: number;
  attemptedMoves: number;
  seconds: number;
}

/**
 * The ordered arrangement of lowest energy (orderedStart.ts), its u (U_1 per ion, offset as the
 * rows), and where it was used: ladder points Gamma >= gammaFrom started from it. hotPilot: the hot-started pilot's u at its Gammas on that
 * side beside the production u interpolated there (hysteresis between hot and cold starts).
 * gammaFrom is absent when no point started ordered (always for a fixed ladder).
 */
export interface OrderedStartSummary {
  k: [number, number, number];
  u: number;
  gammaFrom?: number;
  replicas: number;
  hotPilot: Array<{ gamma: number; uHot: number; uProduction: number }>;
}

/** Sweep counts are rounded to a multiple of this (every sweepsPerRound divides it). */
const SWEEP_UNIT = 24;

/** Structure measurements every 2, 3, 4 sweeps for L <= 8, <= 12, larger (its cost grows as L^4). */
function measureEveryFor(L: number): number {
  return L <= 8 ? 2 : L <= 12 ? 3 : 4;
}

function validate(o: LatticeMonteCarloOptions): Required<Omit<LatticeMonteCarloOptions, 'couplings' | 'onProgress' | 'ladder'>> & Pick<LatticeMonteCarloOptions, 'couplings' | 'ladder'> {
  const r = {
    z1: o.z1 ?? 6, z2: o.z2 ?? 8, x: o.x, gammaMax: o.gammaMax ?? 800, L: o.L ?? 12, shells: o.couplings?.length ?? o.shells ?? 8,
    sweeps: o.sweeps ?? 1000, seed: o.seed ?? 1, threads: o.threads ?? defaultThreads(), extraGammas: o.extraGammas ?? [],
    ladderStep: o.ladderStep ?? 1.2, couplings: o.couplings, ladder: o.ladder, maxReplicas: o.maxReplicas ?? DEFAULT_MAX_REPLICAS,
  };
  validateMixture({ z1: r.z1, z2: r.z2, x: r.x });
  if (!(r.x > 0 && r.x < 1)) throw new DomainError(`x must lie strictly between 0 and 1, got ${r.x}`);
  if (!(r.gammaMax > 0 && r.gammaMax <= 5000)) throw new DomainError(`gamma-max must be in (0, 5000], got ${r.gammaMax}`);
  if (!Number.isInteger(r.L) || r.L < L_MIN || r.L > L_MAX) throw new DomainError(`L must be an integer in ${L_MIN}..${L_MAX}, got ${r.L}`);
  if (!Number.isInteger(r.shells) || r.shells < 1 || r.shells > 30) throw new DomainError(`shells must be an integer in 1..30, got ${r.shells}`);
  if (!Number.isInteger(r.maxReplicas) || r.maxReplicas < 2 || r.maxReplicas > 2000) throw new DomainError(`maxReplicas must be an integer in 2..2000, got ${r.maxReplicas}`);
  if (!Number.isInteger(r.sweeps) || r.sweeps < 96 || r.sweeps > 1e7) throw new DomainError(`sweeps must be an integer in 96..10000000, got ${r.sweeps}`);
  if (r.couplings && !r.couplings.every((j) => Number.isFinite(j) && Math.abs(j) <= 10)) throw new DomainError('couplings must be finite numbers with |J| <= 10 (U_1 units)');
  return r;
}

/**
 * Exact equilibrium of the paper's crystal as a lattice gas (docs/physics.md section 12):
 * canonical Kawasaki Monte Carlo on an L^3 bcc supercell with replica exchange over an
 * adaptive Gamma ladder 0..gammaMax, free energy by thermodynamic integration.
 * Energies per ion in U_1 (linear mixing subtracted), entropies in k_B.
 *
 * @example const r = await latticeMonteCarlo({ x: 0.5, L: 8, sweeps: 1000 }); r.rows.at(-1).b2 // B2 order at Gamma = 800
 */
export async function latticeMonteCarlo(options: LatticeMonteCarloOptions): Promise<LatticeMonteCarloResult> {
  const t0 = performance.now();
  const o = validate(options);
  const mix: Mixture = { z1: o.z1, z2: o.z2, x: o.x };
  const N = 2 * o.L ** 3;
  const n2 = Math.round(o.x * N);
  if (n2 < 1 || n2 >= N) throw new DomainError(`x = ${o.x} leaves no ion of one kind on ${N} sites`);
  const xCell = n2 / N;
  const cellMix: Mixture = { ...mix, x: xCell };
  const sums = o.couplings ? undefined : await getLatticeSums(Math.max(o.shells, 8));
  const couplings = o.couplings ?? Array.from(paperCouplings(cellMix, sums!, o.shells));
  supercellSetup(o.L, couplings, 1); // validates L against the coupled shells before any work
  const m = bccShells(couplings.length).map((s) => s.m);
  // u = c0 + E/N - (x^2/2) sum_i m_i J_i, c0 = U_rnd for the paper's Hamiltonian (section 12).
  const c0 = sums ? randomEnergy(cellMix, sums) : 0;
  const energyOffset = c0 - 0.5 * xCell * xCell * couplings.reduce((s, j, i) => s + m[i] * j, 0);
  await startPool(o.threads);
  // Swap attempts every 2 structure measurements (4, 6 or 8 sweeps).
  const measureEvery = measureEveryFor(o.L);
  const common = { L: o.L, couplings, measureShells: MEASURED_SHELLS, threads: o.threads, sweepsPerRound: 2 * measureEvery };
  const round12 = (s: number): number => Math.max(SWEEP_UNIT, Math.round(s / SWEEP_UNIT) * SWEEP_UNIT);
  const sweeps = round12(o.sweeps);
  const init = streamOf(o.seed, 0);
  let ladder: number[];
  let sites: Uint8Array[];
  let search: LadderSearchResult | undefined;
  const ordered = orderedStart(o.L, couplings, n2); // deterministic: draws nothing from the generators
  if (o.ladder) {
    if (o.ladder[0] !== 0) throw new DomainError('a fixed ladder must start at Gamma = 0');
    ladder = [...o.ladder];
    sites = ladder.map(() => randomSites(N, n2, init));
  } else {
    const start = Array.from({ length: PILOT_POINTS }, () => randomSites(N, n2, init));
    search = await searchLadder({
      ordered: { sites: ordered.sites, measureEvery },
      common, gammaMax: o.gammaMax, seed: o.seed, initial: (j) => start[j], pilotSweeps: round12(o.sweeps / 4),
      trialSweeps: trialSweepsFor(o.sweeps), ladderStep: o.ladderStep, extraGammas: o.extraGammas, maxReplicas: o.maxReplicas,
      onProgress: options.onProgress,
    });
    ({ ladder, sites } = search);
  }
  const run = await replicaExchange({
    ...common, gammas: ladder, sites, rngs: ladder.map((_, j) => streamOf(o.seed, 1000 + j).kernelState()),
    sweeps, measureEvery, swapRng: streamOf(o.seed, 2),
    onRound: (d, t) => options.onProgress?.('production', d, t),
  });
  const ext = await extendDrifting({
    common, ladder, production: run, sweeps, measureEvery, seed: o.seed, energyOffset,
    onProgress: options.onProgress,
  });
  const averages = ext.averages;
  const s0 = supercellEntropy(N, n2);
  const ti = integrateFreeEnergy(ladder, averages.map((a) => a.u), averages.map((a) => a.uError), s0);
  const rows: LatticeMonteCarloRow[] = [];
  averages.forEach((a, j) => {
    if (ladder[j] <= 0) return;
    rows.push({
      ...a, f: ti.f[j], fError: ti.fError[j], fQuadError: ti.fQuadError[j], fStatError: ti.fStatError[j], s: ti.s[j],
      sError: ti.sError[j], binderError: binderError(ext.slots[j], N),
    });
  });
  return {
    z1: o.z1, z2: o.z2, x: o.x, xCell, L: o.L, N, shells: couplings.length, couplings, paperHamiltonian: !o.couplings,
    seed: o.seed, sweeps, pilotSweeps: o.ladder ? 0 : round12(o.sweeps / 4), ladder,
    ladderTrials: search?.trials ?? 0, trialSweeps: search?.trialSweeps ?? 0, replicasPerTrial: search?.replicasPerTrial ?? [],
    swapAcceptance: ext.swapTried.map((t, j) => (t > 0 ? ext.swapAccepted[j] / t : 0)), extensions: ext.extensions,
    u0: averages[0].u, u0Error: averages[0].uError, uRandomCell: c0, s0, rows,
    ordered: orderedSummary(ordered, search, energyOffset, ladder, averages.map((a) => a.u)), maxDriftZ: Math.max(...averages.map((a) => Math.abs(a.driftZ))),
    attemptedMoves: ext.slots.reduce((s, q) => s + q.attempted, 0) + (search?.attemptedMoves ?? 0),
    seconds: (performance.now() - t0) / 1000,
  };
}

/**
 * Overall progress (0..1) of a run from its onProgress(stage, done, total) calls: the pilot
 * 0..0.1, ladder trial k 0.1 .. 0.2 in halving steps (monotone however many trials), the
 * production 0.2 .. 0.9, continued sampling round k 0.9 .. 1 in halving steps.
 *
 * @example progressFraction('production', 5, 10) // 0.55
 */
export function progressFraction(stage: string, done: number, total: number): number {
  const t = total > 0 ? done / total : 1;
  if (stage === 'pilot') return 0.1 * t;
  // Round k of a stage spanning [from, from + 0.1]: [1 - 0.5^(k-1), 1 - 0.5^k] of it.
  const halving = (from: number, k: number): number => from + 0.1 * (1 - 0.5 ** (k - 1)) + 0.1 * 0.5 ** k * t;
  const m = /^ladder (\d+)/.exec(stage);
  if (m) return halving(0.1, Number(m[1]));
  const x = /^extension (\d+)/.exec(stage);
  if (x) return halving(0.9, Number(x[1]));
  return 0.2 + 0.7 * t;
}

/**
 * Sweeps of each ladder-refinement trial: 256 (32 counted swap attempts per pair, enough to
 * tell 15% from 30% acceptance), or sweeps/4 for runs shorter than 1024 sweeps (at least 64).
 */
function trialSweepsFor(sweeps: number): number {
  return Math.min(256, Math.max(64, 2 * Math.round(sweeps / 8)));
}

/** The ordered start's summary: its u and, on the cold side, hot pilot against production. */
function orderedSummary(
  o: { energyPerIon: number; k: [number, number, number] }, search: LadderSearchResult | undefined, offset: number, ladder: number[], u: number[],
): OrderedStartSummary {
  const rule = search?.coldStart;
  const from = rule && Number.isFinite(rule.gammaFrom) ? rule.gammaFrom : undefined;
  const at = (g: number): number => {
    let j = 1;
    while (j + 1 < ladder.length && ladder[j] < g) j++;
    const t = (g - ladder[j - 1]) / (ladder[j] - ladder[j - 1]);
    return (1 - t) * u[j - 1] + t * u[j];
  };
  const hotPilot = from === undefined ? [] : rule!.pilotGammas.flatMap((g, j) => (g >= from ? [{ gamma: g, uHot: offset + rule!.pilotEnergy[j], uProduction: at(g) }] : []));
  return { k: o.k, u: offset + o.energyPerIon, ...(from === undefined ? {} : { gammaFrom: from }), replicas: search?.coldReplicas ?? 0, hotPilot };
}
