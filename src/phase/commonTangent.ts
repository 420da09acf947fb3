import type { FreeEnergyCurve } from './types.js';

/**
 * Double-tangent (common-tangent) refinement between two free-energy curves.
 *
 * Unknowns x_a, x_b; equations (docs/physics.md section 9)
 *     f_a'(x_a) = f_b'(x_b) = (f_b(x_b) - f_a(x_a)) / (x_b - x_a).
 * They are solved through the common slope mu: for a given mu, x_a(mu) and x_b(mu) solve
 * f'(x) = mu locally (1-D, bracketed root in the logit variable u = ln(x/(1-x)), so the
 * x ln x ends cost nothing), and the intercept mismatch
 *     G(mu) = [f_a(x_a) - mu x_a] - [f_b(x_b) - mu x_b]
 * has the exact derivative G'(mu) = x_b - x_a (envelope theorem). Newton on G with a
 * sign bracket and bisection fallback (safeguarded Newton) gives the tangent; at the
 * root all three equations hold. The same routine serves a curve with itself
 * (miscibility gap): pass the same curve twice with guesses on either side of the gap.
 */

/** Options of {@link commonTangent}. */
export interface CommonTangentOptions {
  /** Stop when both compositions move less than this (default 1e-10). */
  xTolerance?: number;
  /** Maximum outer iterations (default 100). */
  maxIterations?: number;
  /** Smallest distance from 0 and 1 a composition may take (default 1e-14). */
  edge?: number;
}

/** Result of {@link commonTangent}. */
export interface CommonTangentResult {
  xa: number;
  xb: number;
  /** Common slope mu. */
  slope: number;
  /** max |f_a'(x_a) - mu|, |f_b'(x_b) - mu|, |chord slope - mu|. */
  residual: number;
  iterations: number;
}

/** dF/dx of a curve: analytic when given, else a central difference scaled to the distance from the ends. */
export function derivativeOf(curve: FreeEnergyCurve): (x: number) => number {
  if (curve.df) return (x) => curve.df!(x);
  return (x) => {
    const h = 1e-5 * Math.min(x, 1 - x, 0.05);
    return (curve.f(x + h) - curve.f(x - h)) / (2 * h);
  };
}

const logit = (x: number): number => Math.log(x / (1 - x));
const expit = (u: number): number => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));

/**
 * Solve f'(x) = mu near x0, assuming f' increasing there (convex part of the curve).
 * Bracket search in u = logit(x) starting with a small step and doubling it, then
 * Illinois regula falsi / bisection to full precision.
 */
export function solveSlope(df: (x: number) => number, mu: number, x0: number, edge = 1e-14): number {
  const uMin = logit(edge);
  const uMax = -uMin;
  const g = (u: number): number => df(expit(u)) - mu;
  let u0 = Math.min(uMax, Math.max(uMin, logit(x0)));
  let g0 = g(u0);
  if (g0 === 0) return expit(u0);
  const dir = g0 < 0 ? 1 : -1; // f' increasing: move right when f' < mu
  let step = 1e-3;
  let u1 = u0;
  let g1 = g0;
  for (let k = 0; k < 200; k++) {
    u1 = Math.min(uMax, Math.max(uMin, u0 + dir * step));
    g1 = g(u1);
    if (!Number.isFinite(g1)) throw new Error(`solveSlope: derivative not finite at x = ${expit(u1)}`);
    if (Math.sign(g1) !== Math.sign(g0)) break;
    if (u1 === uMin || u1 === uMax) throw new Error(`solveSlope: no root of f'(x) = ${mu} between x = ${x0} and the end`);
    u0 = u1;
    g0 = g1;
    step *= 2;
  }
  if (Math.sign(g1) === Math.sign(g0)) throw new Error(`solveSlope: no bracket for f'(x) = ${mu}`);
  // Illinois on [a, b] with g(a) g(b) < 0.
  let a = u0, ga = g0, b = u1, gb = g1;
  let side = 0;
  for (let k = 0; k < 200; k++) {
    let c = (a * gb - b * ga) / (gb - ga);
    if (!(c > Math.min(a, b) && c < Math.max(a, b))) c = 0.5 * (a + b);
    const gc = g(c);
    if (gc === 0) return expit(c);
    if (Math.sign(gc) === Math.sign(gb)) {
      b = c; gb = gc;
      if (side === -1) ga *= 0.5;
      side = -1;
    } else {
      a = c; ga = gc;
      if (side === 1) gb *= 0.5;
      side = 1;
    }
    if (Math.abs(b - a) < 1e-13 * (1 + Math.abs(a))) break;
  }
  return expit(Math.abs(ga) < Math.abs(gb) ? a : b);
}

/**
 * Refine a double tangent between curves a and b starting from compositions (xa0, xb0),
 * e.g. the two ends of a lower-hull edge. Throws if no tangent can be found.
 */
export function commonTangent(
  a: FreeEnergyCurve,
  b: FreeEnergyCurve,
  xa0: number,
  xb0: number,
  options: CommonTangentOptions = {},
): CommonTangentResult {
  const xTol = options.xTolerance ?? 1e-10;
  const maxIt = options.maxIterations ?? 100;
  const edge = options.edge ?? 1e-14;
  const dfa = derivativeOf(a);
  const dfb = derivativeOf(b);
  if (xa0 === xb0) throw new Error('commonTangent: the two starting compositions coincide');

  let xa = xa0;
  let xb = xb0;
  const evalG = (mu: number): { G: number; xa: number; xb: number } => {
    const na = solveSlope(dfa, mu, xa, edge);
    const nb = solveSlope(dfb, mu, xb, edge);
    return { G: a.f(na) - mu * na - (b.f(nb) - mu * nb), xa: na, xb: nb };
  };

  let mu = (b.f(xb) - a.f(xa)) / (xb - xa);
  let cur = evalG(mu);
  xa = cur.xa;
  xb = cur.xb;
  // Bracket [lo, hi] in mu with G(lo) and G(hi) of opposite signs, once found.
  let lo = NaN, hi = NaN;
  const record = (m: number, G: number): void => {
    // G increases with mu when xb > xa (G' = xb - xa).
    const increasing = cur.xb > cur.xa;
    const below = increasing ? G < 0 : G > 0;
    if (below) lo = m;
    else hi = m;
  };
  record(mu, cur.G);
  let it = 0;
  for (; it < maxIt; it++) {
    const slope = cur.xb - cur.xa;
    if (slope === 0) throw new Error('commonTangent: the tangent points merged');
    let next = mu - cur.G / slope;
    const bracketed = Number.isFinite(lo) && Number.isFinite(hi);
    if (bracketed && !(next > Math.min(lo, hi) && next < Math.max(lo, hi))) next = 0.5 * (lo + hi);
    const prevXa = cur.xa, prevXb = cur.xb;
    let trial: { G: number; xa: number; xb: number };
    try {
      trial = evalG(next);
    } catch (err) {
      if (!bracketed) throw err;
      next = 0.5 * (lo + hi);
      trial = evalG(next);
    }
    mu = next;
    cur = trial;
    xa = cur.xa;
    xb = cur.xb;
    if (cur.G === 0) break;
    record(mu, cur.G);
    if (Math.abs(cur.xa - prevXa) < xTol && Math.abs(cur.xb - prevXb) < xTol) break;
    if (bracketed && Math.abs(hi - lo) <= 1e-15 * Math.max(1, Math.abs(mu))) break;
  }
  const chord = (b.f(xb) - a.f(xa)) / (xb - xa);
  const residual = Math.max(Math.abs(dfa(xa) - mu), Math.abs(dfb(xb) - mu), Math.abs(chord - mu));
  return { xa, xb, slope: mu, residual, iterations: it + 1 };
}
