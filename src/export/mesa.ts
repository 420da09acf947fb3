import { getLatticeSums } from '../latticeSums/getLatticeSums.js';
import { meltingGamma } from '../ocp/meltingPoint.js';
import { liquidusPoints, type LiquidusPoint } from '../phase/liquidus.js';
import { fixedSolidCurve, liquidCurve, type SolidModelName } from '../phase/modelCurves.js';
import type { CurveProvider } from '../phase/phaseDiagram.js';
import { DomainError } from '../errors.js';
import { leastSquares } from './leastSquares.js';

/**
 * A liquidus table for stellar-evolution codes (MESA, star/private/phase_separation.f90;
 * docs/physics.md sections 11, 14): for liquid number fractions x_l of Z2, the solid that forms,
 * the Gamma_1 and T/T_m(pure Z1) = Gamma_1m/Gamma_1 at which the liquid starts to crystallize,
 * mass fractions, and the least-squares fit of x_s - x_l in the form of MESA's blouin_delta_xo:
 *     x_s - x_l = a1 x_l + a2 x_l^2 + a3 x_l^3 + a4 x_l^4 + a5 x_l^5   (a0 = 0).
 */

/** Mass numbers of the usual isotopes by charge (4He, 12C, 16O, 20Ne, 24Mg, 56Fe, 79Se). */
export const DEFAULT_MASS_NUMBERS: Readonly<Record<number, number>> = { 2: 4, 6: 12, 8: 16, 10: 20, 12: 24, 26: 56, 34: 79 };

/** One row of the table (x = number fraction of Z2, X = its mass fraction). */
export interface MesaRow {
  xLiquid: number;
  xSolid: number;
  gammaLiquidus: number;
  tOverTm: number;
  XLiquid: number;
  XSolid: number;
}

/** The fit x_s - x_l = sum_k a_k x_l^k, k = 1..5, and its largest deviation from the rows. */
export interface DeltaFit {
  coefficients: [number, number, number, number, number];
  maxError: number;
}

export interface MesaTable {
  z1: number;
  z2: number;
  model: SolidModelName;
  a1: number;
  a2: number;
  gamma1m: number;
  rows: MesaRow[];
  fit: DeltaFit;
  /** Liquid compositions of the grid that do not crystallize in the scanned Gamma range (left out). */
  outside: number[];
  /** Largest |D| (tangent condition) and Gamma bracket half-width over the rows. */
  maxResidual: number;
  maxGammaError: number;
}

/** Options of {@link mesaTable}. */
export interface MesaOptions {
  z1: number;
  z2: number;
  model: SolidModelName;
  /** Mass numbers (default DEFAULT_MASS_NUMBERS). */
  a1?: number;
  a2?: number;
  /** Curves for 'sro' (required for it): a provider and its batch hook (src/export/sroSource.ts). */
  sro?: { curvesAt: CurveProvider; prepare(gammas: number[]): Promise<void> };
  /** Lockstep refinement rounds (default 40; an SRO provider pays one batch of curves per round). */
  maxRounds?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** Mass fraction of Z2 from its number fraction x: X = x A2 / ((1-x) A1 + x A2). */
export function massFraction(x: number, a1: number, a2: number): number {
  return (x * a2) / ((1 - x) * a1 + x * a2);
}

/** Least-squares fit of dx = x_s - x_l in the blouin_delta_xo form (a0 = 0, a1..a5). */
export function fitDelta(rows: ReadonlyArray<{ xLiquid: number; xSolid: number }>): DeltaFit {
  const A = rows.map((r) => [1, 2, 3, 4, 5].map((k) => Math.pow(r.xLiquid, k)));
  const y = rows.map((r) => r.xSolid - r.xLiquid);
  const c = leastSquares(A, y) as DeltaFit['coefficients'];
  const maxError = Math.max(...rows.map((r, i) => Math.abs(A[i].reduce((s, a, k) => s + a * c[k], 0) - y[i])));
  return { coefficients: c, maxError };
}

/** The base grid x_l = 0.01, 0.02, ..., 0.99 (99 points). */
export function baseLiquidGrid(): number[] {
  return Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
}

/** Midpoints of the intervals where x_s - x_l changes by more than 1.5 times its mean change. */
export function denserWhereFast(points: readonly LiquidusPoint[]): number[] {
  const d = points.map((p) => p.xSolid - p.xLiquid);
  const steps = d.slice(1).map((v, k) => Math.abs(v - d[k]));
  const mean = steps.reduce((s, v) => s + v, 0) / Math.max(1, steps.length);
  const out: number[] = [];
  steps.forEach((s, k) => {
    if (s > 1.5 * mean) out.push(Math.round(((points[k].xLiquid + points[k + 1].xLiquid) / 2) * 1e12) / 1e12);
  });
  return out;
}

function massNumber(z: number, given: number | undefined, flag: string): number {
  const a = given ?? DEFAULT_MASS_NUMBERS[z];
  if (a === undefined) {
    throw new DomainError(`no default mass number for Z = ${z} (defaults for Z = ${Object.keys(DEFAULT_MASS_NUMBERS).join(', ')}); give ${flag}`);
  }
  if (!(a > 0 && Number.isFinite(a))) throw new DomainError(`${flag} must be a positive number, got ${a}`);
  return a;
}

/**
 * Build the table. The Gamma scan runs from 0.95 times the melting Gamma_1 of pure Z2,
 * Gamma_1m (Z1/Z2)^(5/3), to 1.1 Gamma_1m in 80 steps, then refines every composition.
 *
 * @example const t = await mesaTable({ z1: 6, z2: 8, model: 'random' }); t.fit.coefficients
 */
export async function mesaTable(options: MesaOptions): Promise<MesaTable> {
  const { z1, z2, model } = options;
  const a1 = massNumber(z1, options.a1, '--a1');
  const a2 = massNumber(z2, options.a2, '--a2');
  const gamma1m = meltingGamma();
  let curvesAt: CurveProvider;
  let prepare: ((g: number[]) => Promise<void>) | undefined;
  if (model === 'sro') {
    if (!options.sro) throw new Error("mesaTable: model 'sro' needs options.sro");
    ({ curvesAt, prepare } = options.sro);
  } else {
    const sums = model === 'random' ? await getLatticeSums(8) : undefined;
    curvesAt = (g) => ({ liquid: liquidCurve(z1, z2, g), solid: fixedSolidCurve(model, z1, z2, g, sums) });
  }
  const gammaMin = 0.95 * gamma1m * Math.pow(z1 / z2, 5 / 3);
  const gammaMax = 1.1 * gamma1m;
  const scan = { curvesAt, prepare, gammaMin, gammaMax, gammaStep: (gammaMax - gammaMin) / 80, maxRounds: options.maxRounds };
  const first = await liquidusPoints({ ...scan, xs: baseLiquidGrid(), onProgress: (r, open) => options.onProgress?.('liquidus', r, open) });
  const extra = denserWhereFast(first.points);
  const second = extra.length > 0 ? await liquidusPoints({ ...scan, xs: extra, onProgress: (r, open) => options.onProgress?.('refinement', r, open) }) : { points: [], outside: [] };
  const points = [...first.points, ...second.points].sort((p, q) => p.xLiquid - q.xLiquid);
  if (points.length < 6) {
    throw new DomainError(`only ${points.length} liquid compositions crystallize for Gamma_1 in [${gammaMin.toFixed(1)}, ${gammaMax.toFixed(1)}]: no table for Z1 = ${z1}, Z2 = ${z2}`);
  }
  const rows: MesaRow[] = points.map((p) => ({
    xLiquid: p.xLiquid,
    xSolid: p.xSolid,
    gammaLiquidus: p.gamma,
    tOverTm: gamma1m / p.gamma,
    XLiquid: massFraction(p.xLiquid, a1, a2),
    XSolid: massFraction(p.xSolid, a1, a2),
  }));
  return {
    z1, z2, model, a1, a2, gamma1m, rows,
    fit: fitDelta(rows),
    outside: [...first.outside, ...second.outside].sort((p, q) => p - q),
    maxResidual: Math.max(...points.map((p) => p.residual)),
    maxGammaError: Math.max(...points.map((p) => p.gammaError)),
  };
}
