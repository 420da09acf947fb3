import { dualBound } from './dual.js';
import { entropyAt, objectiveAt, type ConvexProgram, type LinearCuts, type Multipliers, type Point } from './program.js';

/*
 * The certificate of a minimization: the exact Lagrangian duality gap F(z) - q(lambda, nu) of the
 * final finite problem (its cuts and the supporting hyperplanes of its concave constraints at
 * the solution, a relaxation of the semi-infinite problem, so q is a lower bound of the true
 * minimum too), with the oracle's own check of the constraint family at the solution.
 */

/** Certificate of optimality; energies in U_1, constraint values in the oracle's units. */
export interface Certificate {
  /** F(z) - q(lambda, nu): exact Lagrangian duality gap of the final finite problem, U_1. */
  dualityGap: number;
  /** Infinity norm of the interior-point stationarity residual, U_1. */
  stationarity: number;
  /** Smallest constraint value over the oracle's sample at the solution (eq. 3: min Delta over the wedge sample). */
  minSample: number;
  /** Smallest constraint value after the oracle's local refinement (eq. 3: refined min_k |Delta_k|^2/N). */
  minDeltaK: number;
  /** Entropy at the solution (k_B per ion). */
  entropy: number;
}

/** Objective, dual bound and gap of a point with multipliers on a linear cut set (U_1). */
export function dualityGap(p: ConvexProgram, cuts: LinearCuts, point: Point, m: Multipliers): { objective: number; dual: number; gap: number } {
  const objective = objectiveAt(p, point);
  const dual = dualBound(p, cuts, m);
  return { objective, dual, gap: objective - dual };
}

/** Assemble the certificate. */
export function certificateOf(
  p: ConvexProgram,
  point: Point,
  gap: number,
  stationarity: number,
  check: { minSample: number; minRefined: number },
): Certificate {
  return { dualityGap: gap, stationarity, minSample: check.minSample, minDeltaK: check.minRefined, entropy: entropyAt(p.entropy, point.u) };
}
