import type { AzeotropeRow, PhaseDiagramRow, SolvusRow } from '../phase/phaseDiagram.js';
import { dashPatterns, FIGURE_CONFIG, renderFigure, seriesColors, STAR_SHAPE, type FigureRow, type RenderedFigure, type VegaLiteSpec } from './render.js';

/** One model's phase diagram (rows as produced by phaseDiagram). */
export interface Fig2Diagram {
  model: string;
  rows: readonly PhaseDiagramRow[];
  azeotrope?: AzeotropeRow | null;
  solvus?: readonly SolvusRow[];
  /** Draw as symbols (the SRO diagram) instead of lines. */
  symbols?: boolean;
}

/** Fig. 2: C/O phase diagram, T/T_1m versus x. */
export interface Fig2Data {
  diagrams: Fig2Diagram[];
  /** Comparison curves (Blouin & Daligault 2021), T/T_mC versus x, one `branch` per line. */
  reference?: Array<{ branch: string; x: number; t: number }>;
  referenceName?: string;
}

/**
 * Flatten to plot rows: for each model and each side of the azeotrope, a liquidus line
 * (xLiquid) and a solidus line (xSolid) ordered by T, closed at the azeotrope; the stable
 * solvus as a dome (xLow going down in T, then xHigh coming back up).
 */
export function fig2Rows(data: Fig2Data): FigureRow[] {
  const out: FigureRow[] = [];
  for (const d of data.diagrams) {
    for (const side of ['left', 'right'] as const) {
      const rows = d.rows.filter((r) => r.side === side).sort((a, b) => b.tOverT1m - a.tOverT1m);
      if (rows.length === 0) continue;
      for (const kind of ['liquidus', 'solidus'] as const) {
        const pts = rows.map((r) => ({ x: kind === 'liquidus' ? r.xLiquid : r.xSolid, t: r.tOverT1m }));
        const a = d.azeotrope;
        if (a && a.kind === 'eutectic' && kind === 'solidus') {
          pts.push({ x: (side === 'left' ? a.xSolidLow : a.xSolidHigh) ?? a.x, t: a.tOverT1m });
        } else if (a) {
          pts.push({ x: a.x, t: a.tOverT1m });
        }
        pts.forEach((p, k) =>
          out.push({
            model: d.model,
            kind,
            line: `${d.model} ${side} ${kind}`,
            mark: d.symbols ? 'symbol' : 'line',
            order: k,
            x: p.x,
            t: p.t,
          }),
        );
      }
    }
    const a = d.azeotrope;
    if (a && a.kind === 'eutectic' && a.xSolidLow !== undefined && a.xSolidHigh !== undefined) {
      [a.xSolidLow, a.xSolidHigh].forEach((x, k) =>
        out.push({ model: d.model, kind: 'eutectic', line: `${d.model} eutectic`, mark: d.symbols ? 'symbol' : 'line', order: k, x, t: a.tOverT1m }),
      );
    }
    const solvus = (d.solvus ?? []).filter((s) => !s.metastable).sort((a, b) => b.tOverT1m - a.tOverT1m);
    if (solvus.length > 0) {
      // Up the low-x branch from the coldest row to the onset, then down the high-x branch.
      const dome = [...[...solvus].reverse().map((s) => ({ x: s.xLow, t: s.tOverT1m })), ...solvus.map((s) => ({ x: s.xHigh, t: s.tOverT1m }))];
      dome.forEach((p, k) =>
        out.push({ model: d.model, kind: 'solvus', line: `${d.model} solvus`, mark: 'line', order: k, x: p.x, t: p.t }),
      );
    }
  }
  const ref = data.referenceName ?? 'Blouin & Daligault 2021';
  const byBranch = new Map<string, number>();
  for (const r of data.reference ?? []) {
    const k = byBranch.get(r.branch) ?? 0;
    byBranch.set(r.branch, k + 1);
    out.push({ model: ref, kind: r.branch, line: `${ref} ${r.branch}`, mark: 'reference', order: k, x: r.x, t: r.t });
  }
  return out;
}

export function fig2Spec(data: Fig2Data, options: { tMin?: number; tMax?: number } = {}): VegaLiteSpec {
  const x = { field: 'x', type: 'quantitative', title: 'x (O number fraction)', scale: { domain: [0, 1] } };
  const y = {
    field: 't',
    type: 'quantitative',
    title: 'T / T_1m (reference: T / T_mC)',
    scale: { domain: [options.tMin ?? 0.3, options.tMax ?? 1.4], zero: false },
  };
  const models = [...data.diagrams.map((d) => d.model), ...(data.reference?.length ? [data.referenceName ?? 'Blouin & Daligault 2021'] : [])];
  const color = { field: 'model', type: 'nominal', title: 'model', scale: { domain: models, range: seriesColors(models, { [models[models.length - 1]]: '#999999' }) } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'C/O phase diagram',
    width: 560,
    height: 420,
    config: FIGURE_CONFIG,
    layer: [
      {
        transform: [{ filter: "datum.mark === 'reference'" }],
        mark: { type: 'line', strokeWidth: 5, opacity: 0.35, color: '#777', clip: true },
        encoding: { x, y, detail: { field: 'line', type: 'nominal' }, order: { field: 'order', type: 'quantitative' } },
      },
      {
        transform: [{ filter: "datum.mark === 'line'" }],
        mark: { type: 'line', strokeWidth: 1.8, clip: true },
        encoding: {
          x,
          y,
          color,
          strokeDash: { field: 'model', type: 'nominal', title: 'model', scale: { domain: models, range: dashPatterns(models) } },
          detail: { field: 'line', type: 'nominal' },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      ...(data.diagrams.some((d) => d.symbols) ? [{
        transform: [{ filter: "datum.mark === 'symbol'" }],
        mark: { type: 'point', size: 40, strokeWidth: 1.3, clip: true },
        encoding: {
          x,
          y,
          color,
          shape: {
            field: 'kind',
            type: 'nominal',
            title: 'SRO',
            scale: { domain: ['liquidus', 'solidus'], range: [STAR_SHAPE, 'cross'] },
          },
        },
      }] : []),
    ],
  };
}

/** Write fig2.svg and fig2.csv at `outBase`. */
export function fig2(data: Fig2Data, outBase: string, options: { tMin?: number; tMax?: number } = {}): Promise<RenderedFigure> {
  return renderFigure(fig2Spec(data, options), fig2Rows(data), outBase);
}
