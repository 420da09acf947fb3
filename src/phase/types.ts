/**
 * Plain-data interfaces between the free-energy models and the phase-equilibrium layer.
 * A curve is a free energy per ion versus x (number fraction of the Z2 ions) at fixed
 * Gamma, in any consistent unit (the package uses U_1 with linear mixing subtracted).
 */
export interface FreeEnergyCurve {
  /** Free energy at composition x in (0, 1). */
  f(x: number): number;
  /** Optional analytic derivative dF/dx; central differences are used otherwise. */
  df?(x: number): number;
  /**
   * Optional split of the slope, f'(x) = smooth(x) + T ln(x/(1-x)) (every model here: the ideal
   * mixing term carries the logarithm, T = 1/Gamma_1 in U_1). The tangent construction then
   * solves in u = logit x exactly, also for 1 - x below double resolution.
   */
  slopeParts?: { smooth(x: number): number; T: number };
}

/** One liquid-solid coexistence window (double tangent) at fixed Gamma. */
export interface CoexistenceWindow {
  /** Composition of the liquid in equilibrium. */
  xLiquid: number;
  /** Composition of the solid in equilibrium. */
  xSolid: number;
  /** Common slope dF/dx of the tangent (exchange chemical potential). */
  slope?: number;
  /**
   * True when the compositions solve the double-tangent equations; false when the refinement
   * failed and xLiquid/xSolid are the grid vertices of the hull edge (a location, not a result).
   * Absent when refinement was not asked for.
   */
  refined?: boolean;
  /** Why the refinement failed (refined = false). */
  reason?: string;
  /** max |f_l' - mu|, |f_s' - mu|, |chord - mu| at the refined tangent, U_1 (refined = true). */
  residual?: number;
  /** logit of xLiquid and xSolid (refined = true): they resolve 1 - x below double precision, 1 - x = 1/(1 + e^u). */
  logitLiquid?: number;
  logitSolid?: number;
}

/** A miscibility gap of one curve: the two compositions joined by its own double tangent. */
export interface MiscibilityGap {
  xLow: number;
  xHigh: number;
  slope?: number;
  /** False when the double tangent could not be refined and the grid values are returned. */
  refined?: boolean;
  /** logit xHigh (refined): resolves 1 - xHigh below double precision. */
  logitHigh?: number;
}
