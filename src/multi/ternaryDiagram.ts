import { DomainError } from '../errors.js';
import { flash, threePhase, tieLineAtFraction } from './equilibrium.js';
import type { PhaseFunction } from './phase.js';
import { interior } from './simplex.js';
import { ternaryHull, type HullPoint } from './ternaryHull.js';

/** One refined tie-line of a ternary diagram (fractions in the order of `z`). */
export interface TernaryTieLine {
  /** 'liquid-solid', or two ends of one phase ('solid-solid': miscibility gap). */
  kind: string;
  liquid?: number[];
  solid?: number[];
  /** Ends of a same-phase gap. */
  ends?: [number[], number[]];
  /** max_a |mu_a difference| (units of T). */
  residual: number;
  /** True for the tie-lines traced at a fixed trace liquid fraction x_3. */
  trace?: boolean;
}

export interface TernaryThreePhase {
  phases: [string, string, string];
  x: [number[], number[], number[]];
  residual: number;
}

export interface TernaryDiagram {
  z: number[];
  gamma: number;
  grid: number;
  tieLines: TernaryTieLine[];
  threePhase: TernaryThreePhase[];
  /** Grid facets whose refinement did not reach the 1e-9 tangent-plane check (left out). */
  unrefined: number;
}

/** Options of {@link ternaryDiagram}. */
export interface TernaryDiagramOptions {
  /** Grid subdivisions of the triangle (default 60). */
  grid?: number;
  /** Refine at most this many two-phase facets, evenly spaced along the list (default all). */
  maxTieLines?: number;
  /** Called after each refined facet (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Liquid fractions x_3 (third species) at which tie-lines are traced from the 1-2 edge (default none). */
  trace?: readonly number[];
}

const TOL = 1e-9;
const distinct = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]))) > 1e-6;

/**
 * Ternary phase diagram at fixed Gamma (docs/physics.md section 13): lower convex hull of the
 * liquid and solid surfaces on a grid, every two-phase facet refined to the tie-line through
 * its centroid (lever rule + equal mu_a), three-phase facets refined to the common plane of
 * three phases, and optional trace tie-lines at given small liquid x_3 traced from the binary
 * 1-2 edge. Results are certified by the tangent-plane residual <= 1e-9 (units of T).
 *
 * @example ternaryDiagram(multiLiquid([6, 8, 10], 175), multiRandomSolid([6, 8, 10], 175, sums)).tieLines[0]
 */
export function ternaryDiagram(liquid: PhaseFunction, solid: PhaseFunction, options: TernaryDiagramOptions = {}): TernaryDiagram {
  if (liquid.z.length !== 3) throw new DomainError(`a ternary diagram needs 3 species, got ${liquid.z.length}`);
  const n = options.grid ?? 60;
  const phases = [liquid, solid];
  const hull = ternaryHull(phases, n);
  const pts = hull.points;
  const out: TernaryDiagram = { z: [...liquid.z], gamma: liquid.gamma, grid: n, tieLines: [], threePhase: [], unrefined: 0 };
  const all = hull.twoPhase;
  const keep = Math.min(all.length, options.maxTieLines ?? all.length);
  const chosen = keep === all.length ? all : Array.from({ length: keep }, (_, k) => all[Math.floor(((k + 0.5) * all.length) / keep)]);
  chosen.forEach((facet, k) => {
    const t = refineTwoPhase(phases, n, pts[facet.lone], pts[facet.edge[0]], pts[facet.edge[1]]);
    if (t) out.tieLines.push(t);
    else out.unrefined++;
    options.onProgress?.(k + 1, chosen.length);
  });
  for (const tri of hull.threePhase) {
    const ps = tri.map((k) => pts[k]);
    const r = threePhase(ps.map((p) => phases[p.phase]) as [PhaseFunction, PhaseFunction, PhaseFunction], ps.map((p) => p.x));
    const xs = r.x.map((v) => [...v]) as [number[], number[], number[]];
    const ok = r.residual <= TOL && distinct(xs[0], xs[1]) && distinct(xs[1], xs[2]) && distinct(xs[0], xs[2]);
    if (!ok) {
      out.unrefined++;
      continue;
    }
    if (out.threePhase.some((q) => !distinct(q.x[0], xs[0]) || !distinct(q.x[0], xs[1]) || !distinct(q.x[0], xs[2]))) continue;
    out.threePhase.push({ phases: ps.map((p) => phases[p.phase].name) as [string, string, string], x: xs, residual: r.residual });
  }
  if (options.trace?.length) out.tieLines.push(...traceTieLines(liquid, solid, pts, hull.twoPhase, options.trace));
  out.tieLines.sort((a, b) => (a.liquid?.[2] ?? a.ends![0][2]) - (b.liquid?.[2] ?? b.ends![0][2]));
  return out;
}

function refineTwoPhase(phases: PhaseFunction[], n: number, lone: HullPoint, e0: HullPoint, e1: HullPoint): TernaryTieLine | undefined {
  const x0 = [0, 1, 2].map((a) => (lone.x[a] + e0.x[a] + e1.x[a]) / 3);
  const xEdge = [0, 1, 2].map((a) => (e0.x[a] + e1.x[a]) / 2);
  const pa = phases[e0.phase];
  const pb = phases[lone.phase];
  // Grid ends on an edge (x_a = 0) start a third of a cell inside: every phase holds all species.
  const t = flash(pa, pb, x0, interior(xEdge, 1 / (3 * n)), interior(lone.x, 1 / (3 * n)));
  if (!(t.residual <= TOL) || !distinct(t.a, t.b)) return undefined;
  if (!(t.fraction! > -1e-6 && t.fraction! < 1 + 1e-6)) return undefined;
  const a = [...t.a];
  const b = [...t.b];
  if (pa === pb) return { kind: `${pa.name === 'liquid' ? 'liquid' : 'solid'}-${pa.name === 'liquid' ? 'liquid' : 'solid'}`, ends: [a, b], residual: t.residual };
  return pa.name === 'liquid'
    ? { kind: 'liquid-solid', liquid: a, solid: b, residual: t.residual }
    : { kind: 'liquid-solid', liquid: b, solid: a, residual: t.residual };
}

/** Tie-lines at fixed trace liquid x_3, one family per binary window on the x_3 = 0 edge. */
function traceTieLines(
  liquid: PhaseFunction,
  solid: PhaseFunction,
  pts: HullPoint[],
  facets: Array<{ lone: number; edge: [number, number] }>,
  fractions: readonly number[],
): TernaryTieLine[] {
  const seeds: Array<{ l: HullPoint; s: HullPoint }> = [];
  for (const f of facets) {
    const v = [pts[f.lone], pts[f.edge[0]], pts[f.edge[1]]];
    const l = v.find((p) => p.phase === 0 && p.j === 0);
    const s = v.find((p) => p.phase === 1 && p.j === 0);
    if (l && s && !seeds.some((q) => Math.abs(q.l.i - l.i) <= 2)) seeds.push({ l, s });
  }
  const out: TernaryTieLine[] = [];
  const targets = [...fractions].sort((a, b) => b - a);
  for (const seed of seeds) {
    let xl = [seed.l.x[0], seed.l.x[1], Math.max(targets[0], 1e-3)];
    let xs = [seed.s.x[0], seed.s.x[1], Math.max(targets[0], 1e-3)];
    for (const x3 of targets) {
      const t = tieLineAtFraction(liquid, solid, 2, x3, xl, xs);
      if (!(t.residual <= TOL) || !distinct(t.a, t.b)) break;
      xl = [...t.a];
      xs = [...t.b];
      out.push({ kind: 'liquid-solid', liquid: xl, solid: xs, residual: t.residual, trace: true });
    }
  }
  return out;
}
