import { composedLiquid, DEFAULT_LIQUID, MC2010_GAMMA_CRIT, MC2010_LIQUID, type LiquidIngredients } from '../models/mc2010.js';
import { ogataSolid } from '../models/ogata.js';
import { meltingGamma } from '../ocp/meltingPoint.js';
import { coexistenceWindows } from '../phase/coexistence.js';
import { phaseDiagram, type PhaseDiagramResult } from '../phase/phaseDiagram.js';
import type { CoexistenceWindow, FreeEnergyCurve } from '../phase/types.js';

/*
 * The paper's claim that its "Ogata + S_mixZ" liquid-solid banana coincides with Medin & Cumming's
 * (2010), checked (docs/physics.md section 15). Every diagram uses the Ogata solid with -S_mixZ
 * (Medin & Cumming's solid) and differs only in the liquid; each is drawn in units of its own
 * pure-C melting temperature (the root of its own OCP difference). The causes of the differences
 * are separated by switching one ingredient of our default liquid to Medin & Cumming's at a time.
 */

/** One liquid of the comparison. */
export interface ComparedLiquid {
  key: string;
  label: string;
  parts: LiquidIngredients;
}

/** The liquids compared: ours, our smix variant, Medin & Cumming's, and ours with one of their ingredients. */
export const COMPARED_LIQUIDS: readonly ComparedLiquid[] = [
  { key: 'ours', label: 'ours (-S_mixZ, default)', parts: DEFAULT_LIQUID },
  { key: 'ours-smix', label: 'ours with -S_mix', parts: { ...DEFAULT_LIQUID, idealMixing: 'smix' } },
  { key: 'mc2010', label: 'Medin & Cumming 2010', parts: MC2010_LIQUID },
  { key: 'ours-mc-ocp', label: 'ours with their OCP fit', parts: { ...DEFAULT_LIQUID, ocp: 'mc2010' } },
  { key: 'ours-no-pccdr', label: 'ours without the PCCDR09 correction', parts: { ...DEFAULT_LIQUID, correction: false } },
];

/** The reduced temperatures of the comparison table (T over each model's own T_m of pure C). */
export const COMPARISON_T = [0.993, 1.026, 1.085, 1.174] as const;
/** The liquid compositions at which x_solid is compared. */
export const COMPARISON_X_LIQUID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7] as const;

/** Pure-Z1 melting Gamma of a liquid's OCP fit. */
export function meltingGammaOf(parts: LiquidIngredients): number {
  return parts.ocp === 'mc2010' ? MC2010_GAMMA_CRIT : meltingGamma();
}

function curves(parts: LiquidIngredients, z1: number, z2: number, gamma: number): { liquid: FreeEnergyCurve; solid: FreeEnergyCurve } {
  return {
    liquid: { f: (x) => composedLiquid({ z1, z2, x }, gamma, parts) },
    solid: { f: (x) => ogataSolid({ z1, z2, x }, gamma, { entropy: 'smixz' }).F },
  };
}

const HULL = { grid: { step: 0.002, edge: 1e-8 } };

function windowsAt(parts: LiquidIngredients, z1: number, z2: number, gamma: number): CoexistenceWindow[] {
  const c = curves(parts, z1, z2, gamma);
  return coexistenceWindows(c.liquid, c.solid, HULL);
}

/** x_liquid of the right-hand (O-rich solid) window at Gamma, or null where there is none. */
function rightWindow(parts: LiquidIngredients, z1: number, z2: number, gamma: number): CoexistenceWindow | null {
  const right = windowsAt(parts, z1, z2, gamma).filter((w) => w.xSolid > w.xLiquid);
  return right.length ? right.reduce((a, b) => (b.xLiquid > a.xLiquid ? b : a)) : null;
}

/**
 * The right-hand window whose liquid has composition xl: bisection in Gamma on x_liquid(Gamma),
 * which falls with Gamma along the right branch, to 1e-8 in Gamma. Null if xl is not on it.
 */
export function windowAtLiquid(parts: LiquidIngredients, z1: number, z2: number, xl: number): (CoexistenceWindow & { gamma: number }) | null {
  const gm = meltingGammaOf(parts);
  let hot = gm / 1.6;
  let cold = gm / 0.95;
  const xAt = (g: number) => rightWindow(parts, z1, z2, g)?.xLiquid ?? -1;
  if (!(xAt(hot) > xl)) return null;
  for (let k = 0; k < 100 && cold - hot > 1e-8; k++) {
    const mid = 0.5 * (hot + cold);
    if (xAt(mid) > xl) hot = mid;
    else cold = mid;
  }
  const w = rightWindow(parts, z1, z2, hot);
  return w && Math.abs(w.xLiquid - xl) < 1e-6 ? { ...w, gamma: hot } : null;
}

/** Rows of the comparison at equal T/T_m and at equal x_liquid. */
export interface Mc2010Comparison {
  gammaMelt: Record<string, number>;
  atT: Array<{ liquid: string; tOverTm: number; gamma: number; windows: Array<{ xLiquid: number; xSolid: number }> }>;
  atXLiquid: Array<{ liquid: string; xLiquid: number; xSolid: number | null; tOverTm: number | null }>;
  /** Medin & Cumming's diagram (model 'mc2010', T/T_m = 178.6/Gamma) for Fig. 2. */
  diagram: PhaseDiagramResult;
}

/**
 * Compute the comparison for C/O (or any pair): both tables, and Medin & Cumming's diagram over
 * T/T_m = 0.97 ... 1.2 for Fig. 2.
 *
 * @example (await mc2010Comparison(6, 8)).atT[0]
 */
export async function mc2010Comparison(z1: number, z2: number, gammaStep = 0.5): Promise<Mc2010Comparison> {
  const gammaMelt: Record<string, number> = {};
  const atT: Mc2010Comparison['atT'] = [];
  const atXLiquid: Mc2010Comparison['atXLiquid'] = [];
  for (const l of COMPARED_LIQUIDS) {
    const gm = (gammaMelt[l.key] = meltingGammaOf(l.parts));
    for (const t of COMPARISON_T) {
      const w = windowsAt(l.parts, z1, z2, gm / t);
      atT.push({ liquid: l.key, tOverTm: t, gamma: gm / t, windows: w.map((v) => ({ xLiquid: v.xLiquid, xSolid: v.xSolid })) });
    }
    for (const xl of COMPARISON_X_LIQUID) {
      const w = windowAtLiquid(l.parts, z1, z2, xl);
      atXLiquid.push({ liquid: l.key, xLiquid: xl, xSolid: w?.xSolid ?? null, tOverTm: w ? gm / w.gamma : null });
    }
  }
  const diagram = await phaseDiagram({ model: 'mc2010', z1, z2, gammaMin: 130, gammaMax: 181.5, gammaStep, solvus: false, extendToAzeotrope: true });
  return { gammaMelt, atT, atXLiquid, diagram };
}
