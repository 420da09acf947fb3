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
}

/** One liquid-solid coexistence window (double tangent) at fixed Gamma. */
export interface CoexistenceWindow {
  /** Composition of the liquid in equilibrium. */
  xLiquid: number;
  /** Composition of the solid in equilibrium. */
  xSolid: number;
  /** Common slope dF/dx of the tangent (exchange chemical potential). */
  slope?: number;
  /** False when the tangent refinement failed and the grid values are returned. */
  refined?: boolean;
}

/** A miscibility gap of one curve: the two compositions joined by its own double tangent. */
export interface MiscibilityGap {
  xLow: number;
  xHigh: number;
  slope?: number;
}
