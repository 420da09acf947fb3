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
  /** logit x_a, logit x_b: they carry 1 - x where it is below double resolution (1 - x = 1/(1 + e^u)). */
  ua: number;
  ub: number;
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

/** u = logit x = ln(x/(1-x)). */
export const logit = (x: number): number => Math.log(x) - Math.log1p(-x);
/** x = 1/(1 + e^-u), accurate for both signs of u. */
export const expit = (u: number): number => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));

/**
 * dF/dx as a function of u = logit x. With the curve's slope split f'(x) = g(x) + T u
 * (FreeEnergyCurve.slopeParts) it is exact for any u, also where 1 - x is below double
 * resolution (u > 37): only the smooth g sees the rounded x.
 */
export function slopeInLogit(curve: FreeEnergyCurve): (u: number) => number {
  const parts = curve.slopeParts;
  if (parts) return (u) => parts.smooth(expit(u)) + parts.T * u;
  const df = derivativeOf(curve);
  return (u) => df(expit(u));
}

/**
 * Solve f'(x(u)) = mu for u near u0, f' increasing in u there (convex part of the curve).
 * Bracket search from a small step, doubled, then Illinois regula falsi / bisection to full
 * precision. `slope` is a function of u (slopeInLogit); returns u.
 */
export function solveSlopeLogit(slope: (u: number) => number, mu: number, u0In: number, uMin: number, uMax: number): number {
  const g = (u: number): number => slope(u) - mu;
  let u0 = Math.min(uMax, Math.max(uMin, u0In));
  let g0 = g(u0);
  if (g0 === 0) return u0;
  const dir = g0 < 0 ? 1 : -1; // f' increasing: move right when f' < mu
  let step = 1e-3;
  let u1 = u0;
  let g1 = g0;
  for (let k = 0; k < 200; k++) {
    u1 = Math.min(uMax, Math.max(uMin, u0 + dir * step));
    g1 = g(u1);
    if (!Number.isFinite(g1)) throw new Error(`solveSlope: derivative not finite at x = ${expit(u1)}`);
    if (Math.sign(g1) !== Math.sign(g0)) break;
    if (u1 === uMin || u1 === uMax) throw new Error(`solveSlope: no root of f'(x) = ${mu} between x = ${expit(u0In)} and the end`);
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
    if (gc === 0) return c;
    if (Math.sign(gc) === Math.sign(gb)) {
      b = c; gb = gc;
      if (side === -1) ga *= 0.5;
      side = -1;
    } else {
      a = c; ga = gc;
      if (side === 1) gb *= 0.5;
      side = 1;
    }
    if (Math.abs(b - a) < 1e-14 * (1 + Math.abs(a))) break;
  }
  return Math.abs(ga) < Math.abs(gb) ? a : b;
}

/** Solve f'(x) = mu near x0 (x in [edge, 1 - edge]); see solveSlopeLogit. Returns x. */
export function solveSlope(df: (x: number) => number, mu: number, x0: number, edge = 1e-14): number {
  const uMin = logit(edge);
  return expit(solveSlopeLogit((u) => df(expit(u)), mu, logit(x0), uMin, -uMin));
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
  const uMin = logit(edge);
  const uMax = -uMin;
  const sa = slopeInLogit(a);
  const sb = slopeInLogit(b);
  if (xa0 === xb0) throw new Error('commonTangent: the two starting compositions coincide');

  type Point = { G: number; ua: number; ub: number; xa: number; xb: number };
  let cur: Point = { G: NaN, ua: logit(xa0), ub: logit(xb0), xa: xa0, xb: xb0 };
  const evalG = (mu: number): Point => {
    const ua = solveSlopeLogit(sa, mu, cur.ua, uMin, uMax);
    const ub = solveSlopeLogit(sb, mu, cur.ub, uMin, uMax);
    const xa = expit(ua);
    const xb = expit(ub);
    return { G: a.f(xa) - mu * xa - (b.f(xb) - mu * xb), ua, ub, xa, xb };
  };

  let mu = (b.f(xb0) - a.f(xa0)) / (xb0 - xa0);
  cur = evalG(mu);
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
    const prev = cur;
    let trial: Point;
    try {
      trial = evalG(next);
    } catch (err) {
      if (!bracketed) throw err;
      next = 0.5 * (lo + hi);
      trial = evalG(next);
    }
    mu = next;
    cur = trial;
    if (cur.G === 0) break;
    record(mu, cur.G);
    // Converged when both points stop moving, in x and (for points at x ~ 0 or 1) in logit x.
    const still = (x: number, px: number, u: number, pu: number): boolean => Math.abs(x - px) < xTol && Math.abs(u - pu) < 1e-12 * (1 + Math.abs(u));
    if (still(cur.xa, prev.xa, cur.ua, prev.ua) && still(cur.xb, prev.xb, cur.ub, prev.ub)) break;
    if (bracketed && Math.abs(hi - lo) <= 1e-15 * Math.max(1, Math.abs(mu))) break;
  }
  const { xa, xb } = cur;
  const chord = (b.f(xb) - a.f(xa)) / (xb - xa);
  const residual = Math.max(Math.abs(sa(cur.ua) - mu), Math.abs(sb(cur.ub) - mu), Math.abs(chord - mu));
  return { xa, xb, ua: cur.ua, ub: cur.ub, slope: mu, residual, iterations: it + 1 };
}
