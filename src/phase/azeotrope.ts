import type { CoexistenceWindow } from './types.js';

/**
 * A "pocket": a composition range of one phase flanked by two adjacent coexistence
 * windows. For the C/O diagram just below T_1m the liquid pocket lies between the
 * C-rich window (solid | liquid) and the O-rich window (liquid | solid); it closes at the
 * azeotrope, where liquidus and solidus touch.
 */
export interface Pocket {
  phase: 'liquid' | 'solid';
  left: CoexistenceWindow;
  right: CoexistenceWindow;
  /** Width of the pocket in x (>= 0). */
  width: number;
  /** Midpoint of the four compositions of the flanking windows. */
  x: number;
}

/** The pockets among windows sorted by x (liquid pockets first). */
export function pockets(windows: readonly CoexistenceWindow[]): Pocket[] {
  const w = [...windows].sort((a, b) => Math.min(a.xLiquid, a.xSolid) - Math.min(b.xLiquid, b.xSolid));
  const out: Pocket[] = [];
  for (let k = 0; k + 1 < w.length; k++) {
    const a = w[k];
    const b = w[k + 1];
    const mid = (a.xLiquid + a.xSolid + b.xLiquid + b.xSolid) / 4;
    if (a.xSolid < a.xLiquid && b.xLiquid < b.xSolid) {
      out.push({ phase: 'liquid', left: a, right: b, width: b.xLiquid - a.xLiquid, x: mid });
    } else if (a.xLiquid < a.xSolid && b.xSolid < b.xLiquid) {
      out.push({ phase: 'solid', left: a, right: b, width: b.xSolid - a.xSolid, x: mid });
    }
  }
  return out.sort((p, q) => (p.phase === q.phase ? p.x - q.x : p.phase === 'liquid' ? -1 : 1));
}

/** The narrowest of some pockets (the one that is closing), or undefined. */
export function narrowest(list: readonly Pocket[]): Pocket | undefined {
  return list.reduce<Pocket | undefined>((a, b) => (a === undefined || b.width < a.width ? b : a), undefined);
}

/** The azeotrope: Gamma where a pocket closes, and its composition. */
export interface Azeotrope {
  gamma: number;
  /** Azeotropic composition (midpoint of the two windows at the last Gamma with a pocket). */
  x: number;
  /** Half the spread of the four compositions there (an error bar on x). */
  xError: number;
  /** Bracket [gammaOpen, gammaClosed] at the end of the refinement. */
  bracket: [number, number];
  /** Phase of the pocket that closes ('liquid': a temperature-minimum azeotrope). */
  phase: 'liquid' | 'solid';
  /** Windows at gammaOpen. */
  windows: CoexistenceWindow[];
}

/** Options of {@link locateAzeotrope}. */
export interface AzeotropeOptions {
  /** Stop when the Gamma bracket is narrower than this (default 1e-6). */
  gammaTolerance?: number;
  /** Maximum bisection steps (default 60). */
  maxIterations?: number;
  /** Phase of the pocket to follow (default: the first pocket at gammaOpen, liquid first). */
  phase?: 'liquid' | 'solid';
}

/**
 * Refine in Gamma the point where a pocket closes. `windowsAt(gamma)` gives the windows
 * at one Gamma; at `gammaOpen` there must be a pocket, at `gammaClosed` none of that
 * phase. Bisection on the presence of the pocket; the composition is taken from the last
 * open bracket end, where the four window compositions have converged to the azeotrope.
 */
export async function locateAzeotrope(
  windowsAt: (gamma: number) => readonly CoexistenceWindow[] | Promise<readonly CoexistenceWindow[]>,
  gammaOpen: number,
  gammaClosed: number,
  options: AzeotropeOptions = {},
): Promise<Azeotrope> {
  const tol = options.gammaTolerance ?? 1e-6;
  const maxIt = options.maxIterations ?? 60;
  let openWindows = [...(await windowsAt(gammaOpen))];
  const first = narrowest(pockets(openWindows).filter((p) => options.phase === undefined || p.phase === options.phase));
  if (!first) throw new Error(`locateAzeotrope: no ${options.phase ?? ''} pocket at Gamma = ${gammaOpen}`);
  const phase = first.phase;
  const closedPocket = pockets(await windowsAt(gammaClosed)).find((p) => p.phase === phase);
  if (closedPocket) throw new Error(`locateAzeotrope: the ${phase} pocket is still open at Gamma = ${gammaClosed}`);
  let a = gammaOpen;
  let b = gammaClosed;
  for (let k = 0; k < maxIt && Math.abs(b - a) > tol; k++) {
    const m = 0.5 * (a + b);
    const w = [...(await windowsAt(m))];
    if (pockets(w).some((p) => p.phase === phase)) {
      a = m;
      openWindows = w;
    } else {
      b = m;
    }
  }
  const p = narrowest(pockets(openWindows).filter((q) => q.phase === phase))!;
  const xs = [p.left.xLiquid, p.left.xSolid, p.right.xLiquid, p.right.xSolid];
  return {
    gamma: 0.5 * (a + b),
    x: p.x,
    xError: (Math.max(...xs) - Math.min(...xs)) / 2,
    bracket: [a, b],
    phase,
    windows: openWindows,
  };
}

/**
 * Exact tangency refinement of an azeotrope: at (x_az, Gamma_az) the liquid and solid
 * curves touch, F_l = F_s and F_l' = F_s'. For each Gamma the inner problem minimizes
 * Delta(x) = F_l(x) - F_s(x) near the pocket (golden section: Delta is smooth because
 * the ideal-mixing logarithms cancel), and the outer problem finds the Gamma where
 * min Delta = 0 (Illinois regula falsi inside the bisection bracket, until successive Gamma
 * iterates agree to 1e-9 relative). Valid where the
 * solid curve is its own hull near x_az (no solid miscibility gap there).
 */
export async function refineAzeotropeTangency(
  curvesAt: (gamma: number) =>
    | { liquid: { f(x: number): number }; solid: { f(x: number): number } }
    | Promise<{ liquid: { f(x: number): number }; solid: { f(x: number): number } }>,
  gammaOpen: number,
  gammaClosed: number,
  xGuess: number,
  halfWidth = 0.05,
  maxIterations = 100,
  gammaLimit = gammaClosed + 4 * (gammaClosed - gammaOpen),
): Promise<{ gamma: number; x: number } | null> {
  const inner = async (g: number): Promise<{ x: number; m: number }> => {
    const { liquid, solid } = await curvesAt(g);
    const d = (x: number): number => liquid.f(x) - solid.f(x);
    const lo = Math.max(1e-9, xGuess - halfWidth);
    const hi = Math.min(1 - 1e-9, xGuess + halfWidth);
    let a = lo;
    let b = hi;
    const r = (Math.sqrt(5) - 1) / 2;
    let c = b - r * (b - a);
    let e = a + r * (b - a);
    let fc = d(c);
    let fe = d(e);
    for (let k = 0; k < 200 && b - a > 1e-12; k++) {
      if (fc < fe) {
        b = e; e = c; fe = fc; c = b - r * (b - a); fc = d(c);
      } else {
        a = c; c = e; fc = fe; e = a + r * (b - a); fe = d(e);
      }
    }
    const x = 0.5 * (a + b);
    // A minimum on the search boundary is not a tangency near the pocket.
    const onEdge = x - lo < 1e-6 || hi - x < 1e-6;
    return { x, m: onEdge ? NaN : d(x) };
  };
  let a = gammaOpen;
  let b = gammaClosed;
  let A = await inner(a);
  let B = await inner(b);
  // The grid-based bisection closes the pocket once it is narrower than a grid step, so
  // the true tangency may lie above gammaClosed: widen the bracket until min Delta > 0.
  for (let w = Math.max(b - a, 1e-3); A.m < 0 && B.m <= 0 && b < gammaLimit; w *= 2) {
    b = Math.min(gammaLimit, b + w);
    B = await inner(b);
  }
  // Not a clean sign change (e.g. a solid gap nearby, or no interior minimum): give up and
  // let the caller keep the bisection result.
  if (!(A.m < 0 && B.m > 0)) return null;
  let side = 0;
  let best = Math.abs(A.m) < Math.abs(B.m) ? { g: a, ...A } : { g: b, ...B };
  let gPrev = NaN;
  for (let k = 0; k < maxIterations && b - a > 1e-12 * b; k++) {
    let g = (a * B.m - b * A.m) / (B.m - A.m);
    if (!(g > a && g < b)) g = 0.5 * (a + b);
    const C = await inner(g);
    if (Math.abs(C.m) < Math.abs(best.m)) best = { g, ...C };
    if (C.m === 0) break;
    // Converged: the Illinois bracket need not shrink on both sides, but once successive
    // iterates agree to 1e-9 relative, further curves only resolve rounding of the free energies.
    if (Math.abs(g - gPrev) <= 1e-9 * g) break;
    gPrev = g;
    if (C.m < 0) {
      a = g; A = C;
      if (side === 1) B = { ...B, m: B.m / 2 };
      side = 1;
    } else {
      b = g; B = C;
      if (side === -1) A = { ...A, m: A.m / 2 };
      side = -1;
    }
  }
  return { gamma: best.g, x: best.x };
}
