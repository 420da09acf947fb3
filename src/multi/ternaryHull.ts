import quickhull from 'quickhull3d/dist/quickhull3d.js';
import type { PhaseFunction } from './phase.js';

/**
 * Lower convex hull of several free-energy surfaces over the composition triangle, sampled on
 * the grid x = (i, j, n - i - j)/n (docs/physics.md section 13). Facets are classified by
 * their edges: an edge is "short" if it joins two points of one phase with no gap between them
 * (grid neighbours, or the surface below the chord). Two or three short edges: one phase; one short edge: a two-phase region (the short edge on one side, the lone
 * vertex on the other: one grid tie-line); none: a three-phase triangle.
 * quickhull3d (a maintained port of Lloyd's quickhull) computes the hull.
 */
export interface HullPoint {
  phase: number;
  /** Grid indices of species 2 and 3 (x_2 = i/n, x_3 = j/n). */
  i: number;
  j: number;
  x: [number, number, number];
}

const hasBound = (p: PhaseFunction): p is PhaseFunction & { lowerBound(x: ArrayLike<number>): number } =>
  typeof (p as { lowerBound?: unknown }).lowerBound === 'function';

export interface HullFacets {
  points: HullPoint[];
  /** Two-phase facets: the lone vertex and the two vertices of the short edge. */
  twoPhase: Array<{ lone: number; edge: [number, number] }>;
  threePhase: Array<[number, number, number]>;
  /** Hull facets of each single phase (count), for diagnostics. */
  singlePhase: number;
}

/**
 * @param phases free-energy surfaces (units of T), all for the same three species
 * @param n grid subdivisions (n + 1)(n + 2)/2 points per phase
 * @example ternaryHull([liquid, solid], 60).twoPhase.length
 */
export function ternaryHull(phases: readonly PhaseFunction[], n: number): HullFacets {
  const points: HullPoint[] = [];
  const xyz: Array<[number, number, number]> = [];
  const grid: Array<[number, number, number]> = [];
  const ij: Array<[number, number]> = [];
  for (let i = 0; i <= n; i++)
    for (let j = 0; i + j <= n; j++) {
      grid.push([(n - i - j) / n, i / n, j / n]);
      ij.push([i, j]);
    }
  // Cheap phases first; a phase with a rigorous lower bound (the SRO solid) is only evaluated
  // where its bound lies below the others: elsewhere it cannot be a hull vertex (another phase is
  // lower at the same composition) and the bound stands in for it.
  const values = phases.map(() => new Float64Array(grid.length));
  const order = phases.map((_, p) => p).sort((a, b) => Number(hasBound(phases[a])) - Number(hasBound(phases[b])));
  for (const p of order) {
    const ph = phases[p];
    for (let g = 0; g < grid.length; g++) {
      let others = Infinity;
      for (const q of order) if (q !== p && !hasBound(phases[q])) others = Math.min(others, values[q][g]);
      const lb = hasBound(ph) ? ph.lowerBound(grid[g]) : -Infinity;
      values[p][g] = lb > others ? lb : ph.f(grid[g]);
    }
  }
  for (let p = 0; p < phases.length; p++)
    for (let g = 0; g < grid.length; g++) {
      points.push({ phase: p, i: ij[g][0], j: ij[g][1], x: grid[g] });
      xyz.push([ij[g][0] / n, ij[g][1] / n, values[p][g]]);
    }
  // Subtract the plane through the lowest vertex values (same hull, better conditioned heights).
  const corner = (i: number, j: number) => Math.min(...xyz.filter((_, k) => points[k].i === i && points[k].j === j).map((q) => q[2]));
  const [f0, f1, f2] = [corner(0, 0), corner(n, 0), corner(0, n)];
  for (const q of xyz) q[2] -= f0 + (f1 - f0) * q[0] + (f2 - f0) * q[1];
  const faces = quickhull(xyz);
  const out: HullFacets = { points, twoPhase: [], threePhase: [], singlePhase: 0 };
  // Same-phase vertices are joined (one phase) when they are grid neighbours, or when the
  // surface between them lies on or below the chord (a flipped or stretched lattice triangle of
  // a convex surface, not a miscibility gap).
  const short = (a: number, b: number) => {
    const pa = points[a];
    const pb = points[b];
    if (pa.phase !== pb.phase) return false;
    const di = pb.i - pa.i;
    const dj = pb.j - pa.j;
    if (Math.abs(di) <= 1 && Math.abs(dj) <= 1 && Math.abs(di + dj) <= 1) return true;
    const f = phases[pa.phase];
    const fa = f.f(pa.x);
    const fb = f.f(pb.x);
    for (const t of [0.25, 0.5, 0.75]) {
      const x = pa.x.map((v, k) => (1 - t) * v + t * pb.x[k]);
      if (f.f(x) > (1 - t) * fa + t * fb + 1e-12 * (1 + Math.abs(fa))) return false;
    }
    return true;
  };
  for (const face of faces) {
    if (face.length !== 3) continue;
    const [a, b, c] = face;
    // Lower hull: outward normal points down (negative height component).
    const u = [xyz[b][0] - xyz[a][0], xyz[b][1] - xyz[a][1], xyz[b][2] - xyz[a][2]];
    const v = [xyz[c][0] - xyz[a][0], xyz[c][1] - xyz[a][1], xyz[c][2] - xyz[a][2]];
    const nz = u[0] * v[1] - u[1] * v[0];
    const area = Math.hypot(u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], nz);
    if (!(nz < -1e-9 * area)) continue;
    const s = [short(a, b), short(b, c), short(c, a)];
    const count = s.filter(Boolean).length;
    if (count >= 2) out.singlePhase++;
    else if (count === 0) out.threePhase.push([a, b, c]);
    else if (count === 1) {
      if (s[0]) out.twoPhase.push({ lone: c, edge: [a, b] });
      else if (s[1]) out.twoPhase.push({ lone: a, edge: [b, c] });
      else out.twoPhase.push({ lone: b, edge: [c, a] });
    }
  }
  return out;
}
