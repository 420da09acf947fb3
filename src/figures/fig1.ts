import { wrapTitle, dashPatterns, FIGURE_CONFIG, renderFigure, seriesColors, type FigureRow, type RenderedFigure, type VegaLiteSpec } from './render.js';

/**
 * Fig. 1 of the paper: energy and free-energy models of the C/O mixture versus x at
 * T = T_1m, in U_1 with linear mixing subtracted.
 */
export interface Fig1Data {
  /** Continuous curves, e.g. 'U_rnd', 'Ogata fit (energy)', 'Ogata fit - T S_mix', 'U_rnd - T S_mix', 'SRO spline', 'liquid'. */
  curves: Array<{ series: string; x: number; F: number }>;
  /** Minimized SRO free energies (filled dots). */
  points?: Array<{ series: string; x: number; F: number }>;
  /** Fully ordered structures (open squares): their exact energies, zero entropy. */
  ordered?: Array<{ series: string; x: number; F: number }>;
  /** Double tangents: two (or more) points per `series` (e.g. 'tangent random left'). */
  tangents?: Array<{ series: string; x: number; F: number }>;
  /** Gamma of the figure, for the title. */
  gamma?: number;
  /** y axis title (default "E or F / U_1 (linear mixing subtracted)"). */
  yTitle?: string;
  /** Colours per series (default: Tableau 10; 'liquid' black). */
  colors?: Record<string, string>;
}

export function fig1Rows(data: Fig1Data): FigureRow[] {
  return [
    ...data.curves.map((r) => ({ layer: 'curve', series: r.series, x: r.x, F: r.F })),
    ...(data.points ?? []).map((r) => ({ layer: 'point', series: r.series, x: r.x, F: r.F })),
    ...(data.tangents ?? []).map((r) => ({ layer: 'tangent', series: r.series, x: r.x, F: r.F })),
    ...(data.ordered ?? []).map((r) => ({ layer: 'ordered', series: r.series, x: r.x, F: r.F })),
  ];
}

export function fig1Spec(data: Fig1Data): VegaLiteSpec {
  const x = { field: 'x', type: 'quantitative', title: 'x (O number fraction)', scale: { domain: [0, 1] } };
  const y = { field: 'F', type: 'quantitative', title: wrapTitle(data.yTitle ?? 'E or F / U_1 (linear mixing subtracted)') };
  const curveSeries = [...new Set(data.curves.map((c) => c.series))];
  const pointSeries = [...new Set([...(data.points ?? []), ...(data.ordered ?? [])].map((c) => c.series))];
  const domain = [...curveSeries, ...pointSeries.filter((s) => !curveSeries.includes(s))];
  const color = { field: 'series', type: 'nominal', title: 'curve', scale: { domain, range: seriesColors(domain, data.colors) } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `C/O energies and free energies at T = T_1m${data.gamma ? ` (Gamma = ${data.gamma.toFixed(3)})` : ''}`,
    width: 560,
    height: 400,
    config: FIGURE_CONFIG,
    layer: [
      {
        transform: [{ filter: "datum.layer === 'tangent'" }],
        mark: { type: 'line', color: '#888', strokeDash: [8, 4], strokeWidth: 1.5, clip: true },
        encoding: { x, y, detail: { field: 'series', type: 'nominal' } },
      },
      {
        transform: [{ filter: "datum.layer === 'curve'" }],
        mark: { type: 'line', strokeWidth: 2, clip: true },
        encoding: {
          x,
          y,
          color,
          strokeDash: { field: 'series', type: 'nominal', title: 'curve', scale: { domain, range: dashPatterns(domain) } },
          order: { field: 'x', type: 'quantitative' },
        },
      },
      {
        transform: [{ filter: "datum.layer === 'point'" }],
        mark: { type: 'point', filled: true, size: 30, clip: true },
        encoding: { x, y, color },
      },
      {
        transform: [{ filter: "datum.layer === 'ordered'" }],
        mark: { type: 'square', filled: false, size: 90, strokeWidth: 2, clip: true },
        encoding: { x, y, color },
      },
    ],
  };
}

/** Write fig1.svg and fig1.csv at `outBase` (e.g. 'results/fig1'). */
export function fig1(data: Fig1Data, outBase: string): Promise<RenderedFigure> {
  return renderFigure(fig1Spec(data), fig1Rows(data), outBase);
}
