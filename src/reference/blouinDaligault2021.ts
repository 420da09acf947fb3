/**
 * Blouin & Daligault 2021 C/O phase diagram (S. Blouin and J. Daligault, Phys. Rev. E 103,
 * 043204 (2021)), in the polynomial form used by the MESA stellar-evolution code
 * (docs/physics.md section 11). x = O number fraction of the liquid.
 *
 *   liquidus  <Gamma>_m(x) = 178 + 167.178104 x - 3.973461 x^2 - 741.863826 x^3
 *                            + 876.516929 x^4 - 297.857813 x^5,
 *             <Gamma> = <Z^(5/3)> e^2/(a_e T), so T_liq(x)/T_mC = (<Z^(5/3)>/6^(5/3)) 178/<Gamma>_m(x);
 *   solidus   x_s = x + dx, dx = -0.311540 x + 2.114743 x^2 - 1.661095 x^3
 *                                - 1.406005 x^4 + 1.263897 x^5.
 *
 * T_mC is the melting temperature of pure carbon in that fit (<Gamma>_m(0) = 178), so
 * T/T_mC is plotted on the same axis as our T/T_1m.
 */

const Z1 = 6;
const Z2 = 8;
const LIQ = [178, 167.178104, -3.973461, -741.863826, 876.516929, -297.857813];
const DX = [0, -0.31154, 2.114743, -1.661095, -1.406005, 1.263897];

function poly(c: readonly number[], x: number): number {
  let s = 0;
  for (let k = c.length - 1; k >= 0; k--) s = s * x + c[k];
  return s;
}

/** <Gamma>_m(x) of the liquidus fit. */
export function bdMeltingGamma(x: number): number {
  return poly(LIQ, x);
}

/** Liquidus temperature T_liq(x)/T_mC for a liquid of O fraction x in [0, 1]. */
export function bdLiquidusT(x: number): number {
  const z53 = (1 - x) * Math.pow(Z1, 5 / 3) + x * Math.pow(Z2, 5 / 3);
  return ((z53 / Math.pow(Z1, 5 / 3)) * 178) / bdMeltingGamma(x);
}

/** O fraction of the solid in equilibrium with a liquid of O fraction x. */
export function bdSolidusX(x: number): number {
  return x + poly(DX, x);
}

/** One sampled point: the liquid at x_liquid and the solid at x_solid coexist at T/T_mC = t. */
export interface BdPoint {
  xLiquid: number;
  xSolid: number;
  t: number;
}

/** Sample the fit at n + 1 liquid compositions from 0 to 1. */
export function blouinDaligault2021(n = 200): BdPoint[] {
  return Array.from({ length: n + 1 }, (_, k) => {
    const x = k / n;
    return { xLiquid: x, xSolid: bdSolidusX(x), t: bdLiquidusT(x) };
  });
}

/**
 * Azeotrope of the fit: the liquid composition where dx = 0 (x > 0), i.e. liquid and
 * solid compositions coincide, found by bisection; T/T_mC there.
 */
export function bdAzeotrope(): { x: number; t: number } {
  let a = 0.05;
  let b = 0.5;
  const g = (x: number): number => poly(DX, x);
  if (g(a) * g(b) > 0) throw new Error('Blouin-Daligault fit: no azeotrope bracket');
  for (let k = 0; k < 100; k++) {
    const m = 0.5 * (a + b);
    if (g(a) * g(m) <= 0) b = m;
    else a = m;
  }
  const x = 0.5 * (a + b);
  return { x, t: bdLiquidusT(x) };
}

/** Rows for Fig. 2: the liquidus (x_liquid, T) and the solidus (x_solid, T) as two branches. */
export function blouinDaligaultFigureRows(n = 200): Array<{ branch: string; x: number; t: number }> {
  const pts = blouinDaligault2021(n);
  return [
    ...pts.map((p) => ({ branch: 'liquidus', x: p.xLiquid, t: p.t })),
    ...pts.map((p) => ({ branch: 'solidus', x: p.xSolid, t: p.t })),
  ];
}

/** Blouin & Daligault 2021 C/O: x_s - x_l of the fit (docs/physics.md section 11), x = O number fraction of the liquid. */
export function bdDeltaX(x: number): number {
  return poly(DX, x);
}

/**
 * Blouin & Daligault 2021 O/Ne, as coded in MESA (docs/physics.md section 14): with x the Ne number
 * fraction of the liquid, x_s - x_l = -0.120299 x + 1.304399 x^2 - 1.722625 x^3 + 0.393996 x^4 + 0.144529 x^5.
 */
export const BD_ONE_DX = [0, -0.120299, 1.304399, -1.722625, 0.393996, 0.144529] as const;
/** The C/O coefficients a0..a5 of the same form (section 11). */
export const BD_CO_DX: readonly number[] = DX;

/** x_s - x_l of the Blouin & Daligault O/Ne fit at Ne fraction x of the liquid. */
export function bdONeDeltaX(x: number): number {
  return poly(BD_ONE_DX, x);
}
