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
  const first = pockets(openWindows)[0];
  if (!first) throw new Error(`locateAzeotrope: no pocket at Gamma = ${gammaOpen}`);
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
  const p = pockets(openWindows).find((q) => q.phase === phase)!;
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
