import { ocpFreeEnergyDifference, type OcpOptions } from '../ocp/meltingPoint.js';
import { referenceCharge, type Moments } from './composition.js';
import { add, addc, div, dual, exp, expm1, log, log1p, mul, powc, scale, sub, type Dual } from './dual.js';
import { separablePhase, type PhaseFunction } from './phase.js';

/**
 * PCCDR09 liquid-mixing correction df (per ion, units of T; docs/physics.md section 7) written
 * in the moments <Z^p> so that it holds for any number of species (section 13), with its
 * derivative along the moments' direction. Zero when fewer than two species are present.
 *
 * @param m charge moments (dual)
 * @param gammaE Gamma_e = Gamma_1 / Z_1^(5/3)
 * @example pccdr09(chargeMoments([6, 8], [0.5, 0.5]), 175.719 / 6 ** (5 / 3)).v // 0.0037577...
 */
export function pccdr09(m: Moments, gammaE: number): Dual {
  // Dif0 = <Z^(5/2)> - <Z^2>^(3/2)/<Z>^(1/2)
  const dif0 = sub(m.m52, div(powc(m.m2, 1.5), powc(m.m1, 0.5)));
  if (!(dif0.v > 0) || !(m.variance.v > 0)) return dual(0);
  const delta = div(dif0, m.m52);
  // ln D = ln(<Z^2>/<Z>^2) = log1p(Var/<Z>^2); a = D^(-1/5); 1 - a without cancellation.
  const lnD = log1p(div(m.variance, mul(m.m1, m.m1)));
  const D = exp(lnD);
  const a = exp(scale(lnD, -0.2));
  const oneMinusA = scale(expm1(scale(lnD, -0.2)), -1);
  const A = div(add(scale(delta, 2.6), scale(mul(delta, mul(delta, delta)), 14)), oneMinusA);
  const B = scale(mul(D, D), 0.0117);
  const nu = addc(scale(powc(a, -1), 1.5), -1);
  const gm = scale(m.m53, gammaE);
  const gma = exp(mul(a, log(gm)));
  const p1 = addc(mul(A, gma), 1);
  const p2 = exp(mul(nu, log(addc(mul(mul(B, A), gma), 1))));
  return scale(div(dif0, mul(p1, p2)), Math.pow(gammaE, 1.5) / Math.sqrt(3));
}

/**
 * Liquid of c species (docs/physics.md section 13), per ion in units of T:
 *   f = sum_a x_a Phi(Gamma_a) + df + sum_a x_a ln(x_a Z_a/<Z>),  Gamma_a = Gamma_e Z_a^(5/3),
 * i.e. the -S_mixZ liquid (eq. 11). For c = 2 it is the binary liquidFreeEnergy with
 * idealMixing 'smixz' times Gamma_1.
 *
 * @param z charges (any order; the lowest sets Gamma_1)
 * @param gamma Gamma_1 of the lowest charge
 * @example multiLiquid([6, 8, 10], 175).f([0.5, 0.49, 0.01])
 */
export function multiLiquid(z: readonly number[], gamma: number, options: OcpOptions = {}): PhaseFunction {
  const zr = referenceCharge(z);
  const gammaE = gamma / Math.pow(zr, 5 / 3);
  const linear = z.map((za) => ocpFreeEnergyDifference(gammaE * Math.pow(za, 5 / 3), options) + Math.log(za));
  // -M0 ln M1 completes sum x ln(x Z/<Z>) (M0 = sum x = 1 on the simplex).
  return separablePhase('liquid', z, gamma, linear, (m) => sub(pccdr09(m, gammaE), mul(m.m0, log(m.m1))));
}
