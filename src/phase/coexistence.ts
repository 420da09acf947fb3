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

/** Tangent points may lie this many grid cells beyond their hull vertex (or anywhere past a grid end). */
const NEIGHBOUR_CELLS = 10;
/** Largest accepted residual of the tangent conditions (slopes and chord), U_1 per ion. */
export const TANGENT_RESIDUAL_MAX = 1e-9;
/** Smallest composition (and distance from 1) the refinement may reach: the tangent equations are solved in logit x. */
export const REFINE_EDGE = 1e-300;

/**
 * The open interval around grid vertex i in which its refined tangent point is accepted:
 * NEIGHBOUR_CELLS grid nodes to each side, or up to 0 / 1 past a grid end (a tangent point
 * exponentially close to x = 0, as the C/Fe liquidus, lies beyond the first node).
 */
function vertexInterval(grid: readonly number[], i: number, x: number): [number, number] {
  if (i < 0 || i >= grid.length) return [Math.max(0, x - 0.1), Math.min(1, x + 0.1)];
  const lo = i - NEIGHBOUR_CELLS < 0 ? 0 : grid[i - NEIGHBOUR_CELLS];
  const hi = i + NEIGHBOUR_CELLS >= grid.length ? 1 : grid[i + NEIGHBOUR_CELLS];
  return [lo, hi];
}

/**
 * Refine one hull edge liquid-solid into the exact double tangent (docs/physics.md section 9),
 * solved in logit x so that compositions down to 1e-300 are reached. The result is accepted only
 * if it keeps the edge's order, each point lies near its hull vertex (vertexInterval), and the
 * tangent conditions hold to TANGENT_RESIDUAL_MAX; otherwise the grid edge is returned with
 * refined = false and the reason (a grid node is then not a result).
 */
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
  const fail = (reason: string): CoexistenceWindow => ({ ...coarse, refined: false, reason });
  let t;
  try {
    t = commonTangent(liquid, solid, l.x, s.x, { edge: REFINE_EDGE, ...options.tangent });
  } catch (err) {
    return fail(`tangent equations not solved: ${err instanceof Error ? err.message : String(err)}`);
  }
  if ((t.xb - t.xa) * (s.x - l.x) <= 0) return fail('the refined tangent points swapped sides');
  const inside = (x: number, pt: LabelledPoint<PhaseLabel>): boolean => {
    const [lo, hi] = vertexInterval(grid, pt.index ?? -1, pt.x);
    return x > lo && x < hi;
  };
  if (!inside(t.xa, l) || !inside(t.xb, s)) return fail('the refined tangent left the neighbourhood of its hull edge');
  if (!(t.residual <= TANGENT_RESIDUAL_MAX)) return fail(`tangent residual ${t.residual.toExponential(1)} U_1 above ${TANGENT_RESIDUAL_MAX}`);
  return { xLiquid: t.xa, xSolid: t.xb, slope: t.slope, refined: true, residual: t.residual, logitLiquid: t.ua, logitSolid: t.ub };
}

/**
 * Refine a solid-solid hull edge (gap) into a miscibility gap with the curve's own double
 * tangent; if that fails (e.g. an end closer to x = 1 than double precision resolves) the grid
 * values are returned with refined = false.
 */
export function refineGap(curve: FreeEnergyCurve, xLow: number, xHigh: number, options: CoexistenceOptions = {}): MiscibilityGap {
  try {
    const t = commonTangent(curve, curve, xLow, xHigh, { edge: REFINE_EDGE, ...options.tangent });
    if (t.xb - t.xa > 0 && t.residual <= TANGENT_RESIDUAL_MAX) return { xLow: t.xa, xHigh: t.xb, slope: t.slope, refined: true, logitHigh: t.ub };
  } catch {
    /* fall through to the grid values */
  }
  return { xLow, xHigh, slope: (curve.f(xHigh) - curve.f(xLow)) / (xHigh - xLow), refined: false };
}
