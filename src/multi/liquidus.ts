import { DomainError, UncertifiedError } from '../errors.js';
import { meltingGamma } from '../ocp/meltingPoint.js';
import { referenceCharge } from './composition.js';
import { chemicalPotentials, type PhaseFunction } from './phase.js';
import { newton } from './newton.js';
import { fromSoftmax, interior, simplexGrid, toSoftmax } from './simplex.js';

/** Options of {@link firstSolid}. */
export interface FirstSolidOptions {
  /** Subdivisions of the simplex grid of the driving-force search and check (default 400, 40, 14 for c = 2, 3, 4). */
  gridN?: number;
  /** A cheaper solid model whose first solid starts the search (e.g. the random solid for the SRO solid). */
  seed?: PhaseFactory;
  seedGridN?: number;
}

/** A phase model at given charges and Gamma_1 (of the lowest of those charges). */
export type PhaseFactory = (z: readonly number[], gamma: number) => PhaseFunction;

/** The first solid to form from a liquid cooled to its liquidus (docs/physics.md sections 13-14). */
export interface FirstSolid {
  /** Liquidus coupling Gamma_1 (of the lowest charge of the system). */
  gamma: number;
  /** Liquid composition (as given). */
  liquid: number[];
  /** Solid composition in equilibrium with it. */
  solid: number[];
  /** max_a |mu_a(solid) - mu_a(liquid)| at the liquidus, units of T. */
  residual: number;
  /** min over a simplex grid of f_sol - (liquid tangent plane), units of T: >= -1e-9 certifies that no other solid is more stable. */
  gridMin: number;
}

let gammaMelt: number | undefined;
/** Gamma_1m of the one-component plasma (cached). */
export function ocpMeltingGamma(): number {
  return (gammaMelt ??= meltingGamma());
}

const GRID_N: Record<number, number> = { 2: 400, 3: 40, 4: 14 };

/** Driving force G(x) = f_sol(x) - x . muL (units of T) and its minimum over the simplex. */
function minimizeDrivingForce(
  solid: PhaseFunction,
  muL: Float64Array,
  starts: Float64Array[],
  useGrid: boolean,
  gridN?: number,
): { x: Float64Array; g: number } {
  const c = muL.length;
  const G = (x: ArrayLike<number>) => {
    let s = solid.f(x);
    for (let a = 0; a < c; a++) if (x[a] !== 0) s -= x[a] * muL[a];
    return s;
  };
  const cands: Array<{ x: Float64Array; g: number }> = starts.map((x) => ({ x, g: G(x) }));
  if (useGrid) {
    const pts = simplexGrid(c, gridN ?? GRID_N[c] ?? 8).map((p) => interior(p, 1e-9));
    const lb = (solid as { lowerBound?: (x: ArrayLike<number>) => number }).lowerBound;
    if (lb) {
      // Branch and bound on a rigorous lower bound of f: a point is evaluated only if its bound
      // lies below the best driving force found so far (and below 0, what the check needs).
      const bounds = pts.map((p) => {
        let s = lb(p);
        for (let a = 0; a < c; a++) s -= p[a] * muL[a];
        return s;
      });
      const order = bounds.map((_, i) => i).sort((i, j) => bounds[i] - bounds[j]);
      let best = Math.min(0, ...cands.map((q) => q.g));
      const found: Array<{ x: Float64Array; g: number }> = [];
      for (const i of order) {
        if (!(bounds[i] < best)) break;
        const g = G(pts[i]);
        found.push({ x: pts[i], g });
        best = Math.min(best, g);
      }
      found.sort((p, q) => p.g - q.g);
      cands.push(...found.slice(0, 4));
    } else {
      const vals = pts.map(G);
      const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
      for (const i of order.slice(0, 4)) cands.push({ x: pts[i], g: vals[i] });
    }
  }
  let best = { x: cands[0].x, g: Infinity };
  for (const cand of cands) {
    // Stationarity in softmax coordinates: mu_a(solid) - muL_a equal for every a.
    const res = newton(
      (y) => {
        const mu = chemicalPotentials(solid, fromSoftmax(y));
        const r = new Float64Array(c - 1);
        for (let a = 1; a < c; a++) r[a - 1] = mu[a] - muL[a] - (mu[0] - muL[0]);
        return r;
      },
      toSoftmax(interior(cand.x, 1e-300)),
      { tol: 1e-13, maxIter: 40 },
    );
    const x = fromSoftmax(res.u);
    const g = G(x);
    const take = g <= cand.g + 1e-14 ? { x, g } : cand;
    if (take.g < best.g) best = take;
  }
  return best;
}

/**
 * Liquidus of a liquid of composition xL and the first solid to form on cooling: the lowest
 * Gamma_1 at which some solid composition touches the liquid's tangent plane (mu_a equal for
 * all a). Species absent from the liquid stay absent (reduced system, Gamma converted).
 * Bracketing + bisection on the driving force, then Newton on (y_solid, ln Gamma); certified by
 * the tangent residual (<= 1e-9) and by a grid check that no solid lies below the plane.
 *
 * @param guess previous solution (warm start along a sweep)
 * @example firstSolid(multiLiquid, (z, g) => multiRandomSolid(z, g, sums), [6, 8, 10], [0.49, 0.5, 0.01]).solid
 */
export function firstSolid(
  liquid: PhaseFactory,
  solid: PhaseFactory,
  z: readonly number[],
  xL: readonly number[],
  guess?: { gamma: number; solid: readonly number[] },
  options: FirstSolidOptions = {},
): FirstSolid {
  const idx = xL.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
  const zr = referenceCharge(z);
  if (idx.length === 0) throw new DomainError('liquid composition has no species');
  const zs = idx.map((i) => z[i]);
  const conv = Math.pow(referenceCharge(zs) / zr, 5 / 3); // Gamma_sub = Gamma * conv
  const xs = idx.map((i) => xL[i]);
  const expand = (v: ArrayLike<number>) => {
    const out = new Array<number>(z.length).fill(0);
    idx.forEach((i, k) => {
      out[i] = v[k];
    });
    return out;
  };
  if (idx.length === 1) {
    return { gamma: ocpMeltingGamma() / conv, liquid: [...xL], solid: expand([1]), residual: 0, gridMin: 0 };
  }
  // Starts tried in order: the caller's guess (e.g. the previous point of a sweep), then the
  // first solid of the cheaper seed model; the bracketing search only if both fail.
  type Guess = { gamma: number; solid: readonly number[] };
  const local = (g: Guess): Guess => ({ gamma: g.gamma * conv, solid: idx.map((i) => g.solid[i]) });
  const starts: Array<() => Guess | undefined> = [];
  if (guess) starts.push(() => local(guess));
  if (options.seed) {
    const seed = options.seed;
    starts.push(() => local(firstSolid(liquid, seed, z, xL, undefined, { gridN: options.seedGridN })));
  }
  const sub = reduced(liquid, solid, zs, xs, starts, options.gridN);
  return { ...sub, gamma: sub.gamma / conv, liquid: [...xL], solid: expand(sub.solid) };
}

function reduced(
  liquid: PhaseFactory,
  solid: PhaseFactory,
  z: readonly number[],
  xL: readonly number[],
  starts: Array<() => { gamma: number; solid: readonly number[] } | undefined>,
  gridN: number | undefined,
): FirstSolid {
  const c = z.length;
  const zr = referenceCharge(z);
  const mu = (gamma: number) => chemicalPotentials(liquid(z, gamma), xL);
  const solveAt = (gamma: number, starts: Float64Array[], useGrid: boolean) =>
    minimizeDrivingForce(solid(z, gamma), mu(gamma), starts, useGrid, gridN);
  const polish = (gamma0: number, xs0: ArrayLike<number>) => {
    const res = newton(
      (u) => {
        const g = Math.exp(u[c - 1]);
        const a = chemicalPotentials(solid(z, g), fromSoftmax(u.subarray(0, c - 1)));
        const b = mu(g);
        return a.map((v, i) => v - b[i]);
      },
      [...toSoftmax(interior(xs0, 1e-300)), Math.log(gamma0)],
      { tol: 1e-12, maxStep: 1 },
    );
    return { gamma: Math.exp(res.u[c - 1]), x: fromSoftmax(res.u.subarray(0, c - 1)), residual: res.residual };
  };
  // A certified liquidus, or the more stable solid the grid check found (a start for the next try).
  const certify = (gamma: number, x: Float64Array, residual: number): FirstSolid | { better: Float64Array } | undefined => {
    if (!(residual <= 1e-9)) return undefined;
    const check = solveAt(gamma, [x], true);
    if (!(check.g >= -1e-9)) return { better: check.x };
    return { gamma, liquid: [...xL], solid: [...x], residual, gridMin: check.g };
  };
  const queue = [...starts];
  for (let tries = 0; queue.length > 0 && tries < 6; tries++) {
    const guess = queue.shift()!();
    if (!guess) continue;
    const p = polish(guess.gamma, guess.solid);
    const ok = certify(p.gamma, p.x, p.residual);
    if (ok && 'better' in ok) {
      // Another solid lies below the liquid's plane: its branch freezes first (lower Gamma).
      const g = p.gamma;
      const b = ok.better;
      queue.unshift(() => ({ gamma: g, solid: [...b] }));
    } else if (ok) return ok;
  }
  // T_liq estimate linear in composition: 1/Gamma = sum_a x_a / Gamma_m,a.
  const gm = ocpMeltingGamma();
  let inv = 0;
  for (let a = 0; a < c; a++) inv += xL[a] / (gm * Math.pow(zr / z[a], 5 / 3));
  let g0 = 1 / inv;
  let s0 = solveAt(g0, [Float64Array.from(xL)], true);
  const dir = s0.g > 0 ? 1.04 : 1 / 1.04;
  let g1 = g0;
  let s1 = s0;
  for (let k = 0; k < 200 && s1.g > 0 === s0.g > 0; k++) {
    g0 = g1;
    s0 = s1;
    g1 *= dir;
    s1 = solveAt(g1, [s0.x], true);
  }
  if (s1.g > 0 === s0.g > 0) throw new UncertifiedError(`no liquidus found for liquid ${xL.join(', ')}`);
  let [lo, hi, slo, shi] = dir > 1 ? [g0, g1, s0, s1] : [g1, g0, s1, s0];
  for (let k = 0; k < 30 && hi / lo - 1 > 1e-7; k++) {
    const mid = Math.sqrt(lo * hi);
    const sm = solveAt(mid, [slo.x, shi.x], k % 5 === 4);
    if (sm.g > 0) [lo, slo] = [mid, sm];
    else [hi, shi] = [mid, sm];
  }
  const p = polish(Math.sqrt(lo * hi), shi.x);
  const ok = certify(p.gamma, p.x, p.residual);
  if (!ok || 'better' in ok) throw new UncertifiedError(`liquidus of liquid ${xL.join(', ')} not certified (tangent residual ${p.residual})`);
  return ok;
}
