import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DomainError } from '../errors.js';

/** One flat record of a figure's data (also one CSV row). */
export type FigureRow = Record<string, string | number | boolean | null | undefined>;

/** A Vega-Lite spec without data; `renderFigure` injects `data.values`. */
export type VegaLiteSpec = Record<string, unknown>;

/** CSV of flat records: the union of their keys in first-seen order, RFC 4180 quoting. */
export function toCsv(rows: readonly FigureRow[]): string {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

/**
 * The figure libraries vega and vega-lite are optional peer dependencies (about 20 MB that
 * only the figures need): they are loaded here, on first use, and their absence is one clear
 * error (exit code 2 in the CLI) saying how to install them.
 */
export class MissingDependencyError extends DomainError {
  override name = 'MissingDependencyError';
}

type FigureLibraries = { vl: typeof import('vega-lite'); vega: typeof import('vega') };
let libraries: Promise<FigureLibraries> | undefined;

/**
 * Load vega and vega-lite (once per process), else throw {@link MissingDependencyError}.
 *
 * @example await loadFigureLibraries() // before a long run that ends with figures
 */
export function loadFigureLibraries(): Promise<FigureLibraries> {
  libraries ??= Promise.all([import('vega-lite'), import('vega')]).then(
    ([vl, vega]) => ({ vl, vega }),
    (err: NodeJS.ErrnoException) => {
      libraries = undefined;
      if (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') {
        throw new MissingDependencyError(
          "the figures need the optional packages 'vega' and 'vega-lite'; install them next to coulomix with: npm install vega vega-lite",
        );
      }
      throw err;
    },
  );
  return libraries;
}

/**
 * Compile a Vega-Lite spec with its data to SVG in Node (vega-lite -> vega -> headless
 * View with renderer 'none', no browser and no canvas needed: text widths are estimated).
 */
export async function renderSvg(spec: VegaLiteSpec, data: readonly FigureRow[]): Promise<string> {
  const { vl, vega } = await loadFigureLibraries();
  const full = { ...spec, data: { values: data.map((r) => ({ ...r })) } };
  // Layered figures share their colour and dash scales on purpose (a layer may draw a subset of
  // the series): vega-lite's "conflicting scale property" notes would only clutter stderr, so
  // only errors are logged.
  const logger = vega.logger(vega.Error);
  const compiled = vl.compile(full as never, { logger } as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Result of {@link renderFigure}. */
export interface RenderedFigure {
  svgPath: string;
  csvPath: string;
  svg: string;
}

/**
 * Render a figure: writes `${outBase}.svg` (the drawing) and `${outBase}.csv` (its data,
 * one row per plotted record). Parent directories are created.
 */
export async function renderFigure(spec: VegaLiteSpec, data: readonly FigureRow[], outBase: string): Promise<RenderedFigure> {
  const svg = await renderSvg(spec, data);
  const svgPath = `${outBase}.svg`;
  const csvPath = `${outBase}.csv`;
  await mkdir(dirname(svgPath), { recursive: true });
  await writeFile(csvPath, toCsv(data));
  await writeFile(svgPath, svg);
  return { svgPath, csvPath, svg };
}

/** Shared look of the four figures. */
export const FIGURE_CONFIG = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  axis: { labelFontSize: 12, titleFontSize: 13, grid: true, gridOpacity: 0.35 },
  legend: { labelFontSize: 11, titleFontSize: 12, symbolStrokeWidth: 2, labelLimit: 260 },
  title: { fontSize: 14 },
  view: { stroke: '#444' },
} as const;

/** A five-pointed star as a Vega symbol path (unit coordinates). */
export const STAR_SHAPE =
  'M0,-1L0.2245,-0.309L0.951,-0.309L0.363,0.118L0.588,0.809L0,0.382L-0.588,0.809L-0.363,0.118L-0.951,-0.309L-0.2245,-0.309Z';

const TABLEAU10 = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const DASHES: number[][] = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 2, 1, 2], [3, 5]];

/** A colour per series: Tableau 10 in order, with overrides (default: 'liquid' black). */
export function seriesColors(domain: readonly string[], overrides: Record<string, string> = {}): string[] {
  const o: Record<string, string> = { liquid: '#000000', ...overrides };
  let k = 0;
  return domain.map((d) => o[d] ?? TABLEAU10[k++ % TABLEAU10.length]);
}

/** A dash pattern per series (solid first), 'liquid' dashed. */
export function dashPatterns(domain: readonly string[]): number[][] {
  let k = 0;
  return domain.map((d) => (d === 'liquid' ? [7, 4] : DASHES[k++ % DASHES.length]));
}

/**
 * Axis titles longer than `max` characters become two lines (Vega draws an array of
 * strings as lines), split at the space or " (" nearest the middle, so that a long
 * rotated y title does not stretch the figure.
 */
export function wrapTitle(title: string, max = 44): string | string[] {
  if (title.length <= max) return title;
  const mid = title.length / 2;
  let best = -1;
  for (let i = 1; i < title.length - 1; i++) {
    if (title[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  return best < 0 ? title : [title.slice(0, best), title.slice(best + 1)];
}
