import { commonTangent, type CommonTangentOptions } from './commonTangent.js';
import { compositionGrid, type GridOptions } from './grid.js';
import { lowerHull, type LabelledPoint } from './lowerHull.js';
import type { CoexistenceWindow, FreeEnergyCurve, MiscibilityGap } from './types.js';

export type PhaseLabel = 'liquid' | 'solid';

/** Options of {@link coexistenceWindows} and {@link hullAnalysis}. */
export interface CoexistenceOptions {
  /** Composition grid (array of x in (0, 1)) or options for {@link compositionGrid}. */
  grid?: readonly number[] | GridOptions;
  /** Refine hull edges by solving the common-tangent equations (default true). */
  refine?: boolean;
  /** Options for the tangent refinement. */
  tangent?: CommonTangentOptions;
}

/** The labelled lower hull of a liquid and a solid curve sampled on one grid. */
export interface HullAnalysis {
  grid: number[];
  hull: LabelledPoint<PhaseLabel>[];
  /** Hull edges joining a liquid point to a solid point (unrefined windows). */
  windowEdges: Array<[LabelledPoint<PhaseLabel>, LabelledPoint<PhaseLabel>]>;
  /** Hull edges joining two solid points that are not grid neighbours (solid miscibility gaps). */
  solidGapEdges: Array<[LabelledPoint<PhaseLabel>, LabelledPoint<PhaseLabel>]>;
  /** True if at least one liquid point lies on the hull. */
  liquidOnHull: boolean;
}

export function resolveGrid(grid: CoexistenceOptions['grid']): number[] {
  if (Array.isArray(grid)) return [...grid].filter((x) => x > 0 && x < 1).sort((a, b) => a - b);
  return compositionGrid((grid ?? {}) as GridOptions);
}

/** Sample both curves on the grid and build their common lower convex hull. */
export function hullAnalysis(
  liquid: FreeEnergyCurve,
  solid: FreeEnergyCurve,
  options: CoexistenceOptions = {},
): HullAnalysis {
  const grid = resolveGrid(options.grid);
  const pts: LabelledPoint<PhaseLabel>[] = [];
  grid.forEach((x, index) => {
    // Solid first: at exact ties the solid point is kept (no zero-width windows).
    pts.push({ x, y: solid.f(x), label: 'solid', index });
  });
  const liquidPts = grid.map((x, index) => ({ x, y: liquid.f(x), label: 'liquid' as const, index }));
  // lowerHull keeps the lowest y at equal x; ties go to the point given first.
  const hull = lowerHull([...pts, ...liquidPts]);
  const windowEdges: HullAnalysis['windowEdges'] = [];
  const solidGapEdges: HullAnalysis['solidGapEdges'] = [];
  for (let k = 0; k + 1 < hull.length; k++) {
    const p = hull[k];
    const q = hull[k + 1];
    if (p.label !== q.label) windowEdges.push([p, q]);
    else if (p.label === 'solid' && (q.index ?? 0) - (p.index ?? 0) > 1) solidGapEdges.push([p, q]);
  }
  return { grid, hull, windowEdges, solidGapEdges, liquidOnHull: hull.some((p) => p.label === 'liquid') };
}

/**
 * Every liquid-solid coexistence window at one Gamma: the lower convex hull of both
 * curves on a dense x grid, each hull edge joining a liquid point to a solid point is
 * a window, refined to the exact double tangent (docs/physics.md section 9). Sorted by x.
 */
export function coexistenceWindows(
  liquid: FreeEnergyCurve,
  solid: FreeEnergyCurve,
  options: CoexistenceOptions = {},
): CoexistenceWindow[] {
  const h = hullAnalysis(liquid, solid, options);
  return h.windowEdges.map(([p, q]) => refineWindow(liquid, solid, p, q, options, h.grid)).sort(
    (a, b) => Math.min(a.xLiquid, a.xSolid) - Math.min(b.xLiquid, b.xSolid),
  );
}

function refineWindow(
  liquid: FreeEnergyCurve,
  solid: FreeEnergyCurve,
  p: LabelledPoint<PhaseLabel>,
  q: LabelledPoint<PhaseLabel>,
  options: CoexistenceOptions,
  grid: readonly number[],
): CoexistenceWindow {
  const l = p.label === 'liquid' ? p : q;
  const s = p.label === 'liquid' ? q : p;
  const coarse: CoexistenceWindow = { xLiquid: l.x, xSolid: s.x, slope: (s.y - l.y) / (s.x - l.x) };
  if (options.refine === false) return coarse;
  try {
    const t = commonTangent(liquid, solid, l.x, s.x, options.tangent);
    // The refined tangent must stay ordered like the hull edge, and near its ends (the
    // tangent points lie within a grid step of the hull vertices; allow ten).
    if ((t.xb - t.xa) * (s.x - l.x) <= 0) return { ...coarse, refined: false };
    const near = (x: number, pt: LabelledPoint<PhaseLabel>): boolean => Math.abs(x - pt.x) <= 10 * localStep(grid, pt.index ?? -1) + 1e-9;
    if (!near(t.xa, l) || !near(t.xb, s)) return { ...coarse, refined: false };
    return { xLiquid: t.xa, xSolid: t.xb, slope: t.slope };
  } catch {
    return { ...coarse, refined: false };
  }
}

/** Refine solid-solid hull edges (gaps) into miscibility gaps with the curve's own double tangent. */
export function refineGap(curve: FreeEnergyCurve, xLow: number, xHigh: number, options: CoexistenceOptions = {}): MiscibilityGap {
  try {
    const t = commonTangent(curve, curve, xLow, xHigh, options.tangent);
    if (t.xb - t.xa > 0) return { xLow: t.xa, xHigh: t.xb, slope: t.slope };
  } catch {
    /* fall through to the grid values */
  }
  return { xLow, xHigh, slope: (curve.f(xHigh) - curve.f(xLow)) / (xHigh - xLow) };
}

/** Largest distance from grid point i to its neighbours (0.01 if unknown). */
function localStep(grid: readonly number[], i: number): number {
  if (i < 0 || i >= grid.length) return 0.01;
  const left = i > 0 ? grid[i] - grid[i - 1] : grid[i];
  const right = i + 1 < grid.length ? grid[i + 1] - grid[i] : 1 - grid[i];
  return Math.max(left, right);
}
