import type { CurveProvider, CurvesAtGamma } from './phaseDiagram.js';
import type { LiquidOptions } from '../models/liquid.js';
import { liquidCurve } from './modelCurves.js';
import { minimizeAlongX, sroCurveFromPoints, sroGrid, type SroMinimizer, type SroPoint, type SroSplineOptions } from './sroCurve.js';

/**
 * Computes the minimized SRO points for several Gammas on one x grid (plain data in and
 * out). The default runs in this thread; the parallel layer (src/parallel/) can supply one
 * that spreads the Gammas over worker threads.
 */
export type SroPointsComputer = (gammas: number[], xs: number[]) => Promise<SroPoint[][]>;

/** Options of {@link sroCurveProvider}. */
export interface SroProviderOptions extends SroSplineOptions {
  z1: number;
  z2: number;
  /** Liquid options (default: the paper's liquid, ideal term -S_mixZ). */
  liquid?: LiquidOptions;
  /** x grid of the minimizations (default sroGrid(): step 0.01 plus end points). */
  xs?: number[];
  /** Batch computer of SRO points; default: `minimizer` along x, one Gamma after the other. */
  compute?: SroPointsComputer;
  /** Single-point minimizer for the default computer (required when `compute` is absent). */
  minimizer?: SroMinimizer;
  /** Default computer only: report a point that failed (it is left out of the spline); default rethrow. */
  onFailure?: (gamma: number, x: number, err: unknown) => void;
  /** Called with each finished Gamma's points (e.g. for Fig. 1 / Fig. 3 data). */
  onCurve?: (gamma: number, points: SroPoint[]) => void;
}

/** The provider plus a batch `prepare` hook for the scan Gammas, and the cache of points. */
export interface SroCurveProvider {
  provider: CurveProvider;
  prepare(gammas: number[]): Promise<void>;
  points: Map<number, SroPoint[]>;
}

/**
 * SRO solid + liquid curves at any Gamma, computed once per Gamma and cached. `prepare`
 * computes a whole batch at once (one parallel sweep); Gammas asked later (azeotrope
 * refinement) are computed on demand.
 */
export function sroCurveProvider(options: SroProviderOptions): SroCurveProvider {
  const xs = options.xs ?? sroGrid();
  const { z1, z2 } = options;
  const compute: SroPointsComputer =
    options.compute ??
    (async (gammas, grid) => {
      if (!options.minimizer) throw new Error('sroCurveProvider: give either compute or minimizer');
      const out: SroPoint[][] = [];
      const onFail = options.onFailure;
      for (const g of gammas) {
        out.push(
          await minimizeAlongX(z1, z2, g, grid, options.minimizer, onFail ? { onFailure: (x, e) => onFail(g, x, e) } : {}),
        );
      }
      return out;
    });
  const points = new Map<number, SroPoint[]>();
  const curves = new Map<number, CurvesAtGamma>();
  const store = (g: number, pts: SroPoint[]): void => {
    points.set(g, pts);
    curves.set(g, { liquid: liquidCurve(z1, z2, g, options.liquid), solid: sroCurveFromPoints(pts, g, options) });
    options.onCurve?.(g, pts);
  };
  return {
    points,
    async prepare(gammas) {
      const todo = [...new Set(gammas)].filter((g) => !curves.has(g));
      if (todo.length === 0) return;
      const res = await compute(todo, xs);
      todo.forEach((g, k) => store(g, res[k]));
    },
    provider: async (g) => {
      let c = curves.get(g);
      if (!c) {
        const [pts] = await compute([g], xs);
        store(g, pts);
        c = curves.get(g)!;
      }
      return c;
    },
  };
}
