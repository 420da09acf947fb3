import { DomainError, UncertifiedError } from '../errors.js';
import { bccShells } from '../lattice/bccShells.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { validateMixture, type Mixture } from '../mixture/composition.js';
import { electrostaticEnergy, linearCoefficients, randomEnergy } from '../mixture/electrostatic.js';
import { mixingEntropy } from '../mixture/entropy.js';
import { getConstraintTable } from '../sro/constraintTable.js';
import { alphaOf, binaryProgram } from '../sro/binaryPairs.js';
import type { Certificate } from '../sro/certificate.js';
import { solveCuttingPlane } from '../sro/cuttingPlane.js';
import { entropyAt, inDomain, pointFromZ } from '../sro/program.js';
import { wedgeOracle } from '../sro/wedgeOracle.js';
import { DEFAULT_SAMPLE_SIZE, type Vec3 } from '../sro/wedgeSample.js';

/** Largest number of order parameters the minimizer accepts. */
export const MAX_ORDER_PARAMETERS = 30;

/** Options of {@link sroSolid}. */
export interface SroOptions {
  /** Number of order parameters n (1..30); default 8 (the paper). Shells beyond n have alpha = x^2. */
  shells?: number;
  /** Seed of the wedge sample; default 1. */
  seed?: number;
  /** Size of the wedge sample; default 100000 (600 edge points, 4000 face points, the rest inside). */
  samplePoints?: number;
  /**
   * A previous solution (e.g. at a neighbouring x or Gamma): its relative deviations start the
   * solver and its active wave vectors are cuts from the outset. Only speeds things up.
   */
  warmStart?: { deviation?: ArrayLike<number>; alpha?: ArrayLike<number>; x?: number; cuts?: Array<{ k: Vec3 }> };
  /** Progress messages (the CLI sends them to stderr). */
  onProgress?: (message: string) => void;
  /** Return the result even if it is not certified (default false: throw SroNotCertifiedError). */
  allowUncertified?: boolean;
}

/** Certification thresholds of issue 3: duality gap (U_1) and refined min_k |Delta_k|^2/N. */
export const CERTIFICATE_TOLERANCE = 1e-10;
export const DELTA_K_TOLERANCE = -1e-12;

/** The minimizer stopped without a certified global minimum (gap or |Delta_k|^2 check failed). */
export class SroNotCertifiedError extends UncertifiedError {
  override name = 'SroNotCertifiedError';
  constructor(
    message: string,
    readonly result: SroResult,
  ) {
    super(message, result);
  }
}

/** One wave vector of the final working set. */
export interface ActiveCut {
  /** Wave vector in the irreducible wedge, 1/a_i. */
  k: Vec3;
  /** Delta(k) at the solution. */
  value: number;
  /** Multiplier (U_1). */
  lambda: number;
  /** 'sample' (a point of the wedge sample) or 'refined' (a local minimizer added by refinement). */
  origin: 'sample' | 'refined';
}

/** The short-range-ordered solid at its free-energy minimum. */
export interface SroResult {
  model: 'sro';
  /** Free energy per ion F = U - T S, U_1, linear mixing subtracted. */
  F: number;
  /** Electrostatic energy (U_mad - LM) + U_corr + U_shft (eqs. 5-6), U_1. */
  U: number;
  /** Residual entropy per ion (eq. A.4), k_B. */
  S: number;
  /** Order parameters alpha_1..alpha_n. */
  alpha: number[];
  /** Relative deviations (alpha_i - x^2)/x^2. */
  deviation: number[];
  /** Free energy of the disordered solid U_rnd - T S_mix, U_1. */
  Frandom: number;
  /** Refined minimum over the wedge of |Delta_k|^2/N (eq. 3) at the solution (>= -1e-12). */
  minDeltaK: number;
  /** Duality gap of the final problem, U_1 (an upper bound on F - F_min). */
  certificate: number;
  /** Total interior-point iterations. */
  iterations: number;
  /** Cutting-plane rounds. */
  rounds: number;
  /** Wave vectors whose constraint carries a multiplier, with the multipliers (U_1). */
  cuts: ActiveCut[];
  /** Full certificate. */
  certificateDetails: Certificate;
  /** True if the exact-active-set Newton polish (KKT-checked) gave the final point. */
  polished: boolean;
}

/**
 * Free energy of the short-range-ordered bcc crystal (paper, "Short-range ordered C/O mixture"):
 * F(alpha) = U_mad - LM + U_corr + U_shft - T S minimized over alpha_1..alpha_n under every
 * constraint of docs/physics.md section 6 (eqs. 3-4, bounds, S >= 0), with the global minimum
 * certified by a duality gap. Energies in U_1 = Z1^(5/3) e^2/a_e, T/U_1 = 1/Gamma.
 *
 * @param mix mixture (z1 < z2, 0 < x < 1)
 * @param gamma Gamma_1 = U_1/T > 0
 * @param sums lattice sums (I_i, T_i, T_0, zeta) with at least n shells
 * @example (await sroSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, sums)).F
 */
export async function sroSolid(mix: Mixture, gamma: number, sums: LatticeSums, options: SroOptions = {}): Promise<SroResult> {
  validateMixture(mix);
  if (!(Number.isFinite(gamma) && gamma > 0)) throw new DomainError(`gamma must be a positive finite number, got ${gamma}`);
  const n = options.shells ?? 8;
  if (!Number.isInteger(n) || n < 1 || n > MAX_ORDER_PARAMETERS) {
    throw new DomainError(`shells must be an integer from 1 to ${MAX_ORDER_PARAMETERS}, got ${n}`);
  }
  if (n > sums.shells.length) throw new RangeError(`${n} order parameters but lattice sums for only ${sums.shells.length} shells`);
  const seed = options.seed ?? 1;
  const size = options.samplePoints ?? DEFAULT_SAMPLE_SIZE;
  const { x } = mix;
  const x2 = x * x;
  const T = 1 / gamma;
  const g = linearCoefficients(mix, sums, n);
  const m = Float64Array.from(bccShells(n), (s) => s.m);
  const table = getConstraintTable(n, { seed, size });

  let warmD: Float64Array | undefined;
  const ws = options.warmStart;
  if (ws?.deviation && ws.deviation.length >= 1) {
    warmD = new Float64Array(n);
    for (let i = 0; i < Math.min(n, ws.deviation.length); i++) warmD[i] = ws.deviation[i] * x2;
  } else if (ws?.alpha) {
    // Relative deviations carry over between neighbouring x; ws.x is the x of the warm solution.
    const xw = ws.x !== undefined && ws.x > 0 && ws.x < 1 ? ws.x : x;
    warmD = new Float64Array(n);
    for (let i = 0; i < Math.min(n, ws.alpha.length); i++) warmD[i] = ((ws.alpha[i] - xw * xw) / (xw * xw)) * x2;
  }
  let warmCuts: Vec3[] | undefined;
  if (ws?.cuts?.length) warmCuts = ws.cuts.map((c) => c.k);
  const program = binaryProgram({ x, T, g, m });
  const warmPoint = warmD ? pointFromZ(program, warmD) : undefined;
  const sol = solveCuttingPlane(program, wedgeOracle(table, x, { warmCuts }), {
    start: warmPoint && inDomain(warmPoint) ? warmPoint : undefined,
    onProgress: options.onProgress,
  });
  const alpha = alphaOf(sol.point);
  const U = electrostaticEnergy(mix, alpha, sums);
  // From the pair probabilities themselves (eq. A.4): 1 - 2x + alpha_i is not computable from alpha_i near x = 1.
  const S = entropyAt(program.entropy, sol.point.u);
  let lamMax = 0;
  for (const c of sol.cuts) lamMax = Math.max(lamMax, c.lambda);
  const result: SroResult = {
    model: 'sro',
    F: U - T * S,
    U,
    S,
    alpha,
    deviation: Array.from(sol.point.z, (di) => di / x2),
    Frandom: randomEnergy(mix, sums) - T * mixingEntropy(x),
    minDeltaK: sol.certificate.minDeltaK,
    certificate: Math.abs(sol.certificate.dualityGap),
    iterations: sol.iterations,
    rounds: sol.rounds,
    cuts: sol.cuts
      .filter((c) => c.lambda > 1e-9 * lamMax && c.lambda > 1e-15)
      .map((c) => ({ k: c.tag.k, value: c.value, lambda: c.lambda, origin: c.tracked ? 'refined' : c.tag.origin })),
    certificateDetails: sol.certificate,
    polished: sol.polished,
  };
  const certified = result.certificate <= CERTIFICATE_TOLERANCE && result.minDeltaK >= DELTA_K_TOLERANCE && result.S >= -1e-12;
  if (!certified && !options.allowUncertified) {
    throw new SroNotCertifiedError(
      `no certified minimum at z1 = ${mix.z1}, z2 = ${mix.z2}, x = ${x}, Gamma = ${gamma}, n = ${n}: ` +
        `duality gap ${result.certificate.toExponential(2)} U_1, refined min |Delta_k|^2/N ${result.minDeltaK.toExponential(2)}`,
      result,
    );
  }
  return result;
}
