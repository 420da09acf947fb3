/*
 * Free energy of the classical one-component bcc Coulomb crystal per ion, in units of T,
 * relative to the same ideal gas as the liquid fit (docs/physics.md section 7):
 *   f_sol(G) = -zeta G + 1.5 ln G + C + f_anh(G),  C = 3 u_ln + 1 + ln(6/pi)/2,
 *   f_anh(G) = -(A1/G + A2/(2 G^2) + A3/(3 G^3)).
 */

/** bcc Madelung constant zeta, units Z^2 e^2/a_i (docs/physics.md section 1). */
export const BCC_MADELUNG = 0.895929255682;

/** <ln(omega/omega_p)> of the bcc Coulomb crystal phonons (Baiko, Potekhin & Yakovlev 2001). */
export const BCC_U_LN = -0.831298;

/** Coefficients of the classical anharmonic free energy f_anh = -(A1/G + A2/(2G^2) + A3/(3G^3)). */
export interface AnharmonicParameters {
  /** Short name, e.g. 'bc22'. */
  name: string;
  /** Literature reference. */
  reference: string;
  A1: number;
  A2: number;
  A3: number;
}

/** Baiko & Chugunov (2022) anharmonic coefficients (docs/physics.md section 7) — the paper's choice, default. */
export const BC22: AnharmonicParameters = Object.freeze({
  name: 'bc22',
  reference: 'Baiko & Chugunov 2022',
  A1: 10.2,
  A2: 248,
  A3: 2.03e5,
});

/**
 * Farouki & Hamaguchi (1993) anharmonic coefficients in the three-term form used by
 * Potekhin & Chabrier (2000) and their EOS code (routine ANHARM8): A1 = 10.9, A2 = 247,
 * A3 = 1.765e5.
 */
export const FH93: AnharmonicParameters = Object.freeze({
  name: 'fh93',
  reference: 'Farouki & Hamaguchi 1993, as fitted in Potekhin & Chabrier 2000 (ANHARM8)',
  A1: 10.9,
  A2: 247,
  A3: 1.765e5,
});

/** Every anharmonic parameter set by name (the CLI's --anharmonic values). */
export const ANHARMONIC_FITS: Readonly<Record<string, AnharmonicParameters>> = Object.freeze({ bc22: BC22, fh93: FH93 });

/** Options of {@link ocpSolidFreeEnergy}. */
export interface SolidFitOptions {
  /** Anharmonic coefficients; default {@link BC22}. */
  anharmonic?: AnharmonicParameters;
  /** Phonon-frequency log moment u_ln; default {@link BCC_U_LN}. */
  uLn?: number;
  /** Madelung constant; default {@link BCC_MADELUNG}. */
  zeta?: number;
}

/**
 * Classical anharmonic free energy per ion in units of T (docs/physics.md section 7):
 * f_anh(G) = -(A1/G + A2/(2 G^2) + A3/(3 G^3)).
 *
 * @example anharmonicFreeEnergy(175.719) // -0.0745346...
 */
export function anharmonicFreeEnergy(gamma: number, params: AnharmonicParameters = BC22): number {
  const g = gamma;
  return -(params.A1 / g + params.A2 / (2 * g * g) + params.A3 / (3 * g * g * g));
}

/**
 * Constant of the classical harmonic free energy, C = 3 u_ln + 1 + ln(6/pi)/2 (docs/physics.md section 7).
 *
 * @example harmonicConstant() // -1.170379...
 */
export function harmonicConstant(uLn: number = BCC_U_LN): number {
  return 3 * uLn + 1 + Math.log(6 / Math.PI) / 2;
}

/**
 * Classical bcc OCP solid free energy per ion, f_sol = F/(N T), dimensionless, relative to the
 * ideal gas (docs/physics.md section 7): -zeta G + 1.5 ln G + C + f_anh(G).
 *
 * @param gamma coupling parameter Gamma > 0
 * @example ocpSolidFreeEnergy(175.719) // -150.9234... (equal to the liquid at melting)
 */
export function ocpSolidFreeEnergy(gamma: number, options: SolidFitOptions = {}): number {
  const zeta = options.zeta ?? BCC_MADELUNG;
  return (
    -zeta * gamma +
    1.5 * Math.log(gamma) +
    harmonicConstant(options.uLn ?? BCC_U_LN) +
    anharmonicFreeEnergy(gamma, options.anharmonic ?? BC22)
  );
}
