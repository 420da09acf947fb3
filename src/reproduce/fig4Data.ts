import type { LatticeSums } from '../latticeSums/types.js';
import type { Fig4Data } from '../figures/fig4.js';
import { fixedSolidCurve } from '../phase/modelCurves.js';
import { miscibilityGaps } from '../phase/solvus.js';
import { bccMadelung, fccMadelung } from './fccMadelung.js';
import { robustSro, sroCurvesInPool, type SroRunOptions, type SroTrouble } from './sroSweeps.js';
import { sweepGammas } from './fig3Data.js';

/** One crystallized solid of Fig. 4. */
export interface Fig4Solid {
  gammaC: number;
  xc: number;
  /** Energy and entropy of the structure frozen at crystallization (U_1 per ion, k_B per ion). */
  Uc: number;
  Sc: number;
  /** min over the wedge of |Delta_k|^2/N at the crystallization minimum (> 0: the constraint is inactive there). */
  minDeltaK: number;
}

/** One row of Fig. 4 (all gains in U_1 per ion). */
export interface Fig4Row {
  gammaC: number;
  xc: number;
  gamma: number;
  /** [U(alpha_c) - T S(alpha_c)] - F_eq(Gamma); null if the minimization failed. */
  reordering: number | null;
  /** F_ogata-smixz(x_c) minus the lower convex hull of F_ogata-smixz at Gamma (0 outside the gap). */
  exsolution: number;
}

export interface Fig4Result {
  data: Fig4Data;
  rows: Fig4Row[];
  solids: Fig4Solid[];
  zetaBccEwald: number;
  zetaFcc: number;
  /** zeta_bcc (lattice sums) - zeta_fcc: fcc - bcc static energy per ion of a pure Z1 crystal, U_1. */
  fccMinusBcc: number;
}

/** Exsolution gain of the Ogata + S_mixZ solid at composition x and Gamma (U_1 per ion). */
export function exsolutionGain(z1: number, z2: number, gamma: number, x: number, hullStep: number): number {
  const curve = fixedSolidCurve('ogata-smixz', z1, z2, gamma);
  for (const gap of miscibilityGaps(curve, { grid: { step: hullStep, edge: 1e-8 } })) {
    if (x > gap.xLow && x < gap.xHigh) {
      const fl = curve.f(gap.xLow);
      const slope = (curve.f(gap.xHigh) - fl) / (gap.xHigh - gap.xLow);
      return Math.max(0, curve.f(x) - (fl + slope * (x - gap.xLow)));
    }
  }
  return 0;
}

/**
 * Fig. 4: for solids crystallized at (Gamma_c, x_c), versus Gamma >= Gamma_c:
 * (a) the re-ordering gain [U(alpha_c) - T S(alpha_c)] - F_eq(Gamma), T = 1/Gamma
 *     (structure frozen at crystallization, its entropy term rescaled with T);
 * (b) the exsolution gain of the Ogata + S_mixZ solid (the dashed solvus of Fig. 2);
 * (c) the fcc - bcc static-lattice energy of a one-component Z1 crystal,
 *     (zeta_bcc - zeta_fcc) Z1^(5/3) e^2/a_e = (zeta_bcc - zeta_fcc) U_1 per ion.
 * The equilibrium F_eq are minimized in the pool, one task per Gamma over the four x_c.
 */
export async function fig4Data(
  z1: number,
  z2: number,
  crystallized: ReadonlyArray<{ gammaC: number; xc: number }>,
  sums: LatticeSums,
  options: SroRunOptions & { threads: number; sweepStep: number; sweepMax: number; hullStep: number },
  trouble: SroTrouble,
  onProgress?: (done: number, total: number) => void,
): Promise<Fig4Result> {
  const solids: Fig4Solid[] = [];
  for (const c of crystallized) {
    const r = await robustSro({ z1, z2, x: c.xc }, c.gammaC, sums, options, trouble);
    if (r) solids.push({ gammaC: c.gammaC, xc: c.xc, Uc: r.U, Sc: r.S, minDeltaK: r.minDeltaK });
  }
  const gammaLow = Math.min(...solids.map((s) => s.gammaC));
  const grid = sweepGammas(gammaLow, options.sweepStep, options.sweepMax);
  const gammas = [...new Set([...grid, ...solids.map((s) => s.gammaC)])].sort((a, b) => a - b);
  const xs = [...new Set(solids.map((s) => s.xc))].sort((a, b) => a - b);
  const curves = xs.length ? await sroCurvesInPool(z1, z2, gammas, xs, sums, options, trouble, onProgress) : [];

  const rows: Fig4Row[] = [];
  for (const s of solids) {
    gammas.forEach((g, k) => {
      if (g < s.gammaC - 1e-9) return;
      const p = curves[k].find((q) => q.x === s.xc);
      const frozen = s.Uc - s.Sc / g;
      rows.push({
        gammaC: s.gammaC,
        xc: s.xc,
        gamma: g,
        reordering: p ? frozen - p.F : null,
        exsolution: exsolutionGain(z1, z2, g, s.xc, options.hullStep),
      });
    });
  }
  const zetaFcc = fccMadelung();
  const zetaBccEwald = bccMadelung();
  const fccMinusBcc = sums.zeta - zetaFcc;
  const points: Fig4Data['points'] = [];
  for (const r of rows) {
    if (r.reordering !== null) points.push({ xc: r.xc, gammaC: r.gammaC, gamma: r.gamma, kind: 'reordering', value: r.reordering });
    points.push({ xc: r.xc, gammaC: r.gammaC, gamma: r.gamma, kind: 'exsolution', value: r.exsolution });
  }
  for (const g of gammas) points.push({ xc: 0, gammaC: 0, gamma: g, kind: 'fcc-bcc', value: fccMinusBcc });
  return {
    data: { points, yTitle: 'free-energy gain per ion / U_1 (U_1 = Z_1^(5/3) e^2/a_e)' },
    rows,
    solids,
    zetaBccEwald,
    zetaFcc,
    fccMinusBcc,
  };
}
