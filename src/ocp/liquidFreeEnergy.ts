/*
 * Excess free energy of the classical one-component plasma (OCP) liquid, per ion in units
 * of T, relative to the ideal gas: Potekhin & Chabrier (2000), Phys. Rev. E 62, 8554,
 * analytic form (docs/physics.md section 7).
 */

/** One parameter set of the Potekhin-Chabrier (2000) liquid fit. A3 is derived from A1, A2. */
export interface LiquidFitParameters {
  /** Short name, e.g. 'ds99'. */
  name: string;
  /** Literature reference. */
  reference: string;
  A1: number;
  A2: number;
  B1: number;
  B2: number;
  B3: number;
  B4: number;
}

/**
 * Parameters fitted by Potekhin & Chabrier (2000) to the Monte Carlo data of
 * DeWitt & Slattery (1999) (docs/physics.md section 7) — the paper's choice and the default.
 */
export const DS99: LiquidFitParameters = Object.freeze({
  name: 'ds99',
  reference: 'Potekhin & Chabrier 2000 (PRE 62, 8554) fit to DeWitt & Slattery 1999',
  A1: -0.907,
  A2: 0.62954,
  B1: 0.00456,
  B2: 211.6,
  B3: -1e-4,
  B4: 0.00462,
});

/**
 * The alternative parameter set of Potekhin & Chabrier (2000), their eq. (28), which takes in
 * the Monte Carlo data of Caillol (1999). Not the paper's choice; an option. Provenance: we did
 * not have the 2000 paper's text; these values are the ones two independent public EOS codes
 * implement and label "eq. (28)" of that paper (MESA's Coulomb module and Potekhin's own EOS
 * routines), so check them against the original before relying on them.
 */
export const CAILLOL99: LiquidFitParameters = Object.freeze({
  name: 'caillol99',
  reference: 'Potekhin & Chabrier 2000 (PRE 62, 8554) eq. 28, fit including Caillol 1999 (values as in public EOS codes)',
  A1: -0.907347,
  A2: 0.62849,
  B1: 0.0045,
  B2: 170,
  B3: -8.4e-5,
  B4: 0.0037,
});

/** Every liquid parameter set by name (the CLI's --liquid-fit values). */
export const LIQUID_FITS: Readonly<Record<string, LiquidFitParameters>> = Object.freeze({ ds99: DS99, caillol99: CAILLOL99 });

/** Options of {@link ocpLiquidFreeEnergy}. */
export interface LiquidFitOptions {
  /** Parameter set; default {@link DS99}. */
  liquidFit?: LiquidFitParameters;
}

/**
 * A3 = -sqrt(3)/2 - A1/sqrt(A2): fixes the Debye-Hueckel limit f -> -Gamma^(3/2)/sqrt(3)
 * (Potekhin & Chabrier 2000).
 *
 * @example liquidA3(DS99) // 0.277105...
 */
export function liquidA3(p: LiquidFitParameters): number {
  return -Math.sqrt(3) / 2 - p.A1 / Math.sqrt(p.A2);
}

/**
 * One-component liquid excess free energy per ion, f_liq = F_ex/(N T), dimensionless
 * (Potekhin & Chabrier 2000; docs/physics.md section 7):
 * f = A1 [sqrt(G(A2+G)) - A2 ln(sqrt(G/A2) + sqrt(1+G/A2))] + 2 A3 [sqrt(G) - atan(sqrt(G))]
 *   + B1 [G - B2 ln(1 + G/B2)] + (B3/2) ln(1 + G^2/B4).
 *
 * @param gamma coupling parameter Gamma = Z^2 e^2/(a_i T) > 0
 * @example ocpLiquidFreeEnergy(175.719) // -150.9234...
 */
export function ocpLiquidFreeEnergy(gamma: number, options: LiquidFitOptions = {}): number {
  const p = options.liquidFit ?? DS99;
  const { A1, A2, B1, B2, B3, B4 } = p;
  const A3 = liquidA3(p);
  const g = gamma;
  const sg = Math.sqrt(g);
  return (
    A1 * (Math.sqrt(g * (A2 + g)) - A2 * Math.log(Math.sqrt(g / A2) + Math.sqrt(1 + g / A2))) +
    2 * A3 * (sg - Math.atan(sg)) +
    B1 * (g - B2 * Math.log1p(g / B2)) +
    (B3 / 2) * Math.log1p((g * g) / B4)
  );
}
