import { fitDelta, mesaTable, type DeltaFit } from '../export/mesa.js';
import type { Fig2Diagram } from '../figures/fig2.js';
import { deltaFigure, pairDiagramFigure, type DeltaSeries, type PairPanel } from '../figures/pairs.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { gammaGrid, phaseDiagram, type PhaseDiagramResult, type PhaseDiagramRow } from '../phase/phaseDiagram.js';
import { BD_CO_DX, BD_ONE_DX, bdDeltaX, bdONeDeltaX, blouinDaligaultFigureRows } from '../reference/blouinDaligault2021.js';
import type { ReproduceConfig } from './config.js';
import type { Staging } from './output.js';
import { SroCurveCache, sroDiagram } from './phaseDiagrams.js';
import { sroGrid } from '../phase/sroCurve.js';
import type { Progress } from './progress.js';
import type { SroTrouble } from './sroSweeps.js';

/*
 * Beyond the paper: the same three solids (SRO, random, Ogata with S_mix) for O/Ne and C/Ne beside
 * C/O, x_s - x_l along the liquidus against the Blouin & Daligault fits (C/O: docs/physics.md
 * section 11; O/Ne: section 14), and fits of x_s - x_l in MESA's blouin_delta_xo form.
 */

/** One extra pair and its Gamma scan (Gamma_1 of the lighter ion). */
export interface PairScan {
  pair: string;
  z1: number;
  z2: number;
  gammaMin: number;
  gammaMax: number;
  /** Gamma step in units of the run's pairGammaStep. */
  stepFactor: number;
  /** How far past gammaMax the SRO invariant point is searched (each step minimizes one more curve). */
  sroSearch: number;
}

/**
 * O/Ne from just below the melting point of pure Ne (Gamma_1 = Gamma_1m (8/10)^(5/3) = 121.1);
 * C/Ne from Gamma_1 = 120 (pure Ne melts at Gamma_1 = 75.4, so the top of the C/Ne diagram,
 * x -> 1, is not shown) on a three times coarser Gamma step and without the search for the SRO
 * eutectic past Gamma = 180: its SRO minimizations cost 5 to 10 times those of C/O (the
 * constraint |Delta_k|^2 >= 0 is active over much of the x range).
 */
export const EXTRA_PAIRS: readonly PairScan[] = [
  { pair: 'O/Ne', z1: 8, z2: 10, gammaMin: 118, gammaMax: 181.5, stepFactor: 1, sroSearch: 20 },
  { pair: 'C/Ne', z1: 6, z2: 10, gammaMin: 120, gammaMax: 180, stepFactor: 3, sroSearch: 0 },
];
/** x step of the SRO minimizations of the extra pairs (C/O: the run's sroXStep). */
export const PAIR_SRO_X_STEP = 0.02;
/** Low-Gamma end of the C/O SRO rows used for x_s - x_l (pure O melts at Gamma_1 = 108.8). */
export const CO_LOW_GAMMA = 108;

export interface PairFitRow {
  pair: string;
  model: string;
  /** 'ours, liquidus table' (export mesa), 'ours, SRO diagram rows' or 'published'. */
  source: string;
  coefficients: number[];
  maxError: number | null;
  rows: number;
  /** Range of x_liquid covered by the rows. */
  xRange: [number, number] | null;
}

export interface PairsSummary {
  pairs: Array<{ pair: string; z1: number; z2: number; gammaMin: number; gammaMax: number; gammaStep: number; diagrams: Array<{ model: string; rows: number; unrefined: number; invariant: PhaseDiagramResult['azeotrope'] }> }>;
  fits: PairFitRow[];
  /** x_s - x_l at a few liquid compositions: ours (SRO, random, Ogata) beside Blouin & Daligault. */
  dxTable: Array<{ pair: string; x: number; sro: number | null; random: number | null; ogata: number | null; bd: number }>;
}

/** x_s(x_l) on the x grid by linear interpolation of refined diagram rows sorted by x_l (inside their range only). */
export function interpolateRows(rows: readonly PhaseDiagramRow[], xs: readonly number[]): Array<{ xLiquid: number; xSolid: number }> {
  const r = [...rows].sort((a, b) => a.xLiquid - b.xLiquid);
  const out: Array<{ xLiquid: number; xSolid: number }> = [];
  let j = 0;
  for (const x of xs) {
    if (r.length < 2 || x < r[0].xLiquid || x > r[r.length - 1].xLiquid) continue;
    while (j + 2 < r.length && r[j + 1].xLiquid < x) j++;
    const a = r[j];
    const b = r[j + 1];
    const t = b.xLiquid === a.xLiquid ? 0 : (x - a.xLiquid) / (b.xLiquid - a.xLiquid);
    out.push({ xLiquid: x, xSolid: a.xSolid + t * (b.xSolid - a.xSolid) });
  }
  return out;
}

const GRID = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);

async function fixedPairDiagram(model: 'random' | 'ogata', scan: PairScan, step: number, cfg: ReproduceConfig, gamma1m: number, sums: LatticeSums): Promise<PhaseDiagramResult> {
  return phaseDiagram({ model, sums, z1: scan.z1, z2: scan.z2, gammaMin: scan.gammaMin, gammaMax: scan.gammaMax, gammaStep: step, gamma1m, grid: { step: cfg.hullStep, edge: 1e-8 }, solvus: false });
}

function dxOf(points: ReadonlyArray<{ xLiquid: number; xSolid: number }>, x: number): number | null {
  const p = points.find((q) => Math.abs(q.xLiquid - x) < 1e-9);
  return p ? p.xSolid - p.xLiquid : null;
}

function fitRow(pair: string, model: string, source: string, pts: ReadonlyArray<{ xLiquid: number; xSolid: number }>): PairFitRow {
  const fit: DeltaFit | null = pts.length >= 6 ? fitDelta(pts) : null;
  return {
    pair, model, source,
    coefficients: fit ? [...fit.coefficients] : [],
    maxError: fit ? fit.maxError : null,
    rows: pts.length,
    xRange: pts.length ? [pts[0].xLiquid, pts[pts.length - 1].xLiquid] : null,
  };
}

/**
 * The section beyond the paper: diagrams of O/Ne and C/Ne (SRO curves minimized in the pool),
 * the pair figure (pairs.svg), x_s - x_l against Blouin & Daligault (delta.svg), and fits.
 * `co` holds the C/O diagrams of the main run (sro, random, ogata, ...) and its SRO cache.
 */
export async function beyondThePaper(
  cfg: ReproduceConfig,
  sums: LatticeSums,
  gamma1m: number,
  co: { diagrams: PhaseDiagramResult[]; cache: SroCurveCache },
  trouble: SroTrouble,
  st: Staging,
  progress: Progress,
): Promise<PairsSummary> {
  const step = cfg.pairGammaStep;
  const panels: PairPanel[] = [];
  const summary: PairsSummary = { pairs: [], fits: [], dxTable: [] };
  const coPick = (m: string) => co.diagrams.find((d) => d.model === m)!;
  const asFig = (d: PhaseDiagramResult, symbols = false): Fig2Diagram => ({ model: d.model, rows: d.rows, azeotrope: d.azeotrope, symbols });
  panels.push({ pair: 'C/O', diagrams: [asFig(coPick('sro'), true), asFig(coPick('random')), asFig(coPick('ogata'))], reference: blouinDaligaultFigureRows() });

  const extra = new Map<string, PhaseDiagramResult[]>();
  const bar = progress.bar('beyond the paper: O/Ne and C/Ne diagrams', EXTRA_PAIRS.length);
  for (const [k, scan] of EXTRA_PAIRS.entries()) {
    const pstep = step * scan.stepFactor;
    const pcfg: ReproduceConfig = { ...cfg, z1: scan.z1, z2: scan.z2, gammaMin: scan.gammaMin, gammaMax: scan.gammaMax, gammaStep: pstep };
    const xs = sroGrid({ step: Math.max(PAIR_SRO_X_STEP, cfg.sroXStep), endPoints: cfg.sroEndPoints, coarse: true });
    const cache = new SroCurveCache(pcfg, sums, trouble, xs);
    await cache.fill(gammaGrid(scan.gammaMin, scan.gammaMax, pstep));
    const sro = await sroDiagram(cache, gamma1m, undefined, {}, { azeotropeSearchLimit: scan.gammaMax + scan.sroSearch, azeotropeTolerance: 0.01 });
    const ds = [sro, await fixedPairDiagram('random', scan, pstep, cfg, gamma1m, sums), await fixedPairDiagram('ogata', scan, pstep, cfg, gamma1m, sums)];
    extra.set(scan.pair, ds);
    panels.push({ pair: scan.pair, diagrams: [asFig(ds[0], true), asFig(ds[1]), asFig(ds[2])] });
    summary.pairs.push({
      pair: scan.pair, z1: scan.z1, z2: scan.z2, gammaMin: scan.gammaMin, gammaMax: scan.gammaMax, gammaStep: pstep,
      diagrams: ds.map((d) => ({ model: d.model, rows: d.rows.length, unrefined: d.unrefined.length, invariant: d.azeotrope })),
    });
    for (const d of ds) await st.writeCsv(`pairs-${scan.pair.replace('/', '')}-${d.model}.csv`, d.rows.map((r) => ({ ...r })));
    bar.update(k + 1);
  }
  bar.done();
  await pairDiagramFigure(panels, st.file('pairs'));
  st.written.push('pairs.svg', 'pairs.csv');

  // x_s - x_l: SRO from the refined diagram rows (C/O extended down to the melting of pure O),
  // random and Ogata from the liquidus table of `export mesa` (exact at every x_l of the grid).
  const coLow = gammaGrid(CO_LOW_GAMMA, cfg.gammaMin - step, step);
  const lowCache = new SroCurveCache(cfg, sums, trouble, sroGrid({ step: Math.max(PAIR_SRO_X_STEP, cfg.sroXStep), endPoints: cfg.sroEndPoints, coarse: true }));
  await lowCache.fill(coLow);
  const coLowRows: PhaseDiagramRow[] = [];
  for (const g of coLow) {
    for (const w of await lowCache.windowsAt(g)) {
      if (w.refined === false) continue;
      coLowRows.push({ gamma: g, tOverT1m: gamma1m / g, xLiquid: w.xLiquid, xSolid: w.xSolid, side: w.xSolid < w.xLiquid ? 'left' : 'right', oneMinusXLiquid: 1 - w.xLiquid, oneMinusXSolid: 1 - w.xSolid });
    }
  }
  const series: DeltaSeries[] = [];
  const dxPairs: Array<{ pair: string; z1: number; z2: number; sroRows: PhaseDiagramRow[]; bd: (x: number) => number; bdCoef: readonly number[] }> = [
    { pair: 'C/O', z1: 6, z2: 8, sroRows: [...coPick('sro').rows, ...coLowRows], bd: bdDeltaX, bdCoef: BD_CO_DX },
    { pair: 'O/Ne', z1: 8, z2: 10, sroRows: extra.get('O/Ne')![0].rows, bd: bdONeDeltaX, bdCoef: BD_ONE_DX },
  ];
  for (const p of dxPairs) {
    const sroPts = interpolateRows(p.sroRows, GRID);
    const rnd = (await mesaTable({ z1: p.z1, z2: p.z2, model: 'random' })).rows;
    const og = (await mesaTable({ z1: p.z1, z2: p.z2, model: 'ogata' })).rows;
    series.push(
      { pair: p.pair, model: 'sro', symbols: true, points: p.sroRows.map((r) => ({ x: r.xLiquid, dx: r.xSolid - r.xLiquid })) },
      { pair: p.pair, model: 'random', points: rnd.map((r) => ({ x: r.xLiquid, dx: r.xSolid - r.xLiquid })) },
      { pair: p.pair, model: 'ogata', points: og.map((r) => ({ x: r.xLiquid, dx: r.xSolid - r.xLiquid })) },
      { pair: p.pair, model: 'Blouin & Daligault 2021', points: Array.from({ length: 101 }, (_, k) => ({ x: k / 100, dx: p.bd(k / 100) })) },
    );
    summary.fits.push(
      fitRow(p.pair, 'sro', 'ours, SRO diagram rows interpolated to x_l = 0.01 ... 0.99', sroPts),
      fitRow(p.pair, 'random', 'ours, liquidus table (export mesa)', rnd),
      fitRow(p.pair, 'ogata', 'ours, liquidus table (export mesa)', og),
      { pair: p.pair, model: 'Blouin & Daligault 2021', source: 'published fit', coefficients: p.bdCoef.slice(1), maxError: null, rows: 0, xRange: [0, 1] },
    );
    for (const x of [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9]) {
      summary.dxTable.push({ pair: p.pair, x, sro: dxOf(sroPts, x), random: dxOf(rnd, x), ogata: dxOf(og, x), bd: p.bd(x) });
    }
  }
  await deltaFigure(series, st.file('delta'));
  st.written.push('delta.svg', 'delta.csv');
  return summary;
}
