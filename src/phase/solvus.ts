import { refineGap, resolveGrid, type CoexistenceOptions } from './coexistence.js';
import { lowerHull } from './lowerHull.js';
import type { FreeEnergyCurve, MiscibilityGap } from './types.js';

/**
 * Miscibility gaps of one free-energy curve at fixed Gamma (the solvus of a solid with a
 * fixed microstructure): sample the curve on the grid, take its own lower convex hull,
 * and every hull edge that skips at least one grid point is a gap; each is refined by
 * the curve's double tangent with itself. Sorted by x.
 */
export function miscibilityGaps(curve: FreeEnergyCurve, options: CoexistenceOptions = {}): MiscibilityGap[] {
  const grid = resolveGrid(options.grid);
  const hull = lowerHull(grid.map((x, index) => ({ x, y: curve.f(x), label: 'c', index })));
  const gaps: MiscibilityGap[] = [];
  for (let k = 0; k + 1 < hull.length; k++) {
    const p = hull[k];
    const q = hull[k + 1];
    if ((q.index ?? 0) - (p.index ?? 0) <= 1) continue;
    if (options.refine === false) gaps.push({ xLow: p.x, xHigh: q.x, slope: (q.y - p.y) / (q.x - p.x) });
    else gaps.push(refineGap(curve, p.x, q.x, options));
  }
  return gaps;
}
