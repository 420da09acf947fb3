import { fig2Rows, fig2Spec, type Fig2Diagram } from './fig2.js';
import { dashPatterns, FIGURE_CONFIG, renderFigure, seriesColors, type FigureRow, type RenderedFigure, type VegaLiteSpec } from './render.js';

/*
 * Figures beyond the paper: the phase diagrams of several charge pairs side by side (same
 * models as Fig. 2), and x_s - x_l against the liquid composition beside the Blouin & Daligault
 * fits (docs/physics.md sections 11, 14).
 */

/** One pair's diagrams (rows as produced by phaseDiagram). */
export interface PairPanel {
  /** e.g. 'C/O'. */
  pair: string;
  diagrams: Fig2Diagram[];
  /** Optional comparison lines, T/T_m(pure Z1) versus x (the C/O Blouin & Daligault fit). */
  reference?: Array<{ branch: string; x: number; t: number }>;
}

/** Rows of the pair figure: Fig. 2's rows per pair, tagged with the pair. */
export function pairDiagramRows(panels: readonly PairPanel[]): FigureRow[] {
  return panels.flatMap((p) => fig2Rows({ diagrams: p.diagrams, reference: p.reference }).map((r) => ({ pair: p.pair, ...r })));
}

/** Phase diagrams of several pairs, one panel each, T/T_m(pure Z1) versus x (number fraction of Z2). */
export function pairDiagramSpec(panels: readonly PairPanel[], tMin = 0.9, tMax = 1.8): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Phase diagrams of three pairs (SRO symbols, random and Ogata lines)',
    config: FIGURE_CONFIG,
    hconcat: panels.map((p) => {
      const spec = fig2Spec({ diagrams: p.diagrams, reference: p.reference }, { tMin, tMax }) as { layer: Array<Record<string, unknown>> };
      const layer = spec.layer.map((l) => {
        const enc = l.encoding as Record<string, Record<string, unknown>>;
        return {
          ...l,
          transform: [{ filter: `datum.pair === '${p.pair}'` }, ...((l.transform as unknown[]) ?? [])],
          encoding: {
            ...enc,
            x: { ...enc.x, title: `x (${p.pair.split('/')[1]} number fraction)` },
            y: { ...enc.y, title: `T / T_m(pure ${p.pair.split('/')[0]})` },
          },
        };
      });
      return { title: p.pair, width: 300, height: 300, layer };
    }),
  };
}

/** Write the pair figure (SVG + CSV) at `outBase`. */
export function pairDiagramFigure(panels: readonly PairPanel[], outBase: string): Promise<RenderedFigure> {
  return renderFigure(pairDiagramSpec(panels), pairDiagramRows(panels), outBase);
}

/** One curve of x_s - x_l versus x_l. */
export interface DeltaSeries {
  pair: string;
  model: string;
  points: Array<{ x: number; dx: number }>;
  /** Draw as symbols (data) instead of a line. */
  symbols?: boolean;
}

/** x_s - x_l versus x_l, one panel per pair. */
export function deltaSpec(series: readonly DeltaSeries[]): VegaLiteSpec {
  const pairs = [...new Set(series.map((s) => s.pair))];
  const models = [...new Set(series.map((s) => s.model))];
  const color = { field: 'model', type: 'nominal', title: 'model', scale: { domain: models, range: seriesColors(models) } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Solid minus liquid composition at the liquidus',
    config: FIGURE_CONFIG,
    hconcat: pairs.map((p) => {
      const x = { field: 'x', type: 'quantitative', title: `x_liquid (${p.split('/')[1]} number fraction)`, scale: { domain: [0, 1] } };
      const y = { field: 'dx', type: 'quantitative', title: 'x_solid - x_liquid' };
      return {
        title: p,
        width: 320,
        height: 260,
        layer: [
          {
            transform: [{ filter: `datum.pair === '${p}' && !datum.symbols` }],
            mark: { type: 'line', strokeWidth: 1.8, clip: true },
            encoding: { x, y, color, strokeDash: { field: 'model', type: 'nominal', scale: { domain: models, range: dashPatterns(models) } }, order: { field: 'order', type: 'quantitative' } },
          },
          {
            transform: [{ filter: `datum.pair === '${p}' && datum.symbols` }],
            mark: { type: 'point', size: 18, strokeWidth: 1.2, clip: true },
            encoding: { x, y, color },
          },
        ],
      };
    }),
  };
}

/** Write the x_s - x_l figure (SVG + CSV) at `outBase`. */
export function deltaFigure(series: readonly DeltaSeries[], outBase: string): Promise<RenderedFigure> {
  const rows: FigureRow[] = series.flatMap((s) => s.points.map((p, k) => ({ pair: s.pair, model: s.model, symbols: Boolean(s.symbols), order: k, x: p.x, dx: p.dx })));
  return renderFigure(deltaSpec(series), rows, outBase);
}
