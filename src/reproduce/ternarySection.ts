import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distillationSvg } from '../figures/distillationFigure.js';
import { gibbsTriangleSvg } from '../figures/gibbsTriangle.js';
import { distillation, type DistillationRow } from '../multi/distillation.js';
import { ocpMeltingGamma } from '../multi/liquidus.js';
import { mesaTernaryTable } from '../multi/mesaTable.js';
import { multiModels, type MultiSolidModel } from '../multi/models.js';
import { ternaryDiagram, type TernaryDiagram } from '../multi/ternaryDiagram.js';

/** What the ternary section of REPORT.md shows (beyond the paper; docs/physics.md sections 13-14). */
export interface TernarySectionData {
  gammas: number[];
  diagrams: Array<{ model: MultiSolidModel; gamma: number; diagram: TernaryDiagram; seconds: number; svg: string }>;
  x3: number;
  distillation: Partial<Record<MultiSolidModel, DistillationRow[]>>;
  distillationSeconds: Partial<Record<MultiSolidModel, number>>;
  distillationSvg: string;
  mesa: Array<{ model: MultiSolidModel; n: number; threads: number; seconds: number; points: number; maxResidual: number }>;
  /** SRO MESA tables measured by `node bench/ternary.mjs` (bench/results/ternary.json), if that file has them: too long for a default run. */
  benchSro?: { date: string; rows: BenchSroRow[] };
}

/** One SRO-table row of bench/results/ternary.json. */
export interface BenchSroRow {
  n: number;
  threads: number;
  points: number;
  medianMs: number;
  msPerPointThread: number;
  maxResidual: number;
  loadAverageStart: number;
  loadAverageEnd: number;
}

/** The SRO MESA-table rows of bench/results/ternary.json (undefined if the file or the rows are missing). */
export async function benchSroTables(file = new URL('../../bench/results/ternary.json', import.meta.url)): Promise<TernarySectionData['benchSro']> {
  try {
    const j = JSON.parse(await readFile(file, 'utf8')) as { date: string; results: Array<BenchSroRow & { name: string }> };
    const rows = j.results.filter((r) => /SRO solid, \d+ x \d+/.test(r.name) && Number.isFinite(r.medianMs));
    return rows.length ? { date: j.date, rows } : undefined;
  } catch {
    return undefined;
  }
}

/** Options of {@link computeTernarySection}; defaults are the report's. */
export interface TernarySectionOptions {
  /** Directory the figures go to (e.g. the reproduce result directory). */
  dir: string;
  gammas?: number[];
  /** Distillation: liquid x_Ne and points per model. */
  x3?: number;
  points?: { random: number; sro: number };
  /** MESA table grids timed (per model) and threads. */
  mesa?: Array<{ model: MultiSolidModel; n: number }>;
  threads?: number;
  /** Solid models computed (default both). */
  models?: MultiSolidModel[];
  onProgress?: (message: string) => void;
}

const CONE = [6, 8, 10];

/**
 * Compute the ternary section: the C/O/Ne Gibbs triangle at two temperatures (SRO and random
 * solids), D for 22Ne (a Z = 10 ion) along the C/O liquidus for both solids, and the runtime of
 * MESA tables. Writes the SVG figures into `dir`.
 */
export async function computeTernarySection(o: TernarySectionOptions): Promise<TernarySectionData> {
  const gammas = o.gammas ?? [175, 165];
  const x3 = o.x3 ?? 0.01;
  // random: 3 (sro + 1) - 1 points, so that every SRO composition is also a random one.
  const points = o.points ?? { random: 38, sro: 12 };
  const log = o.onProgress ?? (() => {});
  await mkdir(o.dir, { recursive: true });
  const diagrams: TernarySectionData['diagrams'] = [];
  const models = o.models ?? ['sro', 'random'];
  for (const model of models) {
    const m = await multiModels(model);
    for (const gamma of gammas) {
      log(`ternary ${model} Gamma = ${gamma}`);
      const t0 = Date.now();
      const diagram = ternaryDiagram(m.liquid(CONE, gamma), m.solid(CONE, gamma), model === 'sro' ? { grid: 20, maxTieLines: 12 } : { grid: 60 });
      const seconds = (Date.now() - t0) / 1000;
      const svg = `ternary-${model}-gamma${gamma}.svg`;
      await writeFile(join(o.dir, svg), await gibbsTriangleSvg(diagram, ['C', 'O', 'Ne'], `C/O/Ne, ${model} solid, Gamma = ${gamma} (T/T_1m = ${(ocpMeltingGamma() / gamma).toFixed(4)})`));
      diagrams.push({ model, gamma, diagram, seconds, svg });
    }
  }
  const dist: Partial<Record<MultiSolidModel, DistillationRow[]>> = {};
  const distSeconds: Partial<Record<MultiSolidModel, number>> = {};
  for (const model of models) {
    log(`distillation ${model}`);
    const m = await multiModels(model);
    const n = points[model];
    const x2s = Array.from({ length: n }, (_, k) => ((1 - x3) * (k + 1)) / (n + 1));
    const t0 = Date.now();
    dist[model] = distillation(m.liquid, m.solid, CONE, x3, x2s, undefined, m.liquidusOptions);
    distSeconds[model] = (Date.now() - t0) / 1000;
  }
  const distillationFile = 'distillation-22Ne.svg';
  await writeFile(join(o.dir, distillationFile), await distillationSvg(Object.fromEntries(models.map((m) => [`${m} solid`, dist[m] ?? []])), `22Ne (x_Ne = ${x3}) along the C/O liquidus`));
  const mesa: TernarySectionData['mesa'] = [];
  for (const t of o.mesa ?? [{ model: 'random', n: 51 }]) {
    log(`MESA table CONe ${t.model} n = ${t.n}`);
    const t0 = Date.now();
    const table = await mesaTernaryTable('CONe', t.model, { n: t.n, threads: o.threads ?? 1 });
    mesa.push({ model: t.model, n: t.n, threads: o.threads ?? 1, seconds: (Date.now() - t0) / 1000, points: table.points, maxResidual: table.maxResidual });
  }
  const benchSro = await benchSroTables();
  return { gammas, diagrams, x3, distillation: dist, distillationSeconds: distSeconds, distillationSvg: distillationFile, mesa, benchSro };
}

const f = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
const range = (v: number[], d: number) => `${f(Math.min(...v), d)} ... ${f(Math.max(...v), d)}`;

/** Mean of D over rows whose x_O lies in [lo, hi]. */
function meanD(rows: DistillationRow[], lo: number, hi: number): number {
  const sel = rows.filter((r) => r.x2 >= lo && r.x2 <= hi);
  return sel.reduce((s, r) => s + r.D, 0) / sel.length;
}

/** One sentence on what the SRO solid changes, from the computed curves (only models present). */
function sroEffect(d: TernarySectionData): string {
  const s = d.distillation.sro;
  const r = d.distillation.random;
  if (!s?.length || !r?.length) return '';
  const ms = meanD(s, 0, 1);
  const mr = meanD(r, 0, 1);
  const gs = s.map((q) => q.gamma);
  const pairs = s.map((q) => [q, r.find((p) => Math.abs(p.x2 - q.x2) < 1e-9)] as const).filter(([, p]) => p);
  const lower = pairs.filter(([q, p]) => q.gamma < p!.gamma).length;
  return (
    `Averaged along the liquidus D is ${f(ms, 3)} with short-range order and ${f(mr, 3)} without: the SRO solid takes ${ms > mr ? 'more' : 'less'} 22Ne, i.e. 22Ne distillation (D < 1) is ${ms > mr ? 'weaker' : 'stronger'} than the disordered solid predicts. ` +
    (pairs.length
      ? `The liquidus Gamma of the SRO model (${range(gs, 1)}) is below the random one at ${lower} of ${pairs.length} common compositions (the ordered solid is more stable, so the liquid freezes at a higher temperature).`
      : '')
  );
}

/** The markdown of the ternary section. */
export function ternaryMarkdown(d: TernarySectionData): string {
  const L: string[] = [];
  L.push('## Beyond the paper: C/O/Ne, 22Ne distillation and MESA tables');
  L.push('');
  L.push(
    'The paper\'s model extended to three kinds of nuclei (docs/physics.md section 13): the liquid is linear mixing plus the PCCDR09 correction written in charge moments plus sum_a x_a ln(x_a Z_a/<Z>); the SRO solid minimizes over the pair probabilities P_ab(i) of 8 shells (24 variables for three species) under the sum rules, eq. 4 for every pair, S >= 0 and eq. 3 as positive semidefiniteness of S_ab(k) (cuts from the eigenvector of its smallest non-null eigenvalue), certified by the duality gap and the refined minimum over k of that eigenvalue. 22Ne is a Z = 10 ion. Gamma is Gamma_C (Z = 6).',
  );
  L.push('');
  L.push('### Gibbs triangles');
  L.push('');
  L.push('| solid | Gamma | T/T_Cm | tie-lines | three-phase triangles | max tangent residual (units of T) | seconds | figure |');
  L.push('|---|---|---|---|---|---|---|---|');
  for (const q of d.diagrams) {
    const res = Math.max(0, ...q.diagram.tieLines.map((t) => t.residual), ...q.diagram.threePhase.map((t) => t.residual));
    const ls = q.diagram.tieLines.filter((t) => t.liquid).length;
    L.push(`| ${q.model} | ${q.gamma} | ${f(ocpMeltingGamma() / q.gamma, 4)} | ${ls} | ${q.diagram.threePhase.length} | ${res.toExponential(1)} | ${f(q.seconds, 1)} | ![](${q.svg}) |`);
  }
  L.push('');
  L.push('SRO diagrams use a hull grid of spacing 1/20 and refine 12 evenly spaced two-phase facets (each SRO free energy is one certified minimization); the random ones use 1/60 and refine every facet.');
  L.push('');
  L.push(`### 22Ne distribution coefficient along the C/O liquidus (x_Ne = ${d.x3} in the liquid)`);
  L.push('');
  L.push(`![](${d.distillationSvg})`);
  L.push('');
  L.push('| x_O (liquid) | Gamma_liq SRO | D SRO | x_O(sol) - x_O(liq) SRO | Gamma_liq random | D random | x_O(sol) - x_O(liq) random |');
  L.push('|---|---|---|---|---|---|---|');
  const rnd = d.distillation.random ?? [];
  const main = d.distillation.sro ?? rnd;
  for (const s of main) {
    const r = rnd.reduce((p, q) => (Math.abs(q.x2 - s.x2) < Math.abs(p.x2 - s.x2) ? q : p));
    const same = Math.abs(r.x2 - s.x2) < 1e-9;
    L.push(`| ${f(s.x2, 4)} | ${f(s.gamma, 3)} | ${f(s.D, 4)} | ${f(s.enrichment2, 4)} | ${same ? f(r.gamma, 3) : 'n/a'} | ${same ? f(r.D, 4) : 'n/a'} | ${same ? f(r.enrichment2, 4) : 'n/a'} |`);
  }
  L.push('');
  const ds = (d.distillation.sro ?? []).map((r) => r.D);
  const dr = (rnd ?? []).map((r) => r.D);
  L.push(
    `D ranges over ${ds.length ? range(ds, 3) : 'n/a'} with the SRO solid and ${dr.length ? range(dr, 3) : 'n/a'} with the disordered solid (D < 1: the first solid is depleted in 22Ne). ` +
      `${sroEffect(d)} ` +
      `Largest tangent-plane residual ${Math.max(...main.map((r) => r.residual), ...rnd.map((r) => r.residual)).toExponential(1)} (units of T); run time ${f(d.distillationSeconds.sro ?? NaN, 1)} s (SRO, ${ds.length} points) and ${f(d.distillationSeconds.random ?? NaN, 1)} s (random, ${dr.length} points).`,
  );
  L.push('');
  L.push('### MESA tables (CONe_deltaC.h5, CONe_deltaO.h5)');
  L.push('');
  L.push('| solid | grid | liquid compositions | threads | seconds | max tangent residual |');
  L.push('|---|---|---|---|---|---|');
  for (const m of d.mesa) L.push(`| ${m.model} | ${m.n} x ${m.n} | ${m.points} | ${m.threads} | ${f(m.seconds, 1)} | ${m.maxResidual.toExponential(1)} |`);
  L.push('');
  L.push(...benchSroLines(d.benchSro));
  return L.join('\n');
}

/**
 * The SRO MESA tables as measured by the bench (every SRO free energy is a certified
 * minimization: minutes to an hour per table, too long for the default run), and the 51 x 51
 * default grid: its measured time, or an extrapolation from the largest measured table.
 */
function benchSroLines(b: TernarySectionData['benchSro']): string[] {
  if (!b) return ['SRO tables: not measured here (run `node bench/ternary.mjs --only-sro-table`).', ''];
  const L = [`SRO solid, measured by \`node bench/ternary.mjs\` (bench/results/ternary.json, ${b.date.slice(0, 10)}; one run each on a shared 2-core machine, load average noted):`, ''];
  L.push('| solid | grid | liquid compositions | threads | seconds | s per composition and thread | load average | max tangent residual |');
  L.push('|---|---|---|---|---|---|---|---|');
  for (const r of b.rows)
    L.push(`| sro | ${r.n} x ${r.n} | ${r.points} | ${r.threads} | ${f(r.medianMs / 1000, 1)} | ${f(r.msPerPointThread / 1000, 2)} | ${f(r.loadAverageStart, 1)} | ${r.maxResidual.toExponential(1)} |`);
  const big = b.rows.reduce((p, q) => (q.points > p.points ? q : p));
  const full = (51 * 52) / 2;
  const threads = (r: BenchSroRow) => `${r.threads} thread${r.threads > 1 ? 's' : ''}`;
  const rows = b.rows.filter((r) => r.n === big.n);
  L.push('');
  if (big.points === full) {
    const t = rows.map((r) => `${f(r.medianMs / 6e4, 0)} min with ${threads(r)}`).join(' and ');
    L.push(`The default 51 x 51 SRO table (${full} liquid compositions) took ${t}, every liquid certified (largest tangent residual ${big.maxResidual.toExponential(1)}); the cost per composition is highest near the C/Ne eutectic, where eq. 3 is active on clusters of cuts.`);
  } else {
    const est = rows.map((r) => `about ${f((full * r.medianMs) / r.points / 3.6e6, 1)} h with ${threads(r)}`).join(' and ');
    L.push(
      `The default 51 x 51 SRO table (${full} liquid compositions) was not computed: scaled from the ${big.n} x ${big.n} wall time per composition it would take ${est} (an extrapolation at the load of that run; the cost per composition varies across the triangle and is highest near the C/Ne edge, where eq. 3 is active).`,
    );
  }
  L.push('');
  return L;
}

/** Compute and render the section in one call (for REPORT.md). */
export async function ternaryReportSection(o: TernarySectionOptions): Promise<string> {
  return ternaryMarkdown(await computeTernarySection(o));
}
