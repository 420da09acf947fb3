import { fig1 } from '../figures/fig1.js';
import { fig2, type Fig2Diagram } from '../figures/fig2.js';
import { fig3 } from '../figures/fig3.js';
import { fig4 } from '../figures/fig4.js';
import { loadFigureLibraries } from '../figures/render.js';
import { meltingGamma } from '../ocp/meltingPoint.js';
import { gammaGrid, type PhaseDiagramResult } from '../phase/phaseDiagram.js';
import type { CoexistenceWindow } from '../phase/types.js';
import { bdAzeotrope, bdLiquidusT, blouinDaligaultFigureRows } from '../reference/blouinDaligault2021.js';
import type { LatticeSums } from '../latticeSums/types.js';
import { sroCurvePoints } from '../parallel/sroCurves.js';
import { coexistenceWindows } from '../phase/coexistence.js';
import { liquidCurve } from '../phase/modelCurves.js';
import { sroCurveFromPoints } from '../phase/sroCurve.js';
import type { ReproduceConfig } from './config.js';
import { fig1Data } from './fig1Data.js';
import { mc2010Comparison, type Mc2010Comparison } from './mc2010Comparison.js';
import { orderedStructuresData, type OrderedStructureRow } from './orderedStructuresData.js';
import { latticeSums } from '../latticeSums/latticeSums.js';
import { fig3Data, sweepGammas, type Fig3Row } from './fig3Data.js';
import { fig4Data, type Fig4Result } from './fig4Data.js';
import { phaseDiagramCsv } from '../output/phaseDiagramCsv.js';
import { stage, type Staging } from './output.js';
import { FIXED_MODELS, fixedDiagram, fixedDiagramLiquidVariant, solidusAt, SroCurveCache, sroDiagram } from './phaseDiagrams.js';
import type { Progress } from './progress.js';
import { writeReport } from './report.js';
import { newTrouble, type SroTrouble } from './sroSweeps.js';
import { computeTableI, type TableIResult } from './tableI.js';
import { beyondThePaper, EXTRA_PAIRS, type PairsSummary } from './pairs.js';
import { mcSection, MC_FILES } from './mcSection.js';
import { computeTernarySection, ternaryMarkdown } from './ternarySection.js';
import type { McStudyResult } from './mcStudy.js';

/** The paper's SRO solidus compositions at crystallization (published; comparison only). */
export const PAPER_SOLIDUS = [
  { gamma: 'Gamma_1m', x: 0.49 },
  { gamma: 170, x: 0.59 },
  { gamma: 160, x: 0.72 },
  { gamma: 150, x: 0.8 },
] as const;
/** The paper's Gamma_1m (published; comparison only). */
export const PAPER_GAMMA_1M = 175.719;

/** Every file `reproduce` writes (relative to the result directory). */
export const EXPECTED_FILES = [
  'REPORT.md',
  'summary.json',
  'table1.csv',
  'table1.json',
  'phase-diagram-sro.csv',
  'phase-diagram-random.csv',
  'phase-diagram-ogata.csv',
  'phase-diagram-ogata-smixz.csv',
  'phase-diagram-sro-liquid-smix.csv',
  'phase-diagrams.json',
  'solvus.csv',
  'solidus.csv',
  'phase-diagram-mc2010.csv',
  'mc2010-comparison.csv',
  'ordered-structures.csv',
  'fig1.svg',
  'fig1.csv',
  'fig2.svg',
  'fig2.csv',
  'fig3.svg',
  'fig3.csv',
  'fig4.svg',
  'fig4.csv',
  'pairs.svg',
  'pairs.csv',
  'delta.svg',
  'delta.csv',
  ...EXTRA_PAIRS.flatMap((p) => ['sro', 'random', 'ogata'].map((m) => `pairs-${p.pair.replace('/', '')}-${m}.csv`)),
  ...MC_FILES,
] as const;

export interface SolidusRow {
  label: string;
  gamma: number;
  tOverT1m: number;
  xSolid: number | null;
  xLiquid: number | null;
  /** x_solid when, as in the paper, F itself is splined (diagnostic). */
  xSolidSplineF: number | null;
  /** x_solid with SRO curves minimized on another wedge sample (seed 2; diagnostic). */
  xSolidSeed2: number | null;
  /** x_solid with the liquid's ideal mixing term -S_mix instead of -S_mixZ (variant; docs/solidus-offset.md). */
  xSolidLiquidSmix: number | null;
  paperX: number;
}

export interface ReproduceSummary {
  level: string;
  config: ReproduceConfig;
  out: string;
  seconds: Record<string, number>;
  totalSeconds: number;
  gamma1m: number;
  paperGamma1m: number;
  table: TableIResult;
  diagrams: Array<{ model: string; rows: number; azeotrope: PhaseDiagramResult['azeotrope']; solvusRows: number; solvusTop: { gamma: number; tOverT1m: number; x: number } | null }>;
  solidus: SolidusRow[];
  /** The SRO diagram with the -S_mix liquid (variant): its azeotrope. */
  sroLiquidSmix: { rows: number; azeotrope: PhaseDiagramResult['azeotrope'] };
  /** The fixed-microstructure diagrams with the -S_mix liquid (variant): their invariant points. */
  fixedLiquidSmix: Array<{ model: string; azeotrope: PhaseDiagramResult['azeotrope'] }>;
  blouinDaligault: { x: number; tOverTmC: number; liquidusTAtOurAzeotropeX: number | null };
  fig1Windows: { random: CoexistenceWindow[]; sro: CoexistenceWindow[] };
  fig3: Fig3Row[];
  fig4: Omit<Fig4Result, 'data'>;
  /** The paper's two comparisons, checked: Medin & Cumming 2010 and Fig. 1's ordered structures. */
  comparisons: { mc2010: Mc2010Comparison; ordered: OrderedStructureRow[] };
  sro: { xGridPoints: number; curves: number; onDemandCurves: number; trouble: SroTrouble };
  /** Beyond the paper: O/Ne and C/Ne diagrams, x_s - x_l against Blouin & Daligault, MESA-form fits. */
  beyond: PairsSummary;
  files: string[];
  /** The lattice Monte Carlo section (beyond the paper), with its REPORT.md markdown. */
  mc: { result: McStudyResult; markdown: string };
  /** The C/O/Ne section (default level only). */
  ternary: { markdown: string } | null;
}

/** Diagnostic: the SRO solidus at the given Gammas with curves minimized on a second wedge sample (seed 2). */
async function solidusOtherSample(cfg: ReproduceConfig, sums: LatticeSums, gammas: number[], xs: number[]): Promise<Array<number | null>> {
  const pts = await sroCurvePoints({
    z1: cfg.z1, z2: cfg.z2, gammas, xs: xs.filter((x) => x >= 0.01 && x <= 0.99), shells: 8, sums,
    threads: cfg.threads, samplePoints: cfg.samplePoints, seed: 2,
  }).catch(() => null);
  if (!pts) return gammas.map(() => null);
  return gammas.map((g, k) => {
    const w = solidusAt(coexistenceWindows(liquidCurve(cfg.z1, cfg.z2, g), sroCurveFromPoints(pts[k], g), { grid: { step: cfg.hullStep, edge: 1e-8 } }));
    return w?.xSolid ?? null;
  });
}

/** Top of a solvus: the (non-metastable) gap with the highest temperature. */
function solvusTop(d: PhaseDiagramResult): ReproduceSummary['diagrams'][number]['solvusTop'] {
  const stable = d.solvus.filter((s) => !s.metastable);
  if (stable.length === 0) return null;
  const top = stable.reduce((a, b) => (b.tOverT1m > a.tOverT1m ? b : a));
  return { gamma: top.gamma, tOverT1m: top.tOverT1m, x: (top.xLow + top.xHigh) / 2 };
}

/**
 * Recompute the paper end to end into `cfg`'s output directory: Table I, Gamma_1m, the four
 * phase diagrams, Figs. 1-4 (SVG + CSV), tables (CSV, JSON), summary.json and REPORT.md.
 * The caller closes the worker pool. `outDir` is replaced only if it is an earlier result
 * (see src/reproduce/output.ts) or `options.force` is set.
 */
export async function reproduce(
  cfg: ReproduceConfig,
  outDir: string,
  progress: Progress,
  options: { force?: boolean } = {},
): Promise<ReproduceSummary> {
  await loadFigureLibraries(); // the optional figure libraries: refuse at once, not after the computation
  const staging = await stage(outDir, { force: options.force, onNote: (m) => progress.note(`reproduce: ${m}`) });
  try {
    const summary = await run(cfg, staging, progress);
    await staging.commit();
    return summary;
  } catch (err) {
    await staging.abort();
    throw err;
  }
}

async function run(cfg: ReproduceConfig, st: Staging, progress: Progress): Promise<ReproduceSummary> {
  const tStart = performance.now();
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    seconds[name] = (performance.now() - t0) / 1000;
    return r;
  };
  const { z1, z2 } = cfg;
  progress.note(`coulomix reproduce (${cfg.level}): ${cfg.threads} thread(s), writing ${st.out}`);

  // 1. Table I.
  const tableBar = progress.bar('Table I (lattice sums)', 1);
  const { table, sums } = await timed('tableI', () => computeTableI(cfg.tableShells, cfg.tableTol, cfg.threads));
  tableBar.done();
  progress.note(`Table I: estimated error of the T_i ${table.error.toExponential(1)}`);
  await st.writeJson('table1.json', table);
  await st.writeCsv('table1.csv', [
    ...table.rows.map((r) => ({
      i: r.i, l2: r.l2, m: r.m, I: r.I, T: r.T, IminusT: r.IminusT,
      paper_T: r.paperT, paper_IminusT: r.paperIminusT,
      diff_T_last_digit: r.dTLastDigit, diff_IminusT_last_digit: r.dIminusTLastDigit,
    })),
    { i: 0, T: table.T0, paper_T: table.paperT0, diff_T_last_digit: table.dT0LastDigit },
  ]);

  // 2. Melting point.
  const gamma1m = await timed('gamma1m', () => meltingGamma());
  progress.note(`Gamma_1m = ${gamma1m.toFixed(6)}`);

  // 3. Fixed-microstructure diagrams.
  const fixed: PhaseDiagramResult[] = [];
  const fixedBar = progress.bar('phase diagrams random/ogata/smixz', FIXED_MODELS.length);
  await timed('fixedDiagrams', async () => {
    for (const [k, m] of FIXED_MODELS.entries()) {
      fixed.push(await fixedDiagram(m, cfg, gamma1m, sums));
      fixedBar.update(k + 1);
    }
  });
  fixedBar.done();
  const fixedSmix = await timed('fixedDiagramsLiquidSmix', async () => {
    const out: Array<{ model: string; azeotrope: PhaseDiagramResult['azeotrope'] }> = [];
    for (const m of FIXED_MODELS) out.push({ model: m, azeotrope: (await fixedDiagramLiquidVariant(m, cfg, gamma1m, sums, { idealMixing: 'smix' })).azeotrope });
    return out;
  });

  // 4. SRO curves on the Gamma grid (+ the crystallization Gammas of Fig. 4) in the pool.
  const trouble = newTrouble();
  const cache = new SroCurveCache(cfg, sums, trouble);
  const crystalGammas = [gamma1m, ...cfg.crystallizationGammas];
  const gammas = [...gammaGrid(cfg.gammaMin, cfg.gammaMax, cfg.gammaStep), ...crystalGammas];
  const nCurves = new Set(gammas.map(SroCurveCache.key)).size;
  const sroBar = progress.bar(`SRO curves (${cache.xs.length} x each)`, nCurves);
  await timed('sroCurves', () => cache.fill(gammas, (d) => sroBar.update(d)));
  sroBar.done();

  // 5. SRO diagram (windows on the grid; azeotrope search minimizes off-grid curves on demand).
  const nGrid = gammaGrid(cfg.gammaMin, cfg.gammaMax, cfg.gammaStep).length;
  const diagBar = progress.bar('SRO phase diagram + azeotrope', nGrid);
  const sro = await timed('sroDiagram', () => sroDiagram(cache, gamma1m, (d) => diagBar.update(d)));
  diagBar.done();
  progress.note(`SRO azeotrope: ${sro.azeotrope ? `x = ${sro.azeotrope.x.toFixed(4)}, T/T_1m = ${sro.azeotrope.tOverT1m.toFixed(4)}` : 'not found'} (${cache.onDemand} extra curve(s) minimized off the grid)`);
  // Variant (not the default): the liquid's ideal mixing term -S_mix instead of -S_mixZ. Same
  // SRO curves, so only the tangents are redone (docs/solidus-offset.md explains why we report it).
  const sroLiquidMix = await timed('sroDiagramLiquidSmix', () => sroDiagram(cache, gamma1m, undefined, { idealMixing: 'smix' }));
  // The same layout as `coulomix phase-diagram --csv` (src/output/phaseDiagramCsv.ts).
  await st.writeText('phase-diagram-sro-liquid-smix.csv', phaseDiagramCsv(sroLiquidMix));
  const diagrams = [sro, ...fixed];
  for (const d of diagrams) await st.writeText(`phase-diagram-${d.model}.csv`, phaseDiagramCsv(d));
  await st.writeJson('phase-diagrams.json', diagrams);
  await st.writeCsv('solvus.csv', fixed.flatMap((d) => d.solvus.map((s) => ({ model: d.model, ...s }))));

  // 6. Solidus compositions at crystallization.
  const solidus: SolidusRow[] = [];
  const seed2 = await timed('solidusSeed2', () => solidusOtherSample(cfg, sums, crystalGammas, cache.xs));
  for (const [k, g] of crystalGammas.entries()) {
    const w = solidusAt(await cache.windowsAt(g));
    const wF = solidusAt(await cache.windowsAt(g, { splineF: true }));
    const wS = solidusAt(await cache.windowsAt(g, {}, { idealMixing: 'smix' }));
    solidus.push({
      label: k === 0 ? 'Gamma_1m' : String(g),
      gamma: g,
      tOverT1m: gamma1m / g,
      xSolid: w?.xSolid ?? null,
      xLiquid: w?.xLiquid ?? null,
      xSolidSplineF: wF?.xSolid ?? null,
      xSolidSeed2: seed2[k],
      xSolidLiquidSmix: wS?.xSolid ?? null,
      paperX: PAPER_SOLIDUS[k]?.x ?? NaN,
    });
  }
  await st.writeCsv('solidus.csv', solidus.map((s) => ({ ...s })));

  // 7. The paper's two comparisons: Medin & Cumming's banana, and the fully ordered structures
  // (exact Ewald energies; eqs. 5-6 truncated at 8, 30, 60 shells, so 60-shell sums).
  const medinCumming = await timed('mc2010', () => mc2010Comparison(z1, z2, cfg.gammaStep));
  await st.writeText('phase-diagram-mc2010.csv', phaseDiagramCsv(medinCumming.diagram));
  await st.writeCsv('mc2010-comparison.csv', [
    ...medinCumming.atT.flatMap((a) => a.windows.map((w) => ({ table: 'equal T/T_m', liquid: a.liquid, tOverTm: a.tOverTm, gamma: a.gamma, xLiquid: w.xLiquid, xSolid: w.xSolid }))),
    ...medinCumming.atXLiquid.map((a) => ({ table: 'equal x_liquid', liquid: a.liquid, tOverTm: a.tOverTm, xLiquid: a.xLiquid, xSolid: a.xSolid })),
  ]);
  const ordered = await timed('orderedStructures', async () => {
    const sums60 = await latticeSums({ shells: 60, tol: cfg.tableTol, threads: cfg.threads });
    return orderedStructuresData(z1, z2, sums60);
  });
  await st.writeCsv('ordered-structures.csv', ordered.map(({ Ushift, paperMinusExact, ...r }) => ({
    ...r, Ushift8: Ushift[0], Ushift30: Ushift[1], Ushift60: Ushift[2],
    paperMinusExact8: paperMinusExact[0], paperMinusExact30: paperMinusExact[1], paperMinusExact60: paperMinusExact[2],
  })));

  // 8. Fig. 1 at T = T_1m, with the ordered structures as squares.
  const f1 = await timed('fig1', async () => {
    const r = fig1Data(z1, z2, gamma1m, sums, await cache.pointsAt(gamma1m), cfg.hullStep);
    r.data.ordered = ordered.map((o) => ({ series: 'ordered (CsCl, 4{fcc}; exact)', x: o.x, F: o.U }));
    await fig1(r.data, st.file('fig1'));
    return r;
  });

  // 9. Fig. 2, with Medin & Cumming's banana (T over their own T_mC).
  await timed('fig2', async () => {
    const d2: Fig2Diagram[] = [...diagrams, medinCumming.diagram].map((d) => ({
      model: d.model,
      rows: d.rows,
      azeotrope: d.azeotrope,
      solvus: d.model === 'ogata-smixz' ? d.solvus : [],
      symbols: d.model === 'sro',
    }));
    await fig2({ diagrams: d2, reference: blouinDaligaultFigureRows(), referenceName: 'Blouin & Daligault 2021' }, st.file('fig2'));
  });

  // 9b. Beyond the paper: O/Ne and C/Ne beside C/O, x_s - x_l against Blouin & Daligault.
  const beyond = await timed('beyondThePaper', () => beyondThePaper(cfg, sums, gamma1m, { diagrams, cache }, trouble, st, progress));

  // 10. Fig. 3 (main thread, warm start along Gamma).
  const g3 = sweepGammas(gamma1m, cfg.sweepStep, cfg.sweepMax);
  const bar3 = progress.bar('Fig. 3 (x = 0.5, along Gamma)', g3.length);
  const f3 = await timed('fig3', async () => {
    const r = await fig3Data(z1, z2, g3, sums, { shells: 8, samplePoints: cfg.samplePoints }, trouble, (d) => bar3.update(d));
    await fig3(r.data, st.file('fig3'));
    return r;
  });
  bar3.done();

  // 11. Fig. 4 (pool).
  const crystallized = solidus.filter((s) => s.xSolid !== null).map((s) => ({ gammaC: s.gamma, xc: s.xSolid as number }));
  let bar4: ReturnType<Progress['bar']> | undefined;
  const f4 = await timed('fig4', async () => {
    const r = await fig4Data(
      z1, z2, crystallized, sums,
      { shells: 8, samplePoints: cfg.samplePoints, threads: cfg.threads, sweepStep: cfg.sweepStep, sweepMax: cfg.sweepMax, hullStep: cfg.hullStep },
      trouble,
      (d, n) => {
        bar4 ??= progress.bar('Fig. 4 (x_c along Gamma)', n);
        bar4.update(d);
      },
    );
    await fig4(r.data, st.file('fig4'));
    return r;
  });
  bar4?.done();
  for (const f of ['fig1', 'fig2', 'fig3', 'fig4']) st.written.push(`${f}.svg`, `${f}.csv`);

  // 11. Beyond the paper: the exact (Monte Carlo) equilibrium of the same crystal.
  const mc = await timed('monteCarlo', () => mcSection(cfg.mc, st, { z1, z2, threads: cfg.threads, gamma1m, sums, crystalGammas, fig3: f3.rows, progress }));

  // 12. Beyond the paper: three kinds of nuclei, C/O/Ne (default level only; its figures are
  // written into the result directory by the section itself).
  const ternary = cfg.ternary
    ? await timed('ternary', async () => {
        const d = await computeTernarySection({ dir: st.dir, threads: cfg.threads, onProgress: (m) => progress.note(m) });
        st.written.push(...d.diagrams.map((q) => q.svg), d.distillationSvg);
        return { markdown: ternaryMarkdown(d) };
      })
    : null;

  const bd = bdAzeotrope();
  const { data: _unused, ...fig4Rest } = f4;
  void _unused;
  const summary: ReproduceSummary = {
    level: cfg.level,
    config: cfg,
    out: st.out,
    seconds,
    totalSeconds: (performance.now() - tStart) / 1000,
    gamma1m,
    paperGamma1m: PAPER_GAMMA_1M,
    table,
    diagrams: diagrams.map((d) => ({
      model: d.model,
      rows: d.rows.length,
      azeotrope: d.azeotrope,
      solvusRows: d.solvus.length,
      solvusTop: solvusTop(d),
    })),
    solidus,
    sroLiquidSmix: { rows: sroLiquidMix.rows.length, azeotrope: sroLiquidMix.azeotrope },
    fixedLiquidSmix: fixedSmix,
    blouinDaligault: {
      x: bd.x,
      tOverTmC: bd.t,
      liquidusTAtOurAzeotropeX: sro.azeotrope ? bdLiquidusT(sro.azeotrope.x) : null,
    },
    fig1Windows: f1.windows,
    fig3: f3.rows,
    fig4: fig4Rest,
    comparisons: { mc2010: medinCumming, ordered },
    sro: { xGridPoints: cache.xs.length, curves: cache.points.size, onDemandCurves: cache.onDemand, trouble },
    beyond,
    files: [],
    mc,
    ternary,
  };
  await writeReport(st, summary);
  summary.files = [...new Set([...st.written, 'summary.json'])].sort();
  summary.totalSeconds = (performance.now() - tStart) / 1000;
  await st.writeJson('summary.json', summary);
  return summary;
}
