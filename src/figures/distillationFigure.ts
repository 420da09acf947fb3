import type { DistillationRow } from '../multi/distillation.js';
import { FIGURE_CONFIG, renderSvg, type FigureRow, type VegaLiteSpec } from './render.js';

/** Rows: one per (series, x_O) for D and one for the O enrichment x_O(solid) - x_O(liquid). */
export function distillationRows(series: Record<string, readonly DistillationRow[]>): FigureRow[] {
  return Object.entries(series).flatMap(([name, rows]) =>
    rows.flatMap((r) => [
      { panel: 'D', series: name, x2: r.x2, value: r.D },
      { panel: 'dO', series: name, x2: r.x2, value: r.enrichment2 },
    ]),
  );
}

/** Two stacked panels: D = x_3(solid)/x_3(liquid) and x_2(solid) - x_2(liquid) along the liquidus. */
export function distillationSpec(title: string, names: readonly string[]): VegaLiteSpec {
  const x = { field: 'x2', type: 'quantitative', title: 'x_O of the liquid (on its liquidus)' };
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: [...names] } };
  const panel = (p: string, ytitle: string) => ({
    width: 520,
    height: 220,
    transform: [{ filter: `datum.panel === '${p}'` }],
    mark: { type: 'line', point: { size: 16 } },
    encoding: { x, y: { field: 'value', type: 'quantitative', title: ytitle, scale: { zero: false } }, color },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    config: FIGURE_CONFIG,
    vconcat: [panel('D', 'D = x_Ne(solid) / x_Ne(liquid)'), panel('dO', 'x_O(solid) - x_O(liquid)')],
  };
}

/** SVG of the distillation curves (one series per model or x_Ne). */
export function distillationSvg(series: Record<string, readonly DistillationRow[]>, title: string): Promise<string> {
  return renderSvg(distillationSpec(title, Object.keys(series)), distillationRows(series));
}
