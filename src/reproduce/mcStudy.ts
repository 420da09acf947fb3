import type { LatticeSums } from '../latticeSums/types.js';
import { compareRows, type RowComparison } from '../mc/compare.js';
import { latticeMonteCarlo, progressFraction, type LatticeMonteCarloResult } from '../mc/latticeMonteCarlo.js';
import { mixingEntropy } from '../mixture/entropy.js';
import { sroSolid } from '../models/sro.js';
import { naturalSpline } from '../phase/naturalSpline.js';
import { coexistenceWindows } from '../phase/coexistence.js';
import { liquidCurve } from '../phase/modelCurves.js';
import { sroCurveFromPoints, type SroPoint } from '../phase/sroCurve.js';
import { sroCurvePoints } from '../parallel/sroCurves.js';
import { solidusAt } from './phaseDiagrams.js';
import type { Progress } from './progress.js';
import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { groundStates, type GroundStateRow } from './mcGroundStates.js';
import { runChecks, type McCheck } from '../mc/checks.js';

/** How much Monte Carlo `reproduce` runs: a coarse look by default, the finite-size study with `--mc full`. */
export type McLevel = 'tiny' | 'quick' | 'coarse' | 'full';

/** The cost knobs of one level. */
export interface McStudyConfig {
  level: McLevel;
  /** Supercell edges of the x = 0.5 study (0 .. 800). */
  sizes: number[];
  sweeps: number[];
  /** Free energies on an x grid at the crystallization Gammas: supercell, sweeps, compositions. */
  solidusL: number;
  solidusSweeps: number;
  solidusXs: number[];
  /** x step of the variational curve the MC correction is added to. */
  sroXStep: number;
  seed: number;
}

const grid = (a: number, b: number, step: number): number[] => {
  const out: number[] = [];
  for (let k = 0; a + k * step <= b + 1e-9; k++) out.push(Math.round((a + k * step) * 1e6) / 1e6);
  return out;
};

/** The configuration of each level. */
export function mcStudyConfig(level: McLevel): McStudyConfig {
  switch (level) {
    case 'tiny':
      return { level, sizes: [4], sweeps: [96], solidusL: 4, solidusSweeps: 96, solidusXs: [0.5], sroXStep: 0.05, seed: 1 };
    case 'quick':
      return { level, sizes: [4], sweeps: [192], solidusL: 4, solidusSweeps: 96, solidusXs: [0.5, 0.7], sroXStep: 0.05, seed: 1 };
    case 'coarse':
      return { level, sizes: [8], sweeps: [960], solidusL: 6, solidusSweeps: 600, solidusXs: grid(0.05, 0.95, 0.05), sroXStep: 0.01, seed: 1 };
    case 'full':
      // Sized to finish in about 45 min on 2 shared cores (see mcCostEstimate and the README).
      return { level, sizes: [8, 12, 16], sweeps: [2400, 2016, 1440], solidusL: 8, solidusSweeps: 960, solidusXs: grid(0.05, 0.95, 0.05), sroXStep: 0.01, seed: 1 };
  }
}

/** One supercell of the x = 0.5 study with its comparison columns and its self-checks. */
export interface McSizeResult {
  run: LatticeMonteCarloResult;
  cmp: RowComparison[];
  checks: McCheck[];
}

/** Replicas assumed by the estimate: 38 at L = 8 up to Gamma = 800 (measured), 14 up to Gamma_1m; ~ L^1.5. */
const REPLICAS_L8 = 38;
const REPLICAS_L8_MELT = 14;
/** Rate assumed before anything is measured (attempted moves per second per thread, shared machine). */
export const NOMINAL_RATE = 0.8e6;

/**
 * Attempted moves of a level, estimated before it runs: per supercell N x (16 pilot replicas x
 * sweeps/4 + replicas x (sweeps + 3 ladder trials of 256 sweeps)), replicas ~ L^1.5.
 *
 * @example mcCostEstimate(mcStudyConfig('full')).total // about 3.4e9
 */
export function mcCostEstimate(cfg: McStudyConfig): { sizes: number[]; solidus: number; total: number } {
  const one = (L: number, sweeps: number, r8: number): number => 2 * L ** 3 * (16 * (sweeps / 4) + r8 * (L / 8) ** 1.5 * (sweeps + 3 * Math.min(256, sweeps / 4)));
  const sizes = cfg.sizes.map((L, k) => one(L, cfg.sweeps[k], REPLICAS_L8));
  const solidus = cfg.solidusXs.length * one(cfg.solidusL, cfg.solidusSweeps, REPLICAS_L8_MELT);
  return { sizes, solidus, total: sizes.reduce((a, b) => a + b, 0) + solidus };
}

/** MC free energies at the crystallization Gammas on the x grid, and the solidus they give. */
export interface McSolidus {
  gamma: number;
  label: string;
  /** Per composition: f_MC (entropy referred to the infinite crystal, see mcSection), f_SRO, and their difference with its error. */
  points: Array<{ x: number; fMc: number; fSro: number; delta: number; deltaError: number }>;
  xSolidSro: number | null;
  xSolidMc: number | null;
  /** x_solid with delta shifted by -/+ one standard error. */
  xSolidMcRange: [number | null, number | null];
}

export interface McStudyResult {
  config: McStudyConfig;
  sizes: McSizeResult[];
  solidus: McSolidus[];
  /** Self-check failures of the solidus runs, one entry per composition that failed (empty: all passed). */
  solidusFailures: string[];
  /** B2 and AABB pair energies versus the number of coupled shells. */
  groundStates: GroundStateRow[];
  seconds: number;
  attemptedMoves: number;
}

/**
 * f with the supercell's Gamma = 0 entropy ln C(N, N2)/N replaced by the infinite crystal's
 * S_mix (the leading finite-size term, O(ln N / N), of the free energy; the correlation part
 * of a periodic cell converges much faster away from a transition). Used only for comparisons
 * with the (infinite-crystal) variational and random models.
 */
export function fInfinite(run: LatticeMonteCarloResult, f: number, gamma: number): number {
  return f - (mixingEntropy(run.xCell) - run.s0) / gamma;
}

/**
 * The Monte Carlo study of `reproduce` (beyond the paper; docs/physics.md section 12): x = 0.5
 * from Gamma = 0 to 800 on the configured supercells, then the solid free energy on an x grid
 * at Gamma_1m, 170, 160, 150 and the solidus it gives against the variational one (same liquid).
 */
export async function mcStudy(
  cfg: McStudyConfig, o: { z1: number; z2: number; threads: number; gamma1m: number; sums: LatticeSums; crystalGammas: number[]; progress: Progress },
): Promise<McStudyResult> {
  const t0 = performance.now();
  let moves = 0;
  const sizes: McSizeResult[] = [];
  const cost = mcCostEstimate(cfg);
  const minutes = (m: number, rate: number): string => (m / rate / 60).toFixed(m / rate < 600 ? 1 : 0);
  o.progress.note(`MC (${cfg.level}): about ${cost.total.toExponential(1)} attempted moves (x = 0.5 on L = ${cfg.sizes.join(', ')}: ${cost.sizes.map((c) => c.toExponential(1)).join(', ')}; solidus ${cost.solidus.toExponential(1)}), about ${minutes(cost.total, NOMINAL_RATE * o.threads)} min at an assumed ${NOMINAL_RATE.toExponential(1)} moves/s per thread`);
  for (const [k, L] of cfg.sizes.entries()) {
    const bar = o.progress.bar(`MC x = 0.5, L = ${L} (${cfg.sweeps[k]} sweeps)`, 100);
    const run = await latticeMonteCarlo({
      z1: o.z1, z2: o.z2, x: 0.5, L, sweeps: cfg.sweeps[k], seed: cfg.seed, threads: o.threads, gammaMax: 800,
      extraGammas: o.crystalGammas,
      onProgress: (s, d, t) => bar.update(Math.round(100 * progressFraction(s, d, t))),
    });
    bar.done(`${run.seconds.toFixed(0)} s, ${run.ladder.length} replicas, ${(run.attemptedMoves / run.seconds).toExponential(1)} moves/s`);
    moves += run.attemptedMoves;
    const checks = runChecks(run);
    sizes.push({ run, cmp: await compareRows(run), checks });
    const failed = checks.filter((c) => !c.pass);
    if (failed.length > 0) o.progress.note(`MC L = ${L}: CHECK FAILED: ${failed.map((c) => `${c.name} (${c.value.toExponential(2)})`).join('; ')}`);
    const rest = cost.sizes.slice(k + 1).reduce((a, b) => a + b, 0) + cost.solidus;
    const rate = moves / ((performance.now() - t0) / 1000);
    o.progress.note(`MC: about ${minutes(rest, rate)} min left at the ${rate.toExponential(1)} moves/s measured so far (${run.ladder.length} replicas at L = ${L}; estimate assumed ${(REPLICAS_L8 * (L / 8) ** 1.5).toFixed(0)})`);
  }
  let solidusFailures: string[] = [];
  const solidus = await solidusStudy(cfg, o, (m) => (moves += m), (f) => (solidusFailures = f));
  const ground = groundStates({ z1: o.z1, z2: o.z2, x: 0.5 }, await getLatticeSums(30), [8, 9, 12, 13, 16, 20, 24, 30]);
  return { config: cfg, sizes, solidus, solidusFailures, groundStates: ground, seconds: (performance.now() - t0) / 1000, attemptedMoves: moves };
}

async function solidusStudy(
  cfg: McStudyConfig, o: Parameters<typeof mcStudy>[1], addMoves: (m: number) => void, addChecks: (failed: string[]) => void,
): Promise<McSolidus[]> {
  const gammas = o.crystalGammas;
  const top = Math.max(...gammas);
  const n = cfg.solidusXs.length;
  const bar = o.progress.bar(`MC free energies, ${n} x (L = ${cfg.solidusL})`, 100 * n);
  const perX: Array<{ x: number; run: LatticeMonteCarloResult }> = [];
  const failures: string[] = [];
  for (const [k, x] of cfg.solidusXs.entries()) {
    const run = await latticeMonteCarlo({
      z1: o.z1, z2: o.z2, x, L: cfg.solidusL, sweeps: cfg.solidusSweeps, seed: cfg.seed + 1, threads: o.threads,
      gammaMax: top, extraGammas: gammas.filter((g) => g < top),
      onProgress: (s, d, t) => bar.update(Math.round(100 * (k + progressFraction(s, d, t)))),
    });
    addMoves(run.attemptedMoves);
    perX.push({ x, run });
    const failed = runChecks(run).filter((c) => !c.pass);
    if (failed.length > 0) failures.push(`x = ${x}: ${failed.map((c) => c.name).join('; ')}`);
    bar.update(100 * (k + 1));
  }
  bar.done(failures.length === 0 ? `self-checks passed at all ${n} x` : `CHECK FAILED: ${failures.join(' | ')}`);
  addChecks(failures);
  // The variational curve on a fine grid, and at each MC composition.
  const fine = grid(cfg.sroXStep, 1 - cfg.sroXStep, cfg.sroXStep);
  const sroPts = await sroCurvePoints({ z1: o.z1, z2: o.z2, gammas, xs: fine, shells: 8, sums: o.sums, threads: o.threads });
  const out: McSolidus[] = [];
  for (const [gi, g] of gammas.entries()) {
    const points: McSolidus['points'] = [];
    for (const { run } of perX) {
      const row = run.rows.find((w) => Math.abs(w.gamma - g) < 1e-9);
      if (!row) continue;
      const sro = await sroSolid({ z1: o.z1, z2: o.z2, x: run.xCell }, g, o.sums, { shells: 8 });
      const fMc = fInfinite(run, row.f, g);
      points.push({ x: run.xCell, fMc, fSro: sro.F, delta: fMc - sro.F, deltaError: row.fError });
    }
    const solidusWith = (shift: number): number | null => {
      // f_MC(x) = f_SRO(x) + delta(x): delta splined through the MC compositions, 0 at x = 0, 1 (pure crystals).
      const d = naturalSpline([0, ...points.map((p) => p.x), 1], [0, ...points.map((p) => p.delta + shift * p.deltaError), 0]);
      const pts: SroPoint[] = sroPts[gi].map((p) => ({ ...p, F: p.F + d(p.x) }));
      return solidusAt(coexistenceWindows(liquidCurve(o.z1, o.z2, g), sroCurveFromPoints(pts, g), { grid: { step: 0.002, edge: 1e-8 } }))?.xSolid ?? null;
    };
    const xSro = solidusAt(coexistenceWindows(liquidCurve(o.z1, o.z2, g), sroCurveFromPoints(sroPts[gi], g), { grid: { step: 0.002, edge: 1e-8 } }))?.xSolid ?? null;
    out.push({
      gamma: g, label: gi === 0 ? 'Gamma_1m' : String(g), points, xSolidSro: xSro, xSolidMc: solidusWith(0),
      xSolidMcRange: [solidusWith(-1), solidusWith(1)],
    });
  }
  return out;
}
