import { expit, logit, slopeInLogit, solveSlopeLogit } from './commonTangent.js';
import { compositionGrid } from './grid.js';
import type { CurveProvider, CurvesAtGamma } from './phaseDiagram.js';
import type { FreeEnergyCurve } from './types.js';

/**
 * The liquidus read the other way round: for a liquid of composition x_l, the Gamma at which it
 * starts to crystallize and the solid that forms (docs/physics.md section 9). At fixed Gamma the
 * liquid at x_l is stable while no solid lies below its tangent line:
 *     D(Gamma) = min_x [F_s(x) - mu x] - [F_l(x_l) - mu x_l],   mu = F_l'(x_l),
 * is positive. D changes sign at the liquidus Gamma, where the tangent line of the liquid touches
 * the solid at x_s (the double tangent). A coarse scan in Gamma brackets the first sign change;
 * regula falsi (Illinois) refines all compositions in lockstep, so an expensive curve provider
 * (SRO) gets each round's Gammas as one batch (`prepare`).
 */

/** One liquid composition at its liquidus. */
export interface LiquidusPoint {
  xLiquid: number;
  /** Composition of the solid that forms. */
  xSolid: number;
  /** 1 - xSolid from logit x (exact also where xSolid rounds to 1). */
  oneMinusXSolid: number;
  /** Gamma_1 at which the liquid starts to crystallize. */
  gamma: number;
  /** Half-width of the final Gamma bracket (0 when D vanished exactly at the returned Gamma). */
  gammaError: number;
  /** |D| at the returned Gamma, U_1 per ion: the tangent (chord) condition; the slopes agree by construction. */
  residual: number;
}

/** Options of {@link liquidusPoints}. */
export interface LiquidusOptions {
  /** Liquid and solid curves at one Gamma. */
  curvesAt: CurveProvider;
  /** Batch hook: compute the curves of these Gammas at once (optional). */
  prepare?: (gammas: number[]) => Promise<void>;
  /** Liquid compositions. */
  xs: readonly number[];
  /** Coarse Gamma scan (increasing Gamma = decreasing T). */
  gammaMin: number;
  gammaMax: number;
  gammaStep: number;
  /** Stop when the Gamma bracket is narrower than this relative width (default 1e-10). */
  gammaTolerance?: number;
  /** Largest number of lockstep refinement rounds (default 40). */
  maxRounds?: number;
  /** Called after the scan and after each round: (round, compositions still refining). */
  onProgress?: (round: number, open: number) => void;
}

/** Result of {@link liquidusPoints}. */
export interface LiquidusResult {
  points: LiquidusPoint[];
  /** Liquid compositions that do not crystallize inside [gammaMin, gammaMax] (or are solid at gammaMin). */
  outside: number[];
}

/** Sampled solid, for the global part of min_x [F_s(x) - mu x]. */
interface SolidSample {
  curve: FreeEnergyCurve;
  slope: (u: number) => number;
  xs: number[];
  fs: number[];
}

const SAMPLE_GRID = compositionGrid({ step: 0.004, edge: 1e-12, perDecade: 6 });

function sampleSolid(curve: FreeEnergyCurve): SolidSample {
  return { curve, slope: slopeInLogit(curve), xs: SAMPLE_GRID, fs: SAMPLE_GRID.map((x) => curve.f(x)) };
}

/** min_x [F_s(x) - mu x]: best sample, then the local tangent point f_s'(x) = mu solved in logit x. */
function solidIntercept(s: SolidSample, mu: number): { value: number; x: number; u: number } {
  let k = 0;
  for (let j = 1; j < s.xs.length; j++) if (s.fs[j] - mu * s.xs[j] < s.fs[k] - mu * s.xs[k]) k = j;
  let best = { value: s.fs[k] - mu * s.xs[k], x: s.xs[k], u: logit(s.xs[k]) };
  try {
    const u = solveSlopeLogit(s.slope, mu, logit(s.xs[k]), -745, 745);
    const x = expit(u);
    const value = s.curve.f(x) - mu * x;
    if (value <= best.value + 1e-15) best = { value, x, u };
  } catch {
    /* keep the sample value (the grid end is then the best we know) */
  }
  return best;
}

/** D(Gamma) for one liquid composition, with the solid's tangent point. */
function stability(curves: CurvesAtGamma, solid: SolidSample, xl: number): { D: number; xs: number; us: number } {
  const sl = slopeInLogit(curves.liquid);
  const mu = sl(logit(xl));
  const s = solidIntercept(solid, mu);
  return { D: s.value - (curves.liquid.f(xl) - mu * xl), xs: s.x, us: s.u };
}

type Bracket = { xl: number; a: number; Da: number; b: number; Db: number; side: number; guess?: number; last?: { g: number; D: number; xs: number; us: number } };

/** Root in (a, b) of the parabola through (g0, D0), (a, Da), (b, Db) (g0 < a < b), if it is there and unique. */
function quadraticRoot(g0: number, D0: number, a: number, Da: number, b: number, Db: number): number | undefined {
  // Newton form: D(g) = Da + s1 (g - a) + c (g - a)(g - b), s1 = (Db - Da)/(b - a).
  const s1 = (Db - Da) / (b - a);
  const c = ((Da - D0) / (a - g0) - s1) / (g0 - b);
  let g = a - Da / s1;
  for (let k = 0; k < 20; k++) {
    const f = Da + s1 * (g - a) + c * (g - a) * (g - b);
    const df = s1 + c * (2 * g - a - b);
    if (!(df !== 0)) return undefined;
    const step = f / df;
    g -= step;
    if (Math.abs(step) < 1e-14 * Math.abs(g)) break;
  }
  return g > a && g < b ? g : undefined;
}

/**
 * Liquidus Gamma and coexisting solid for every liquid composition in `xs`.
 *
 * @example
 * const r = await liquidusPoints({ curvesAt: (g) => ({ liquid: liquidCurve(6, 8, g), solid: fixedSolidCurve('random', 6, 8, g, sums) }),
 *   xs: [0.5], gammaMin: 100, gammaMax: 190, gammaStep: 1 });
 * r.points[0].gamma; // ~176.6: a C/O liquid with half O crystallizes there (random solid)
 */
export async function liquidusPoints(options: LiquidusOptions): Promise<LiquidusResult> {
  const tol = options.gammaTolerance ?? 1e-10;
  const maxRounds = options.maxRounds ?? 40;
  const solids = new Map<number, { curves: CurvesAtGamma; solid: SolidSample }>();
  const at = async (g: number) => {
    let e = solids.get(g);
    if (!e) {
      const curves = await options.curvesAt(g);
      e = { curves, solid: sampleSolid(curves.solid) };
      solids.set(g, e);
    }
    return e;
  };
  const n = Math.floor((options.gammaMax - options.gammaMin) / options.gammaStep + 1e-9);
  const scan = Array.from({ length: n + 1 }, (_, k) => options.gammaMin + k * options.gammaStep);
  await options.prepare?.(scan);
  const open: Bracket[] = [];
  const outside: number[] = [];
  const prev = new Map<number, number>();
  const prev2 = new Map<number, number>();
  for (const g of scan) {
    const e = await at(g);
    for (const xl of options.xs) {
      if (open.some((b) => b.xl === xl) || outside.includes(xl)) continue;
      const D = stability(e.curves, e.solid, xl).D;
      const Dprev = prev.get(xl);
      if (Dprev === undefined && !(D > 0)) outside.push(xl);
      else if (Dprev !== undefined && !(D > 0)) {
        const a = g - options.gammaStep;
        const Dpp = prev2.get(xl);
        // First trial from the parabola through the last three scan points (D is smooth in Gamma).
        const guess = Dpp === undefined ? undefined : quadraticRoot(a - options.gammaStep, Dpp, a, Dprev, g, D);
        open.push({ xl, a, Da: Dprev, b: g, Db: D, side: 0, guess });
      }
      if (Dprev !== undefined) prev2.set(xl, Dprev);
      prev.set(xl, D);
    }
  }
  for (const xl of options.xs) if (!open.some((b) => b.xl === xl) && !outside.includes(xl)) outside.push(xl);
  options.onProgress?.(0, open.length);
  const done: LiquidusPoint[] = [];
  let active = open;
  for (let round = 1; round <= maxRounds && active.length > 0; round++) {
    const trial = active.map((b) => {
      let c = round === 1 && b.guess !== undefined ? b.guess : b.a - (b.Da * (b.b - b.a)) / (b.Db - b.Da);
      if (!(c > b.a && c < b.b)) c = 0.5 * (b.a + b.b);
      return c;
    });
    await options.prepare?.(trial);
    const next: Bracket[] = [];
    for (const [k, b] of active.entries()) {
      const g = trial[k];
      const e = await at(g);
      const s = stability(e.curves, e.solid, b.xl);
      b.last = { g, D: s.D, xs: s.xs, us: s.us };
      if (s.D > 0) {
        b.a = g; b.Da = s.D;
        if (b.side === 1) b.Db *= 0.5;
        b.side = 1;
      } else {
        b.b = g; b.Db = s.D;
        if (b.side === -1) b.Da *= 0.5;
        b.side = -1;
      }
      const width = b.b - b.a;
      if (s.D === 0 || width <= tol * g || round === maxRounds) done.push(finish(b));
      else next.push(b);
    }
    active = next;
    options.onProgress?.(round, active.length);
  }
  done.sort((p, q) => p.xLiquid - q.xLiquid);
  return { points: done, outside: outside.sort((p, q) => p - q) };
}

function finish(b: Bracket): LiquidusPoint {
  const last = b.last!;
  const oneMinus = last.us >= 0 ? Math.exp(-last.us) / (1 + Math.exp(-last.us)) : 1 / (1 + Math.exp(last.us));
  return { xLiquid: b.xl, xSolid: last.xs, oneMinusXSolid: oneMinus, gamma: last.g, gammaError: last.D === 0 ? 0 : (b.b - b.a) / 2, residual: Math.abs(last.D) };
}
