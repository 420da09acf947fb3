import type { LatticeSums } from '../latticeSums/types.js';
import { randomEnergy } from '../mixture/electrostatic.js';
import { liquidFreeEnergy } from '../models/liquid.js';
import { ogataEnergy, ogataSolid } from '../models/ogata.js';
import { randomSolid } from '../models/random.js';
import type { Fig1Data } from '../figures/fig1.js';
import { coexistenceWindows } from '../phase/coexistence.js';
import { fixedSolidCurve, liquidCurve } from '../phase/modelCurves.js';
import { sroCurveFromPoints, type SroPoint } from '../phase/sroCurve.js';
import type { CoexistenceWindow, FreeEnergyCurve } from '../phase/types.js';

/** Fig. 1 data and the double tangents at T = T_1m. */
export interface Fig1Result {
  data: Fig1Data;
  gamma: number;
  windows: { random: CoexistenceWindow[]; sro: CoexistenceWindow[] };
}

/**
 * Fig. 1 at Gamma = Gamma_1m: U_rnd, the Ogata fit energy, F from the fit (S_mix),
 * U_rnd - T S_mix, the minimized SRO free energies with their spline, the liquid, and the
 * double tangents of the random and SRO solids with the liquid. U_1 per ion, linear
 * mixing subtracted.
 */
export function fig1Data(z1: number, z2: number, gamma: number, sums: LatticeSums, sroPoints: readonly SroPoint[], hullStep: number): Fig1Result {
  const xs: number[] = [];
  for (let k = 1; k < 400; k++) xs.push(k / 400);
  for (const e of [1e-4, 3e-4, 1e-3]) xs.push(e, 1 - e);
  xs.sort((a, b) => a - b);
  const sro = sroCurveFromPoints(sroPoints, gamma);
  const curves: Fig1Data['curves'] = [];
  const add = (series: string, f: (x: number) => number) => {
    for (const x of xs) curves.push({ series, x, F: f(x) });
  };
  add('U_rnd (energy)', (x) => randomEnergy({ z1, z2, x }, sums));
  add('Ogata fit (energy)', (x) => ogataEnergy({ z1, z2, x }));
  add('Ogata fit - T S_mix', (x) => ogataSolid({ z1, z2, x }, gamma).F);
  add('U_rnd - T S_mix', (x) => randomSolid({ z1, z2, x }, gamma, sums).F);
  add('SRO spline', (x) => sro.f(x));
  add('liquid', (x) => liquidFreeEnergy({ z1, z2, x }, gamma));
  const liquid = liquidCurve(z1, z2, gamma);
  const grid = { grid: { step: hullStep, edge: 1e-8 } };
  const wRandom = coexistenceWindows(liquid, fixedSolidCurve('random', z1, z2, gamma, sums), grid);
  const wSro = coexistenceWindows(liquid, sro, grid);
  const tangents: NonNullable<Fig1Data['tangents']> = [];
  const tangent = (name: string, w: CoexistenceWindow, solid: FreeEnergyCurve) => {
    const x0 = w.xLiquid;
    const y0 = liquid.f(x0);
    const slope = w.slope ?? (solid.f(w.xSolid) - y0) / (w.xSolid - x0);
    const lo = Math.max(0, Math.min(w.xLiquid, w.xSolid) - 0.08);
    const hi = Math.min(1, Math.max(w.xLiquid, w.xSolid) + 0.08);
    tangents.push({ series: name, x: lo, F: y0 + slope * (lo - x0) }, { series: name, x: hi, F: y0 + slope * (hi - x0) });
  };
  wRandom.forEach((w, k) => tangent(`tangent random ${k + 1}`, w, fixedSolidCurve('random', z1, z2, gamma, sums)));
  wSro.forEach((w, k) => tangent(`tangent SRO ${k + 1}`, w, sro));
  return {
    gamma,
    windows: { random: wRandom, sro: wSro },
    data: {
      gamma,
      curves,
      points: sroPoints.map((p) => ({ series: 'SRO minimized', x: p.x, F: p.F })),
      tangents,
    },
  };
}
