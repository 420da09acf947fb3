import { MC2010_GAMMA_CRIT } from '../models/mc2010.js';
import { meltingGamma } from '../ocp/meltingPoint.js';
import { locateAzeotrope, narrowest, pockets, refineAzeotropeTangency } from './azeotrope.js';
import { coexistenceWindows, hullAnalysis, resolveGrid, type CoexistenceOptions } from './coexistence.js';
import type { GridOptions } from './grid.js';
import type { LatticeSums } from '../latticeSums/types.js';
import type { LiquidOptions } from '../models/liquid.js';
import { fixedSolidCurve, liquidCurveFor, sumsForFixedModel, type FixedSolidModel, type SolidModelName } from './modelCurves.js';
import { miscibilityGaps } from './solvus.js';
import type { CoexistenceWindow, FreeEnergyCurve } from './types.js';

/** The liquid and solid curves at one Gamma. */
export interface CurvesAtGamma {
  liquid: FreeEnergyCurve;
  solid: FreeEnergyCurve;
}
/** Any source of curves: a named model or a function of Gamma (may be async, e.g. SRO). */
export type CurveProvider = (gamma: number) => CurvesAtGamma | Promise<CurvesAtGamma>;

/** One coexistence window of the diagram. */
export interface PhaseDiagramRow {
  gamma: number;
  /** T/T_1m = Gamma_1m/Gamma. */
  tOverT1m: number;
  xLiquid: number;
  xSolid: number;
  /** 'left' if the solid lies at lower x than the liquid (Z1-rich solid), else 'right'. */
  side: 'left' | 'right';
}

/** One miscibility gap of the solid (fixed-microstructure models). */
export interface SolvusRow {
  gamma: number;
  tOverT1m: number;
  xLow: number;
  xHigh: number;
  /** True if the liquid lies below the solid's tangent somewhere in the gap (gap hidden by melting). */
  metastable: boolean;
}

export interface AzeotropeRow {
  /**
   * 'azeotrope': liquidus and solidus touch (all four window compositions meet);
   * 'eutectic': the liquid pocket closes between two different solids (x_solid_low/high).
   */
  kind: 'azeotrope' | 'eutectic';
  gamma: number;
  tOverT1m: number;
  x: number;
  /**
   * Tangency refinement: |x(tangency) - x(midpoint of the four window compositions at the
   * bisection end)|; bisection only: half the spread of those four compositions.
   */
  xError: number;
  /** Eutectic only: the two solid compositions in equilibrium with the last liquid. */
  xSolidLow?: number;
  xSolidHigh?: number;
}

export interface PhaseDiagramResult {
  model: string;
  z1: number;
  z2: number;
  gamma1m: number;
  gammas: number[];
  rows: PhaseDiagramRow[];
  /** The first invariant point found (for C/O: the azeotrope), or null. */
  azeotrope: AzeotropeRow | null;
  /** Every invariant point found in the scan (azeotropes and eutectics), by Gamma. */
  invariants: AzeotropeRow[];
  solvus: SolvusRow[];
}

/** Options of {@link phaseDiagram}. */
export interface PhaseDiagramOptions {
  /** A named solid model (the liquid is always src/models/liquid.ts) or a curve provider. */
  model: SolidModelName | CurveProvider;
  /** Model name to report when `model` is a provider. */
  name?: string;
  /** Liquid options for the named fixed models (default: the paper's liquid, ideal term -S_mix). */
  liquid?: LiquidOptions;
  /** Lattice sums for the 'random' model (default: getLatticeSums(8), computed once per process). */
  sums?: LatticeSums;
  z1?: number;
  z2?: number;
  gammaMin: number;
  gammaMax: number;
  gammaStep: number;
  /** Composition grid of the hull (default: step 0.002 with geometric ends down to 1e-8). */
  grid?: readonly number[] | GridOptions;
  /** Gamma_1m; default computed by meltingGamma(). */
  gamma1m?: number;
  /**
   * Scan the solvus (default: true for fixed-microstructure models, over Gamma from
   * gammaMin to 800 in steps of 5; the C/O gaps open near Gamma ~ 350, T/T_1m ~ 0.5).
   */
  solvus?: boolean | { gammaMin?: number; gammaMax: number; gammaStep: number };
  /** Gamma tolerance of the azeotrope bisection (default 1e-6). */
  azeotropeTolerance?: number;
  /** Largest Gamma searched for the azeotrope beyond gammaMax (default gammaMax + 100). */
  azeotropeSearchLimit?: number;
  /**
   * Also report the windows found while stepping beyond gammaMax towards the azeotrope
   * (same Gamma step), so that liquidus and solidus reach it in plots (default false).
   */
  extendToAzeotrope?: boolean;
  /** Worker threads (passed on to curve providers that can use them; SRO). */
  threads?: number;
  /** Called after each Gamma of the main scan. */
  onProgress?: (done: number, total: number) => void;
  /** Provider for 'sro' (see sroCurveProvider in ./sroProvider.ts). */
  sroProvider?: CurveProvider;
  /**
   * Called once with every Gamma of the main scan before it starts, so that expensive
   * providers (SRO) can compute all curves in one parallel batch.
   */
  prepare?: (gammas: number[]) => Promise<void>;
  /** Azeotrope refinement: bisection then exact tangency (default), or bisection only. */
  azeotropeRefine?: 'tangency' | 'bisection';
  /** Maximum outer iterations of the tangency refinement (default 100). */
  azeotropeMaxIterations?: number;
}

const FIXED: readonly string[] = ['random', 'ogata', 'ogata-smixz', 'mc2010'];

/** Gamma values gammaMin, gammaMin + step, ... <= gammaMax (+1e-9 slack), rounded to 1e-9. */
export function gammaGrid(gammaMin: number, gammaMax: number, gammaStep: number): number[] {
  if (!(gammaStep > 0)) throw new RangeError(`gamma step must be positive, got ${gammaStep}`);
  if (!(gammaMax > gammaMin)) throw new RangeError(`gamma-max must exceed gamma-min (${gammaMin} >= ${gammaMax})`);
  const n = Math.floor((gammaMax - gammaMin) / gammaStep + 1e-9);
  return Array.from({ length: n + 1 }, (_, k) => Math.round((gammaMin + k * gammaStep) * 1e9) / 1e9);
}

/** Scan Gamma, collect the windows, locate the azeotrope and (fixed models) the solvus. */
export async function phaseDiagram(options: PhaseDiagramOptions): Promise<PhaseDiagramResult> {
  const z1 = options.z1 ?? 6;
  const z2 = options.z2 ?? 8;
  if (!(z1 > 0 && z2 > z1)) throw new RangeError(`need 0 < z1 < z2, got z1 = ${z1}, z2 = ${z2}`);
  const gammas = gammaGrid(options.gammaMin, options.gammaMax, options.gammaStep);
  // Each model in units of its own pure-Z1 melting point: Medin & Cumming's is their Gamma_crit.
  const gamma1m = options.gamma1m ?? (options.model === 'mc2010' ? MC2010_GAMMA_CRIT : meltingGamma());
  const grid = resolveGrid(options.grid ?? { step: 0.002, edge: 1e-8 });
  const hullOptions: CoexistenceOptions = { grid };

  let provider: CurveProvider;
  let name: string;
  let fixed = false;
  if (typeof options.model === 'function') {
    provider = options.model;
    name = options.name ?? 'custom';
  } else if (FIXED.includes(options.model)) {
    const model = options.model as FixedSolidModel;
    const sums = options.sums ?? (await sumsForFixedModel(model));
    provider = (g) => ({ liquid: liquidCurveFor(model, z1, z2, g, options.liquid), solid: fixedSolidCurve(model, z1, z2, g, sums) });
    name = model;
    fixed = true;
  } else if (options.model === 'sro') {
    if (!options.sroProvider) throw new Error("phaseDiagram: model 'sro' needs an sroProvider");
    provider = options.sroProvider;
    name = 'sro';
  } else {
    throw new RangeError(`unknown model '${String(options.model)}'`);
  }

  const windowsAt = async (g: number): Promise<CoexistenceWindow[]> => {
    const { liquid, solid } = await provider(g);
    return coexistenceWindows(liquid, solid, hullOptions);
  };

  await options.prepare?.(gammas);
  const rows: PhaseDiagramRow[] = [];
  const perGamma: CoexistenceWindow[][] = [];
  for (let k = 0; k < gammas.length; k++) {
    const g = gammas[k];
    const w = await windowsAt(g);
    perGamma.push(w);
    for (const win of w) {
      rows.push({
        gamma: g,
        tOverT1m: gamma1m / g,
        xLiquid: win.xLiquid,
        xSolid: win.xSolid,
        side: win.xSolid < win.xLiquid ? 'left' : 'right',
      });
    }
    options.onProgress?.(k + 1, gammas.length);
  }

  // Azeotrope: a pocket (two windows flanking one phase) at gammas[k] that closes by gammas[k+1].
  // If the pocket is still open at gammaMax, keep stepping Gamma beyond the scan (up to
  // azeotropeSearchLimit) to bracket its closure; the rows stay those of the scan.
  const tol = options.azeotropeTolerance ?? 1e-6;
  const invariantPoint = async (gOpen: number, gClosed: number, phase: 'liquid' | 'solid'): Promise<AzeotropeRow | null> => {
    const az = await locateAzeotrope(windowsAt, gOpen, gClosed, { gammaTolerance: tol, phase });
    const pk = narrowest(pockets(az.windows).filter((q) => q.phase === az.phase))!;
    // Eutectic or azeotrope? Just after the pocket closes, a eutectic leaves a solid
    // miscibility gap (a solid-solid hull edge) across the pocket; an azeotrope does not.
    const after = await provider(az.bracket[1]);
    const gapEdges = hullAnalysis(after.liquid, after.solid, hullOptions).solidGapEdges;
    if (az.phase === 'liquid' && gapEdges.some(([a, b]) => a.x <= pk.x && pk.x <= b.x)) {
      return {
        kind: 'eutectic',
        gamma: az.gamma,
        tOverT1m: gamma1m / az.gamma,
        x: (pk.left.xLiquid + pk.right.xLiquid) / 2,
        xError: Math.abs(pk.right.xLiquid - pk.left.xLiquid) / 2,
        xSolidLow: Math.min(pk.left.xSolid, pk.right.xSolid),
        xSolidHigh: Math.max(pk.left.xSolid, pk.right.xSolid),
      };
    }
    // Bisection brackets Gamma_az; the pocket width ~ sqrt|Gamma_az - Gamma| limits x, so a
    // liquid pocket closing towards larger Gamma is finished with the exact tangency
    // conditions F_l = F_s, F_l' = F_s' (else the bisection result stands).
    const t =
      options.azeotropeRefine === 'bisection' || az.phase !== 'liquid' || gClosed < gOpen
        ? null
        : await refineAzeotropeTangency(provider, az.bracket[0], az.bracket[1], az.x, 0.05, options.azeotropeMaxIterations, gClosed + options.gammaStep);
    return t
      ? { kind: 'azeotrope', gamma: t.gamma, tOverT1m: gamma1m / t.gamma, x: t.x, xError: Math.abs(t.x - az.x) }
      : { kind: 'azeotrope', gamma: az.gamma, tOverT1m: gamma1m / az.gamma, x: az.x, xError: az.xError };
  };
  const seq = gammas.map((g, k) => ({ g, w: perGamma[k] }));
  const limit = options.azeotropeSearchLimit ?? options.gammaMax + 100;
  const lastOpen = pockets(perGamma[perGamma.length - 1]);
  if (lastOpen.length > 0) {
    for (let j = 1, g = gammas[gammas.length - 1] + options.gammaStep; g <= limit + 1e-9; j++, g = Math.round((gammas[gammas.length - 1] + j * options.gammaStep) * 1e9) / 1e9) {
      const w = await windowsAt(g);
      seq.push({ g, w });
      if (options.extendToAzeotrope) {
        for (const win of w) {
          rows.push({ gamma: g, tOverT1m: gamma1m / g, xLiquid: win.xLiquid, xSolid: win.xSolid, side: win.xSolid < win.xLiquid ? 'left' : 'right' });
        }
      }
      if (!pockets(w).some((q) => q.phase === lastOpen[0].phase)) break;
    }
  }
  // Every pocket that closes (or, scanning towards larger Gamma, opens) between two
  // neighbouring Gammas while exactly its two flanking windows vanish: an invariant point.
  // (A pocket that merges with an end of the x range is not one: only one window vanishes.)
  const invariants: AzeotropeRow[] = [];
  for (let k = 0; k + 1 < seq.length; k++) {
    for (const [open, closed] of [
      [seq[k], seq[k + 1]],
      [seq[k + 1], seq[k]],
    ] as const) {
      if (open.w.length - closed.w.length !== 2) continue;
      // The closing pocket is the narrowest one (a wide neighbour may vanish with it).
      const p = narrowest(pockets(open.w));
      if (!p || pockets(closed.w).length >= pockets(open.w).length) continue;
      try {
        const event = await invariantPoint(open.g, closed.g, p.phase);
        if (event) invariants.push(event);
      } catch (err) {
        // Ambiguous topology (another pocket of the same phase survives): not an invariant
        // point this scan can resolve; other errors propagate.
        if (!(err instanceof Error && err.message.startsWith('locateAzeotrope:'))) throw err;
      }
    }
  }
  const azeotrope = invariants[0] ?? null;

  const solvus: SolvusRow[] = [];
  const wantSolvus = options.solvus ?? fixed;
  if (wantSolvus) {
    const sg =
      typeof wantSolvus === 'object'
        ? gammaGrid(wantSolvus.gammaMin ?? options.gammaMin, wantSolvus.gammaMax, wantSolvus.gammaStep)
        : gammaGrid(options.gammaMin, Math.max(800, options.gammaMax + 5), 5);
    const gapsAt = async (g: number): Promise<SolvusRow[]> => {
      const { liquid, solid } = await provider(g);
      const out: SolvusRow[] = [];
      for (const gap of miscibilityGaps(solid, hullOptions)) {
        const slope = (solid.f(gap.xHigh) - solid.f(gap.xLow)) / (gap.xHigh - gap.xLow);
        let metastable = false;
        for (const x of grid) {
          if (x <= gap.xLow || x >= gap.xHigh) continue;
          if (liquid.f(x) < solid.f(gap.xLow) + slope * (x - gap.xLow)) {
            metastable = true;
            break;
          }
        }
        out.push({ gamma: g, tOverT1m: gamma1m / g, xLow: gap.xLow, xHigh: gap.xHigh, metastable });
      }
      return out;
    };
    let prevGamma: number | undefined;
    let prevHad = false;
    for (const g of sg) {
      const rowsHere = await gapsAt(g);
      const has = rowsHere.some((r) => !r.metastable);
      if (has && !prevHad && prevGamma !== undefined) {
        // Onset of the stable gap (top of the solvus dome): bisect in Gamma to 1e-3 of the step.
        let a = prevGamma;
        let b = g;
        let best: SolvusRow[] = rowsHere;
        while (b - a > 1e-3 * (g - prevGamma)) {
          const m = 0.5 * (a + b);
          const r = await gapsAt(m);
          if (r.some((q) => !q.metastable)) {
            b = m;
            best = r;
          } else {
            a = m;
          }
        }
        if (b !== g) solvus.push(...best);
      }
      solvus.push(...rowsHere);
      prevGamma = g;
      prevHad = has;
    }
  }
  return { model: name, z1, z2, gamma1m, gammas, rows, azeotrope, invariants, solvus };
}

export { hullAnalysis };
