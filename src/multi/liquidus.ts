import { DomainError, UncertifiedError } from '../errors.js';
import { meltingGamma } from '../ocp/meltingPoint.js';
import { referenceCharge } from './composition.js';
import { certifiedPotentials, chemicalPotentials, hasNoisyGradient, type PhaseFunction } from './phase.js';
import { chordRefine, newton } from './newton.js';
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

/**
 * Jacobian step of the Newton solves: 1e-7 for closed-form phases; 1e-4 for a phase whose
 * analytic gradient carries evaluation noise (it has accuratePotentials: the SRO solid, noise
 * about 1e-6 in units of T when eq. 3 is active), so that the Jacobian stays within ~1 %.
 */
function jacobianStep(phase: PhaseFunction): number {
  return hasNoisyGradient(phase) ? 1e-4 : 1e-7;
}

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
      { tol: 1e-13, maxIter: 25, maxHalvings: 8, jacobianStep: jacobianStep(solid) },
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
 * Newton on (y_solid, ln Gamma) from a few starts, with a bounded bracket + bisection of the
 * driving force where Newton does not converge; certified by the tangent residual (<= 1e-9, with
 * accurate chemical potentials) and by a grid check that no solid lies below the plane. The work
 * is bounded: a liquid that cannot be certified gives UncertifiedError naming it, never a hang.
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
  // Starts tried in order: the caller's guess (e.g. the previous point of a sweep), the first
  // solid of the cheaper seed model, then the linear T_liq estimate (see reduced()).
  const local = (g: Guess): Guess => ({ gamma: g.gamma * conv, solid: withLiquidSpecies(idx.map((i) => g.solid[i]), xs) });
  const starts: Array<() => Guess | undefined> = [];
  if (guess) starts.push(() => local(guess));
  if (options.seed) {
    const seed = options.seed;
    starts.push(() => {
      try {
        return local(firstSolid(liquid, seed, z, xL, undefined, { gridN: options.seedGridN }));
      } catch (err) {
        if (err instanceof UncertifiedError) return undefined; // only a start: the search goes on
        throw err;
      }
    });
  }
  let sub: FirstSolid;
  try {
    sub = reduced(liquid, solid, zs, xs, starts, options.gridN);
  } catch (err) {
    // One line naming the liquid (full composition and charges).
    if (err instanceof UncertifiedError) throw new UncertifiedError(`first solid of the liquid x = (${xL.join(', ')}) at Z = ${z.join(', ')}: ${err.message}`, err.details);
    throw err;
  }
  return { ...sub, gamma: sub.gamma / conv, liquid: [...xL], solid: expand(sub.solid) };
}

type Guess = { gamma: number; solid: readonly number[] };
/** A Newton-polished tangent point: Gamma, solid composition and envelope residual (units of T). */
type Polished = { gamma: number; x: Float64Array; residual: number };

/**
 * A start's solid composition with every species of the liquid present: a species the start lacks
 * (e.g. the previous point of a sweep lay on an edge of the simplex) starts at its liquid fraction,
 * the others scaled to sum 1, since Newton in softmax coordinates cannot move a zero.
 *
 * @example withLiquidSpecies([0.7, 0, 0.3], [0.6, 0.02, 0.38]) // [0.686, 0.02, 0.294]
 */
function withLiquidSpecies(solid: readonly number[], xL: readonly number[]): number[] {
  const missing = solid.reduce((s, v, k) => (v > 0 ? s : s + xL[k]), 0);
  if (missing === 0) return [...solid];
  const kept = solid.reduce((s, v) => s + v, 0);
  return solid.map((v, k) => (v > 0 ? (v * (1 - missing)) / kept : xL[k]));
}

/** Envelope tangent residual accepted from the polish before the accurate check (the SRO gradient's noise is about 1e-6). */
const POLISH_TOLERANCE = 1e-5;
/** The certificate: tangent-plane residual (units of T) with accurate chemical potentials, and the grid check. */
const TANGENT_TOLERANCE = 1e-9;
/** Bounds of the search, so that every liquid ends certified or with UncertifiedError after a fixed amount of work. */
const MAX_TRIES = 8;
const BRACKET_STEPS = 18;
const BRACKET_FACTOR = 1.04;
const BISECTIONS = 40;
const ACCURATE_STEPS = 5;

/**
 * The first solid of a liquid whose species are all present (reduced system). Bounded by
 * construction: at most 2 MAX_TRIES tries over the starts (the caller's guess, the seed model's
 * first solid, the linear T_liq estimate, and any more stable solid a grid check finds). Every
 * start is first polished by Newton on (y_solid, ln Gamma); only when no polish gives a certified
 * point is a start moved onto the liquidus by a bounded bracket (BRACKET_STEPS steps in Gamma, 4 %
 * doubled every third step, up to a factor of 1.6e3; a grid search every 5th step) and bisection
 * of the driving force, then polished.
 * A polished point is certified by the tangent residual with accurate chemical potentials (a few
 * chord steps if needed) and the grid check; otherwise UncertifiedError.
 */
function reduced(
  liquid: PhaseFactory,
  solid: PhaseFactory,
  z: readonly number[],
  xL: readonly number[],
  starts: Array<() => Guess | undefined>,
  gridN: number | undefined,
): FirstSolid {
  const c = z.length;
  const zr = referenceCharge(z);
  const mu = (gamma: number) => chemicalPotentials(liquid(z, gamma), xL);
  const solveAt = (gamma: number, from: Float64Array[], useGrid: boolean) => minimizeDrivingForce(solid(z, gamma), mu(gamma), from, useGrid, gridN);
  const tangent = residualFunction(solid, z, mu);
  const polish = (gamma0: number, xs0: ArrayLike<number>): Polished => {
    const res = newton(tangent.envelope, [...toSoftmax(interior(xs0, 1e-300)), Math.log(gamma0)], {
      tol: 1e-12,
      maxStep: 1,
      maxIter: 30,
      maxHalvings: 8,
      jacobianStep: jacobianStep(solid(z, gamma0)),
    });
    return { gamma: Math.exp(res.u[c - 1]), x: fromSoftmax(res.u.subarray(0, c - 1)), residual: res.residual };
  };
  // A certified liquidus, or the more stable solid the grid check found (a start for the next try).
  const certify = (p: Polished): FirstSolid | { better: Float64Array; gamma: number } | undefined => {
    if (!(p.residual <= POLISH_TOLERANCE)) return undefined;
    const a = accurateTangent(tangent, p, c);
    if (!(a.residual <= TANGENT_TOLERANCE)) return undefined;
    const check = solveAt(a.gamma, [a.x], true);
    if (!(check.g >= -TANGENT_TOLERANCE)) return { better: check.x, gamma: a.gamma };
    return { gamma: a.gamma, liquid: [...xL], solid: [...a.x], residual: a.residual, gridMin: check.g };
  };
  const bracket = (g0: number, x0: ArrayLike<number>) => bracketLiquidus(solveAt, xL, g0, x0);
  // T_liq estimate linear in composition, 1/Gamma = sum_a x_a / Gamma_m,a: the start of last resort.
  const gm = ocpMeltingGamma();
  let inv = 0;
  for (let a = 0; a < c; a++) inv += xL[a] / (gm * Math.pow(zr / z[a], 5 / 3));
  // Each entry: a start; below: Gamma_p of a grid check that found this more stable solid there;
  // bracket: a start whose polish did not converge. Brackets (tens of minimizations each) wait
  // until every start has been polished (a few minimizations each), except on a better branch.
  type Item = { start: () => Guess | undefined; below?: number; bracket?: boolean };
  const queue: Item[] = [...starts, () => ({ gamma: 1 / inv, solid: [...xL] })].map((start) => ({ start }));
  let last = 'no start converged';
  for (let tries = 0; queue.length > 0 && tries < 2 * MAX_TRIES; tries++) {
    const item = queue.shift()!;
    const guess = item.start();
    if (!guess) continue;
    let p: Polished;
    if (item.bracket) {
      const b = bracket(guess.gamma, guess.solid);
      if (!b) {
        last = `no sign change of the driving force within ${BRACKET_STEPS} widening steps from Gamma = ${guess.gamma}`;
        continue;
      }
      p = polish(b.gamma, b.solid);
    } else {
      p = polish(guess.gamma, guess.solid);
      // After a grid check found a more stable solid at Gamma_p, the liquidus lies below Gamma_p:
      // a polish that ends at or above it found another tangent point, so bracket instead.
      const converged = p.residual <= POLISH_TOLERANCE;
      if (!converged || (item.below !== undefined && !(p.gamma < item.below))) {
        const deferred: Item = { start: () => guess, below: item.below, bracket: true };
        if (item.below !== undefined) queue.unshift(deferred);
        else queue.push(deferred);
        last = converged ? `the polish from Gamma = ${guess.gamma} ended above the more stable solid's Gamma = ${item.below}` : `Newton polish from Gamma = ${guess.gamma} did not converge`;
        continue;
      }
    }
    const ok = certify(p);
    if (ok && 'better' in ok) {
      // Another solid lies below the liquid's plane: its branch freezes first (lower Gamma).
      const { gamma, better } = ok;
      queue.unshift({ start: () => ({ gamma, solid: [...better] }), below: gamma });
      last = `a more stable solid than ${Array.from(p.x).join(', ')} at Gamma = ${p.gamma}`;
    } else if (ok) return ok;
    else last = `tangent residual ${p.residual.toExponential(1)} at Gamma = ${p.gamma}`;
  }
  throw new UncertifiedError(`liquidus not certified after ${2 * MAX_TRIES} bounded tries (${last})`);
}

/** A solid composition and the minimum driving force g (units of T) at one Gamma, from a minimization that starts at `from`. */
type DrivingForceAt = (gamma: number, from: Float64Array[], useGrid: boolean) => { g: number; x: Float64Array };

/**
 * Bracket of the liquidus along the solid branch through x0: widening Gamma steps from g0 until the
 * driving force changes sign (a grid search at the start and every 5th step, since another branch
 * may cross first), then local bisection in ln Gamma. Bounded by BRACKET_STEPS and BISECTIONS.
 */
function bracketLiquidus(solveAt: DrivingForceAt, xL: readonly number[], g0: number, x0: ArrayLike<number>): Guess | undefined {
  let lo = g0;
  let slo = solveAt(g0, [Float64Array.from(x0), Float64Array.from(xL)], true);
  const dir = slo.g > 0 ? BRACKET_FACTOR : 1 / BRACKET_FACTOR;
  let hi = lo;
  let shi = slo;
  for (let k = 0; k < BRACKET_STEPS && shi.g > 0 === slo.g > 0; k++) {
    [lo, slo] = [hi, shi];
    hi *= dir ** 2 ** Math.floor(k / 3); // steps of 4 %, doubled every third step
    shi = solveAt(hi, [slo.x], k % 5 === 4);
  }
  if (shi.g > 0 === slo.g > 0) return undefined;
  if (dir < 1) [lo, slo, hi, shi] = [hi, shi, lo, slo];
  for (let k = 0; k < BISECTIONS && hi / lo - 1 > 1e-5; k++) {
    const mid = Math.sqrt(lo * hi);
    const sm = solveAt(mid, [slo.x, shi.x], false);
    if (sm.g > 0) [lo, slo] = [mid, sm];
    else [hi, shi] = [mid, sm];
  }
  return { gamma: Math.sqrt(lo * hi), solid: [...shi.x] };
}

/** Tangent-plane residual r(u) = mu_sol - mu_liq at u = (y_solid, ln Gamma): with the phase's own gradient, and with accurate potentials. */
function residualFunction(solid: PhaseFactory, z: readonly number[], mu: (gamma: number) => Float64Array) {
  const c = z.length;
  const make = (accurate: boolean) => (u: Float64Array) => {
    const g = Math.exp(u[c - 1]);
    const phase = solid(z, g);
    const x = fromSoftmax(u.subarray(0, c - 1));
    const a = accurate ? certifiedPotentials(phase, x) : chemicalPotentials(phase, x);
    const b = mu(g);
    return a.map((v, i) => v - b[i]);
  };
  return { envelope: make(false), accurate: make(true) };
}

/**
 * The tangent point with accurate chemical potentials (PhaseFunction.accuratePotentials where the
 * solid has it): chord steps (chordRefine) with the envelope residual's Jacobian at a step of 1e-4,
 * well above its noise; at most ACCURATE_STEPS steps, the best point returned.
 */
function accurateTangent(tangent: ReturnType<typeof residualFunction>, p: { gamma: number; x: Float64Array }, c: number): { gamma: number; x: Float64Array; residual: number } {
  const u0 = [...toSoftmax(interior(p.x, 1e-300)), Math.log(p.gamma)];
  const best = chordRefine(tangent.envelope, tangent.accurate, u0, TANGENT_TOLERANCE / 10, { step: 1e-4, maxSteps: ACCURATE_STEPS });
  return { gamma: Math.exp(best.u[c - 1]), x: fromSoftmax(best.u.subarray(0, c - 1)), residual: best.residual };
}
