import { DomainError, UncertifiedError } from '../errors.js';
import { bccShells } from '../lattice/bccShells.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { getConstraintTable } from '../sro/constraintTable.js';
import { solveCuttingPlane, type FinalCut } from '../sro/cuttingPlane.js';
import { dualBound } from '../sro/dual.js';
import { solveInteriorPoint } from '../sro/interiorPoint.js';
import { entropyAt, inDomain, pointFromZ, type ConvexProgram, type Point } from '../sro/program.js';
import { DEFAULT_SAMPLE_SIZE, type Vec3 } from '../sro/wedgeSample.js';
import { chargeMoments, referenceCharge } from './composition.js';
import { matrixOracle, type MatrixTag } from './matrixOracle.js';
import { randomEnergyMoments } from './random.js';
import { pairProbabilities, pairProgram } from './sroPairs.js';

/** Certification thresholds, as for the binary solid: duality gap (U_1) and refined min_k lambda(k). */
export const MULTI_CERTIFICATE_TOLERANCE = 1e-10;
export const MULTI_EIGEN_TOLERANCE = -1e-12;

/**
 * The cuts of a neighbouring solution that start the next minimization: those carrying a
 * multiplier above 1e-8 of the largest, at most 2 dim of them, largest multipliers first. Where
 * eq. 3 is active on a continuum of wave vectors the interior-point method spreads multipliers
 * over every near-duplicate cut, so without the cap the set grew along a sweep (to 526 cuts in 24
 * dimensions on a MESA column) and the active-set polish's NNLS with it. Only a head start:
 * every cut is valid, and the oracle adds what is missing.
 */
function warmCutsOf(cuts: MultiSroResult['internal']['cuts'], dim: number): Array<{ k: Vec3; v: number[] }> {
  const lmax = Math.max(0, ...cuts.map((q) => q.lambda));
  return cuts
    .filter((q) => q.lambda > 1e-8 * lmax)
    .sort((a, b) => b.lambda - a.lambda)
    .slice(0, 2 * dim)
    .map((q) => ({ k: q.tag.k, v: q.tag.v }));
}

/** Options of {@link multiSroSolid}. */
export interface MultiSroOptions {
  /** Shells n with free pair probabilities (default 8). */
  shells?: number;
  seed?: number;
  samplePoints?: number;
  onProgress?: (message: string) => void;
  /** A neighbouring solution (same species present): its z starts the solver, its active cuts are cuts from the outset. */
  warm?: MultiSroResult;
  /** Return an uncertified result instead of throwing UncertifiedError. */
  allowUncertified?: boolean;
}

/** The c-species SRO solid at its free-energy minimum (units: U_1 per ion, k_B). */
export interface MultiSroResult {
  F: number;
  U: number;
  S: number;
  /** Disordered solid U_rnd - T S_mix (U_1). */
  Frandom: number;
  /** P_ab(i), c x c per shell (zero rows/columns for absent species). */
  P: number[][][];
  /** Duality gap (U_1) and the refined minimum over k of the smallest non-null eigenvalue of S_ab(k). */
  certificate: number;
  minEigen: number;
  certified: boolean;
  rounds: number;
  iterations: number;
  polished: boolean;
  /** Internals for the envelope gradient (reduced species set). */
  internal: { present: number[]; program: ConvexProgram; point: Point; cuts: FinalCut<MatrixTag>[]; entropyMultiplier: number; T: number };
}

/**
 * Free energy of the short-range-ordered bcc crystal of c species (docs/physics.md section 13):
 * F = U_rnd + sum_i C_i (I_i - T_i) e^2/(2 a_i) - T S over the pair probabilities P_ab(i) of n
 * shells, under the sum rules, eq. 4 for every pair, S >= 0 and eq. 3 as S_ab(k) PSD
 * (matrix cuts, src/multi/matrixOracle.ts), solved by the cutting-plane / interior-point layers
 * of src/sro and certified by the duality gap and the refined minimum over k of the smallest
 * non-null eigenvalue of S_ab(k). For c = 2 it is the binary sroSolid.
 *
 * @example multiSroSolid([6, 8, 10], [0.5, 0.49, 0.01], 175, sums).F
 */
export function multiSroSolid(z: readonly number[], x: readonly number[], gamma: number, sums: LatticeSums, options: MultiSroOptions = {}): MultiSroResult {
  if (!(Number.isFinite(gamma) && gamma > 0)) throw new DomainError(`gamma must be a positive finite number, got ${gamma}`);
  const n = options.shells ?? 8;
  if (!Number.isInteger(n) || n < 1 || n > Math.min(30, sums.shells.length)) throw new DomainError(`shells must be an integer from 1 to ${Math.min(30, sums.shells.length)}, got ${n}`);
  const present = x.map((v, a) => (v > 0 ? a : -1)).filter((a) => a >= 0);
  if (present.length < 2) throw new DomainError('the SRO solid needs at least two species with x > 0');
  const zs = present.map((a) => z[a]);
  const xs = present.map((a) => x[a]);
  const zr = referenceCharge(z);
  const T = 1 / gamma;
  const mom = chargeMoments(z, x);
  const unit = 1 / (Math.pow(zr, 5 / 3) * Math.cbrt(mom.m1.v)); // e^2/a_i in U_1
  const h = Array.from({ length: n }, (_, i) => 0.5 * sums.shells[i].IminusT * unit);
  const m = Float64Array.from(bccShells(n), (s) => s.m);
  const program = pairProgram({ z: zs, x: xs, T, h, m });
  const table = getConstraintTable(n, { seed: options.seed ?? 1, size: options.samplePoints ?? DEFAULT_SAMPLE_SIZE });
  const solve = (warm: MultiSroResult | undefined) => {
    const w = warm?.internal;
    const near = w && w.present.length === present.length && w.present.every((a, k) => a === present[k]) && w.point.z.length === program.dim;
    let warmCuts: Array<{ k: Vec3; v: number[] }> | undefined;
    let start: Point | undefined;
    if (near) {
      warmCuts = warmCutsOf(w.cuts, program.dim);
      start = pointFromZ(program, w.point.z);
    }
    return solveCuttingPlane(program, matrixOracle(table, xs, { warmCuts }), {
      onProgress: options.onProgress,
      start: start && inDomain(start) ? start : undefined,
    });
  };
  const good = (q: ReturnType<typeof solve>) =>
    Math.abs(q.certificate.dualityGap) <= MULTI_CERTIFICATE_TOLERANCE && q.certificate.minDeltaK >= MULTI_EIGEN_TOLERANCE && entropyAt(program.entropy, q.point) >= -1e-12;
  let sol = solve(options.warm);
  // A warm start only speeds things up: if it did not end certified, solve cold.
  if (options.warm && !good(sol)) sol = solve(undefined);
  const Urnd = randomEnergyMoments(mom, zr, sums).v;
  let ez = 0;
  for (let i = 0; i < program.dim; i++) ez += program.energy[i] * sol.point.z[i];
  const S = entropyAt(program.entropy, sol.point);
  let smix = 0;
  for (const v of xs) smix -= v * Math.log(v);
  const Pred = pairProbabilities(sol.point, xs.length, n);
  const P = Pred.map((M) => {
    const full = Array.from({ length: z.length }, () => new Array<number>(z.length).fill(0));
    present.forEach((a, p) => present.forEach((b, q) => (full[a][b] = M[p][q])));
    return full;
  });
  const certificate = Math.abs(sol.certificate.dualityGap);
  const minEigen = sol.certificate.minDeltaK;
  const certified = certificate <= MULTI_CERTIFICATE_TOLERANCE && minEigen >= MULTI_EIGEN_TOLERANCE && S >= -1e-12;
  const result: MultiSroResult = {
    F: Urnd + ez - T * S,
    U: Urnd + ez,
    S,
    Frandom: Urnd - T * smix,
    P,
    certificate,
    minEigen,
    certified,
    rounds: sol.rounds,
    iterations: sol.iterations,
    polished: sol.polished,
    internal: { present, program, point: sol.point, cuts: sol.cuts, entropyMultiplier: sol.multipliers.entropy, T },
  };
  if (!certified && !options.allowUncertified) {
    throw new UncertifiedError(
      `no certified SRO minimum at Z = ${z.join(',')}, x = ${x.join(',')}, Gamma = ${gamma}: duality gap ${certificate.toExponential(2)} U_1, refined min eigenvalue ${minEigen.toExponential(2)}`,
      result,
    );
  }
  return result;
}

/**
 * A rigorous lower bound of the SRO free energy (U_1): the exact Lagrangian dual bound of the
 * program without the eq. 3 cuts (a relaxation), from one interior-point solve. Lets a grid search
 * skip compositions whose bound already exceeds the current best.
 *
 * @example multiSroLowerBound([6, 8, 10], [0.3, 0.4, 0.3], 175, sums) <= multiSroSolid(...).F
 */
export function multiSroLowerBound(z: readonly number[], x: readonly number[], gamma: number, sums: LatticeSums, shells = 8): number {
  const present = x.map((v, a) => (v > 0 ? a : -1)).filter((a) => a >= 0);
  const zs = present.map((a) => z[a]);
  const xs = present.map((a) => x[a]);
  const zr = referenceCharge(z);
  const mom = chargeMoments(z, x);
  const Urnd = randomEnergyMoments(mom, zr, sums).v;
  let smix = 0;
  for (const v of xs) smix -= v * Math.log(v);
  if (present.length < 2) return Urnd - smix / gamma;
  const unit = 1 / (Math.pow(zr, 5 / 3) * Math.cbrt(mom.m1.v));
  const h = Array.from({ length: shells }, (_, i) => 0.5 * sums.shells[i].IminusT * unit);
  const m = Float64Array.from(bccShells(shells), (s) => s.m);
  const program = pairProgram({ z: zs, x: xs, T: 1 / gamma, h, m });
  const none = { rows: new Float64Array(0), offsets: new Float64Array(0), count: 0 };
  const sol = solveInteriorPoint(program, none, []);
  const bound = dualBound(program, none, sol.multipliers);
  return Urnd + (Number.isFinite(bound) ? Math.min(bound, -smix / gamma) : -Infinity);
}
