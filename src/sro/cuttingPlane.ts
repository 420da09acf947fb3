import { polishActiveSet, type PolishFailure, type PolishedPoint } from './activeSet.js';
import { certificateOf, dualityGap, type Certificate } from './certificate.js';
import { solveInteriorPoint, type InteriorPointSolution } from './interiorPoint.js';
import { entropyAt, type ConcaveConstraint, type ConvexProgram, type LinearCuts, type Multipliers, type Point } from './program.js';

/*
 * The cutting-plane (exchange) method for a semi-infinite family of constraints: solve the
 * finite program on the current cuts (src/sro/interiorPoint.ts), ask the oracle for the most
 * violated members at the solution, add them, repeat; when none is violated on the oracle's
 * sample, ask it to refine locally (new fixed cuts and tracked concave constraints for violated
 * refined minima) until nothing is left. The loop sees the constraint family only through
 * {@link SeparationOracle}; the program only through src/sro/program.ts.
 */

/** A linear cut row.z + offset >= 0 with the oracle's label (e.g. its wave vector). */
export interface LinearCut<Tag> {
  row: Float64Array;
  offset: number;
  tag: Tag;
}

/** A concave constraint that follows a local minimizer as z changes; `tag` is its current label. */
export interface TrackedConstraint<Tag> extends ConcaveConstraint {
  readonly tag: Tag;
}

/** The constraints known so far (what the oracle deduplicates against). */
export interface WorkingSet<Tag> {
  cuts: readonly LinearCut<Tag>[];
  tracked: readonly TrackedConstraint<Tag>[];
}

/** The constraint family as the cutting-plane loop sees it. */
export interface SeparationOracle<Tag> {
  /** Constraints to start with (e.g. fixed vertices, the active members of a neighbouring solution). */
  initial(): { cuts: LinearCut<Tag>[]; tracked: TrackedConstraint<Tag>[] };
  /** Smallest constraint value over the oracle's sample at the point, and new cuts at its most violated members (at most `limit`). */
  mostViolated(point: Point, limit: number): { min: number; cuts: LinearCut<Tag>[] };
  /**
   * Local refinement at the point from the last scan's lowest members, the hinted labels and the
   * tracked constraints: the smallest refined value and, if `add`, new cuts and tracked constraints
   * for violated refined minima not yet in the working set.
   */
  refine(point: Point, hints: Tag[], working: WorkingSet<Tag>, add: boolean): { min: number; cuts: LinearCut<Tag>[]; tracked: TrackedConstraint<Tag>[] };
  /** The tracked constraints without those that converged onto the same minimizer. */
  merge(tracked: TrackedConstraint<Tag>[]): TrackedConstraint<Tag>[];
  /** A member is violated when its value is below -tolerance. */
  readonly tolerance: number;
}

/** Options of {@link solveCuttingPlane}. */
export interface CuttingPlaneOptions {
  /** Starting point (e.g. a neighbouring solution); default the cold start. */
  start?: Point;
  /** Largest number of sample cuts added per round; default 12. */
  cutsPerRound?: number;
  maxRounds?: number;
  /** Interior-point tolerance (scaled problem); default 1e-14. */
  tol?: number;
  /** Exact-active-set Newton polish after the interior-point method; default true. */
  polish?: boolean;
  onProgress?: (message: string) => void;
}

/** One constraint of the final working set with its value and multiplier (U_1). */
export interface FinalCut<Tag> {
  tag: Tag;
  value: number;
  lambda: number;
  tracked: boolean;
}

/** Result of {@link solveCuttingPlane}. */
export interface CuttingPlaneSolution<Tag> {
  point: Point;
  /** F at the point (U_1). */
  objective: number;
  /** Dual lower bound (U_1). */
  dualValue: number;
  multipliers: Multipliers;
  cuts: FinalCut<Tag>[];
  certificate: Certificate;
  rounds: number;
  iterations: number;
  /** True if the exact-active-set polish gave the final point. */
  polished: boolean;
}

/** The loop's state: working set, last solution, counts. */
interface Loop<Tag> {
  cuts: LinearCut<Tag>[];
  tracked: TrackedConstraint<Tag>[];
  sol?: InteriorPointSolution;
  /** Working-set sizes the last solution was computed with. */
  solvedWith: [number, number];
  iterations: number;
  rounds: number;
  minSample: number;
  minRefined: number;
}

function linearCuts<Tag>(cuts: readonly LinearCut<Tag>[], dim: number): LinearCuts {
  const rows = new Float64Array(cuts.length * dim);
  const offsets = new Float64Array(cuts.length);
  cuts.forEach((c, j) => {
    rows.set(c.row, j * dim);
    offsets[j] = c.offset;
  });
  return { rows, offsets, count: cuts.length };
}

/** Solve the finite program on the working set (warm, then cold if the warm start fails). */
function solveRound<Tag>(p: ConvexProgram, L: Loop<Tag>, start: Point | undefined, tol?: number): void {
  const cuts = linearCuts(L.cuts, p.dim);
  let sol = solveInteriorPoint(p, cuts, L.tracked, { start, tol });
  if (!sol.converged && start) {
    // The warm start (previous solution, possibly near the domain boundary) failed: cold start.
    L.iterations += sol.iterations;
    sol = solveInteriorPoint(p, cuts, L.tracked, { tol });
  }
  L.iterations += sol.iterations;
  L.sol = sol;
  L.solvedWith = [L.cuts.length, L.tracked.length];
}

/** Labels of the cuts carrying a multiplier above 1e-8 of the largest. */
function hintsOf<Tag>(L: Loop<Tag>): Tag[] {
  const lam = L.sol!.multipliers.cuts;
  let max = 0;
  for (let j = 0; j < L.cuts.length; j++) max = Math.max(max, lam[j]);
  return L.cuts.filter((_, j) => lam[j] > 1e-8 * max).map((c) => c.tag);
}

/** The exchange rounds: sample cuts first, then refined cuts, until nothing violated is left. */
function runRounds<Tag>(p: ConvexProgram, oracle: SeparationOracle<Tag>, o: CuttingPlaneOptions, L: Loop<Tag>): void {
  const perRound = o.cutsPerRound ?? 12;
  const maxRounds = o.maxRounds ?? 80;
  const progress = o.onProgress;
  for (L.rounds = 1; L.rounds <= maxRounds; L.rounds++) {
    L.tracked = oracle.merge(L.tracked);
    solveRound(p, L, L.rounds > 1 ? L.sol!.point : o.start, o.tol);
    const sol = L.sol!;
    const scan = oracle.mostViolated(sol.point, perRound);
    L.minSample = scan.min;
    L.cuts.push(...scan.cuts);
    progress?.(`round ${L.rounds}: ${L.cuts.length} cuts, ${L.tracked.length} tracked, IPM ${sol.iterations} it, min sample ${scan.min.toExponential(3)}`);
    if (scan.cuts.length > 0) continue;
    const ref = oracle.refine(sol.point, hintsOf(L), L, true);
    L.minRefined = Math.min(scan.min, ref.min, ...sol.concaveValues);
    L.cuts.push(...ref.cuts);
    L.tracked.push(...ref.tracked);
    progress?.(`round ${L.rounds}: refined min ${L.minRefined.toExponential(3)}, ${ref.cuts.length + ref.tracked.length} refined constraints added`);
    if (ref.cuts.length + ref.tracked.length === 0) break;
  }
  if (L.solvedWith[0] !== L.cuts.length || L.solvedWith[1] !== L.tracked.length) {
    // Round limit reached right after adding constraints: solve the final finite problem once more.
    solveRound(p, L, L.sol!.point, o.tol);
  }
}

/** The final linear set: the cuts, then the tracked constraints' supporting hyperplanes at the solution. */
function finalLinearSet<Tag>(p: ConvexProgram, L: Loop<Tag>): LinearCuts {
  const n = p.dim;
  const sol = L.sol!;
  const fixed = linearCuts(L.cuts, n);
  const nt = L.tracked.length;
  const count = fixed.count + nt;
  const rows = new Float64Array(count * n);
  rows.set(fixed.rows);
  rows.set(sol.concaveRows, fixed.count * n);
  const offsets = new Float64Array(count);
  offsets.set(fixed.offsets);
  for (let r = 0; r < nt; r++) {
    let v = sol.concaveValues[r];
    for (let i = 0; i < n; i++) v -= sol.concaveRows[r * n + i] * sol.point.z[i];
    offsets[fixed.count + r] = v;
  }
  return { rows, offsets, count };
}

/** Polish with up to four releases of the cut with the most negative multiplier. */
function polishWithReleases(p: ConvexProgram, all: LinearCuts, sol: InteriorPointSolution): PolishedPoint | PolishFailure {
  const exclude = new Set<number>();
  let pol = polishActiveSet(p, all, sol.point, sol.multipliers.entropy, exclude);
  for (let tries = 0; tries < 4 && 'drop' in pol && pol.drop >= 0; tries++) {
    exclude.add(pol.drop);
    pol = polishActiveSet(p, all, sol.point, sol.multipliers.entropy, exclude);
  }
  return pol;
}

/** The polished point if it passes the full KKT check (feasible on the sample and after refinement, gap no worse). */
function tryPolish<Tag>(
  p: ConvexProgram,
  oracle: SeparationOracle<Tag>,
  L: Loop<Tag>,
  all: LinearCuts,
  oldGap: number,
  progress?: (message: string) => void,
): { pol: PolishedPoint; minSample: number; minRefined: number; objective: number; dual: number; gap: number } | null {
  const pol = polishWithReleases(p, all, L.sol!);
  if ('reason' in pol) {
    progress?.(`polish: ${pol.reason}`);
    return null;
  }
  const scan = oracle.mostViolated(pol.point, 0);
  const nc = L.cuts.length;
  const hints = L.cuts.filter((_, j) => pol.multipliers.cuts[j] > 0).map((c) => c.tag);
  for (let r = 0; r < L.tracked.length; r++) if (pol.multipliers.cuts[nc + r] > 0) hints.push(L.tracked[r].tag);
  const ref = oracle.refine(pol.point, hints, L, false);
  const minRefined = Math.min(scan.min, ref.min);
  const g = dualityGap(p, all, pol.point, pol.multipliers);
  progress?.(`polish: min sample ${scan.min.toExponential(2)}, refined ${minRefined.toExponential(2)}, gap ${g.gap.toExponential(2)} (was ${oldGap.toExponential(2)})`);
  const tol = oracle.tolerance;
  const ok =
    scan.min >= -tol &&
    minRefined >= Math.min(-tol, L.minRefined) &&
    g.gap <= Math.max(1e-14, oldGap) &&
    entropyAt(p.entropy, pol.point.u) >= -1e-13;
  return ok ? { pol, minSample: scan.min, minRefined, ...g } : null;
}

/**
 * Minimize the program under the oracle's constraint family: exchange rounds, then the
 * certificate of the final finite problem (its dual value is also a lower bound of the
 * semi-infinite problem, since its multipliers sit on members of the family), optionally
 * improved by the active-set polish.
 */
export function solveCuttingPlane<Tag>(p: ConvexProgram, oracle: SeparationOracle<Tag>, options: CuttingPlaneOptions = {}): CuttingPlaneSolution<Tag> {
  const init = oracle.initial();
  const L: Loop<Tag> = { cuts: init.cuts, tracked: init.tracked, solvedWith: [-1, -1], iterations: 0, rounds: 0, minSample: Infinity, minRefined: Infinity };
  runRounds(p, oracle, options, L);
  const sol = L.sol!;
  const all = finalLinearSet(p, L);
  let point = sol.point;
  let multipliers = sol.multipliers;
  let g = dualityGap(p, all, point, multipliers);
  let polished = false;
  if (options.polish !== false) {
    const r = tryPolish(p, oracle, L, all, g.gap, options.onProgress);
    if (r) {
      ({ point, multipliers } = r.pol);
      g = r;
      L.minSample = r.minSample;
      L.minRefined = r.minRefined;
      polished = true;
    }
  }
  options.onProgress?.(polished ? 'active-set polish accepted' : 'active-set polish not applied');
  const nc = L.cuts.length;
  const cuts: FinalCut<Tag>[] = [];
  for (let j = 0; j < all.count; j++) {
    let value = all.offsets[j];
    for (let i = 0; i < p.dim; i++) value += all.rows[j * p.dim + i] * point.z[i];
    cuts.push({ tag: j < nc ? L.cuts[j].tag : L.tracked[j - nc].tag, value, lambda: multipliers.cuts[j], tracked: j >= nc });
  }
  return {
    point,
    objective: g.objective,
    dualValue: g.dual,
    multipliers,
    cuts,
    certificate: certificateOf(p, point, g.gap, sol.stationarity, { minSample: L.minSample, minRefined: L.minRefined }),
    rounds: Math.min(L.rounds, options.maxRounds ?? 80),
    iterations: L.iterations,
    polished,
  };
}
