import type { Mixture } from '../mixture/composition.js';
import { mixingEntropy } from '../mixture/entropy.js';
import { naturalSpline } from './naturalSpline.js';
import type { FreeEnergyCurve } from './types.js';

/**
 * The short-range-ordered (SRO) solid free-energy curve at fixed Gamma (docs/physics.md section 6):
 * minimize F over the order parameters on an x grid (step <= 0.01, denser near x = 0 and
 * 1, warm-started along x), then interpolate. Instead of splining F itself (the paper),
 * spline the smooth part F + T S_mix and add -T S_mix back exactly (T = 1/Gamma in U_1),
 * so the logarithmic ends x ln x are exact and the tangent construction sees the right
 * slopes at x, 1 - x << 1.
 *
 * Everything here is a function of plain data (numbers, arrays), so that the grid can be
 * split among worker threads: `sroGrid` -> `minimizeAlongX` (per chunk) -> `sroCurveFromPoints`.
 */

/** One minimized point. */
export interface SroPoint {
  x: number;
  /** Minimized free energy per ion, U_1 (linear mixing subtracted). */
  F: number;
  /** Order parameters alpha_1..alpha_n at the minimum. */
  alpha: number[];
}

/** A minimizer with the shape of `sroSolid` (src/models/sro.ts). */
export type SroMinimizer = (
  mix: Mixture,
  gamma: number,
  options: { warmStart?: ArrayLike<number> },
) => Promise<{ F: number; alpha?: ArrayLike<number> }> | { F: number; alpha?: ArrayLike<number> };

/** Options of {@link sroGrid}. */
export interface SroGridOptions {
  /** Bulk step (default 0.01; must be <= 0.01). */
  step?: number;
  /** Extra points near x = 0 (mirrored near 1); default 0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075. */
  endPoints?: readonly number[];
  /** Allow a bulk step above 0.01 (coarse previews such as `reproduce --quick`; default false). */
  coarse?: boolean;
}

/** The x grid of the SRO minimizations: uniform bulk plus extra points near both ends. */
export function sroGrid(options: SroGridOptions = {}): number[] {
  const step = options.step ?? 0.01;
  const max = options.coarse ? 0.25 : 0.01;
  if (!(step > 0 && step <= max)) throw new RangeError(`SRO grid step must lie in (0, ${max}], got ${step}`);
  const ends = options.endPoints ?? [0.0005, 0.001, 0.002, 0.003, 0.005, 0.0075];
  const n = Math.round(1 / step);
  const pts = new Set<number>();
  for (let k = 1; k < n; k++) pts.add(Math.round((k / n) * 1e12) / 1e12);
  for (const e of ends) {
    if (e > 0 && e < 1 / n) {
      pts.add(e);
      pts.add(Math.round((1 - e) * 1e12) / 1e12);
    }
  }
  return [...pts].sort((a, b) => a - b);
}

/**
 * Minimize at each x in order, warm-starting from the previous point's order parameters
 * shifted to the new x (alpha_i - x_prev^2 + x^2, which keeps sum_i m_i (alpha_i - x^2) = 0).
 * If a warm-started minimization throws, it is retried cold.
 */
export async function minimizeAlongX(
  z1: number,
  z2: number,
  gamma: number,
  xs: readonly number[],
  minimize: SroMinimizer,
  options: {
    warmStart?: ArrayLike<number>;
    xWarm?: number;
    onPoint?: (p: SroPoint) => void;
    /** Called when a point fails even cold; the point is then left out (default: rethrow). */
    onFailure?: (x: number, err: unknown) => void;
  } = {},
): Promise<SroPoint[]> {
  const out: SroPoint[] = [];
  let prev: number[] | undefined = options.warmStart ? Array.from(options.warmStart) : undefined;
  let xPrev = options.xWarm ?? xs[0];
  for (const x of xs) {
    const mix: Mixture = { z1, z2, x };
    // A Float64Array whatever the values: arrays holding only Smis one time and doubles the next
    // made V8 deoptimize and recompile the minimizer (sroSolid).
    const warm = prev ? Float64Array.from(prev, (a) => Math.min(x, Math.max(Math.max(0, 2 * x - 1), a - xPrev * xPrev + x * x))) : undefined;
    let r: { F: number; alpha?: ArrayLike<number> };
    try {
      try {
        r = await minimize(mix, gamma, warm ? { warmStart: warm } : {});
      } catch (err) {
        if (!warm) throw err;
        r = await minimize(mix, gamma, {});
      }
    } catch (err) {
      if (!options.onFailure) throw err;
      options.onFailure(x, err);
      continue;
    }
    const p: SroPoint = { x, F: r.F, alpha: r.alpha ? Array.from(r.alpha) : [] };
    out.push(p);
    options.onPoint?.(p);
    prev = p.alpha.length > 0 ? p.alpha : undefined;
    xPrev = x;
  }
  return out;
}

/** Options of {@link sroCurveFromPoints}. */
export interface SroSplineOptions {
  /**
   * Add the knots (0, 0) and (1, 0) for the smooth part (default true): with linear mixing
   * subtracted the energy of a pure crystal is zero and its residual entropy too, so
   * F + T S_mix -> 0 at both ends.
   */
  pinEnds?: boolean;
  /** Spline F itself, as the paper does, instead of the smooth part (default false). */
  splineF?: boolean;
}

/**
 * The interpolated SRO curve: natural cubic spline of F + T S_mix through the minimized
 * points, minus T S_mix exactly, with its analytic derivative
 * dF/dx = s'(x) - T ln((1 - x)/x).
 */
export function sroCurveFromPoints(points: readonly SroPoint[], gamma: number, options: SroSplineOptions = {}): FreeEnergyCurve {
  const T = 1 / gamma;
  const sorted = [...points].sort((a, b) => a.x - b.x);
  if (options.splineF) {
    const s = naturalSpline(
      sorted.map((p) => p.x),
      sorted.map((p) => p.F),
    );
    return { f: (x) => s(x), df: (x) => s.derivative(x) };
  }
  const xs = sorted.map((p) => p.x);
  const ys = sorted.map((p) => p.F + T * mixingEntropy(p.x));
  if (options.pinEnds ?? true) {
    if (xs[0] > 0) {
      xs.unshift(0);
      ys.unshift(0);
    }
    if (xs[xs.length - 1] < 1) {
      xs.push(1);
      ys.push(0);
    }
  }
  const s = naturalSpline(xs, ys);
  return {
    f: (x) => s(x) - T * mixingEntropy(x),
    df: (x) => s.derivative(x) - T * Math.log((1 - x) / x),
    slopeParts: { smooth: (x) => s.derivative(x), T },
  };
}
