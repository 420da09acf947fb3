import { meanZ, zMoment, type Mixture } from './composition.js';

/** (1 + e)^p - 1 - p e without cancellation of the first-order terms (|e| small or not). */
function taylorRemainder(e: number, p: number): number {
  if (Math.abs(e) < 1e-3) {
    // Series: sum_{k>=2} C(p, k) e^k, ten terms are exact to rounding for |e| < 1e-3.
    let term = 1;
    let sum = 0;
    for (let k = 1; k <= 10; k++) {
      term *= ((p - k + 1) / k) * e;
      if (k >= 2) sum += term;
    }
    return sum;
  }
  return Math.expm1(p * Math.log1p(e)) - p * e;
}

/**
 * Dif0 = <Z^(5/2)> - <Z^2>^(3/2)/<Z>^(1/2) (docs/physics.md section 7) with its relative
 * precision kept as x -> 0 or 1 (where it vanishes like x(1-x)): with e_j = Z_j/<Z> - 1,
 * <Z^p>/<Z>^p - 1 = (1-x) r_p(e_1) + x r_p(e_2) exactly, r_p(e) = (1+e)^p - 1 - p e, so
 * Dif0/<Z>^(5/2) = G_(5/2) - [(1 + G_2)^(3/2) - 1] with G_2 = x(1-x)(Z2-Z1)^2/<Z>^2.
 */
function dif0Accurate(mix: Mixture): number {
  const { z1, z2, x } = mix;
  const z = meanZ(mix);
  const e1 = (-x * (z2 - z1)) / z;
  const e2 = ((1 - x) * (z2 - z1)) / z;
  const g52 = (1 - x) * taylorRemainder(e1, 2.5) + x * taylorRemainder(e2, 2.5);
  const dz = z2 - z1;
  const g2 = (x * (1 - x) * dz * dz) / (z * z);
  return Math.pow(z, 2.5) * (g52 - Math.expm1(1.5 * Math.log1p(g2)));
}

/**
 * Correction to the linear mixing rule for the free energy of a classical liquid ion
 * mixture on a rigid background, per ion in units of T (Potekhin, Chabrier, Chugunov,
 * DeWitt & Rogers 2009, PRE 80, 047401; docs/physics.md section 7):
 *
 *   Dif0 = <Z^(5/2)> - <Z^2>^(3/2)/<Z>^(1/2),  delta = Dif0/<Z^(5/2)>,  D = <Z^2>/<Z>^2,
 *   a = D^(-1/5),  A = (2.6 delta + 14 delta^3)/(1 - a),  B = 0.0117 D^2,  nu = 3/(2a) - 1,
 *   G_m = Gamma_e <Z^(5/3)>,
 *   df = Gamma_e^(3/2)/sqrt(3) * Dif0 / [(1 + A G_m^a) (1 + B A G_m^a)^nu].
 *
 * Exactly 0 for a pure plasma (x = 0 or 1).
 *
 * @param mix mixture (0 <= x <= 1)
 * @param gamma1 Gamma_1 = Z1^(5/3) e^2/(a_e T); Gamma_e = Gamma_1/Z1^(5/3)
 * @example liquidMixingCorrection({ z1: 6, z2: 8, x: 0.5 }, 175.719) // 0.0037577...
 */
export function liquidMixingCorrection(mix: Mixture, gamma1: number): number {
  const { z1, z2, x } = mix;
  if (x <= 0 || x >= 1) return 0;
  const gammaE = gamma1 / Math.pow(z1, 5 / 3);
  const z = meanZ(mix);
  const z52 = zMoment(mix, 5 / 2);
  const dif0 = dif0Accurate(mix);
  if (!(dif0 > 0)) return 0; // rounding at x -> 0, 1
  const delta = dif0 / z52;
  // D - 1 = variance/<Z>^2 computed without cancellation; 1 - a = 1 - D^(-1/5) likewise.
  const dz = z2 - z1;
  const lnD = Math.log1p((x * (1 - x) * dz * dz) / (z * z));
  const D = Math.exp(lnD);
  const a = Math.exp(-lnD / 5);
  const oneMinusA = -Math.expm1(-lnD / 5);
  const A = (2.6 * delta + 14 * delta * delta * delta) / oneMinusA;
  const B = 0.0117 * D * D;
  const nu = 3 / (2 * a) - 1;
  const gm = gammaE * zMoment(mix, 5 / 3);
  const gma = Math.pow(gm, a);
  return ((Math.pow(gammaE, 1.5) / Math.sqrt(3)) * dif0) / ((1 + A * gma) * Math.pow(1 + B * A * gma, nu));
}
