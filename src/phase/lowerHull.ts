/** A labelled point on an (x, y) plane, e.g. a free energy at composition x. */
export interface LabelledPoint<L = string> {
  x: number;
  y: number;
  label: L;
  /** Position of the point in its own curve's grid (used to tell gaps from grid steps). */
  index?: number;
}

/**
 * Lower convex hull of labelled points (Andrew's monotone chain), returned from left to
 * right. Points with the same x keep only the lowest y (ties: the first one given).
 * Collinear middle points are dropped unless their height above the chord exceeds
 * `tolerance` in absolute y (default 0: strict convexity test).
 */
export function lowerHull<L>(points: readonly LabelledPoint<L>[], tolerance = 0): LabelledPoint<L>[] {
  const sorted = points
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .map((p, k) => ({ p, k }))
    .sort((a, b) => a.p.x - b.p.x || a.p.y - b.p.y || a.k - b.k)
    .map((e) => e.p);
  const unique: LabelledPoint<L>[] = [];
  for (const p of sorted) {
    if (unique.length > 0 && unique[unique.length - 1].x === p.x) continue;
    unique.push(p);
  }
  const hull: LabelledPoint<L>[] = [];
  for (const p of unique) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      // Height of b above the chord a-p (<= tolerance: b is not a strict hull vertex).
      const t = (b.x - a.x) / (p.x - a.x);
      const chord = a.y + t * (p.y - a.y);
      if (b.y - chord >= -tolerance) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}
