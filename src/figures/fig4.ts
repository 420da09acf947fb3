import { wrapTitle, FIGURE_CONFIG, renderFigure, type FigureRow, type RenderedFigure, type VegaLiteSpec } from './render.js';

/**
 * Fig. 4: free-energy gains below crystallization, versus Gamma, for the solids that
 * crystallize at Gamma_c (x_c): re-ordering (crosses), exsolution (squares), and the
 * fcc-bcc energy difference of a one-component crystal (dotted line).
 */
export interface Fig4Data {
  points: Array<{
    /** Composition of the crystallized solid. */
    xc: number;
    /** Crystallization Gamma. */
    gammaC: number;
    gamma: number;
    kind: 'reordering' | 'exsolution' | 'fcc-bcc';
    value: number;
  }>;
  /** Axis title of the gains (default "free-energy gain per ion / U_1"). */
  yTitle?: string;
  /** Logarithmic y axis (default false; positive values only). */
  logY?: boolean;
}

export function fig4Rows(data: Fig4Data): FigureRow[] {
  return data.points.map((p) => ({
    solid: p.kind === 'fcc-bcc' ? 'one-component fcc - bcc' : `x = ${p.xc.toFixed(2)} (Gamma_c = ${p.gammaC.toFixed(1)})`,
    xc: p.xc,
    gammaC: p.gammaC,
    gamma: p.gamma,
    kind: p.kind,
    curve: p.kind === 'fcc-bcc' ? 'fcc - bcc, one component' : p.kind,
    value: p.value,
  }));
}

export function fig4Spec(data: Fig4Data): VegaLiteSpec {
  const x = { field: 'gamma', type: 'quantitative', title: 'Gamma = U_1 / T', scale: { zero: false } };
  const y = {
    field: 'value',
    type: 'quantitative',
    title: wrapTitle(data.yTitle ?? 'free-energy gain per ion / U_1'),
    ...(data.logY ? { scale: { type: 'log' } } : {}),
  };
  const color = { field: 'solid', type: 'nominal', title: 'crystallized solid' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Free-energy gain below crystallization',
    width: 560,
    height: 400,
    config: FIGURE_CONFIG,
    layer: [
      {
        transform: [{ filter: "datum.kind === 'fcc-bcc'" }],
        mark: { type: 'line', strokeWidth: 2, color: 'black', clip: true },
        encoding: {
          x,
          y,
          strokeDash: { field: 'curve', type: 'nominal', title: 'energy difference', scale: { range: [[2, 3]] } },
          order: { field: 'gamma', type: 'quantitative' },
        },
      },
      {
        transform: [{ filter: "datum.kind !== 'fcc-bcc'" }],
        mark: { type: 'point', size: 45, strokeWidth: 1.4, clip: true },
        encoding: {
          x,
          y,
          color,
          shape: {
            field: 'kind',
            type: 'nominal',
            title: 'gain from',
            scale: { domain: ['reordering', 'exsolution'], range: ['cross', 'square'] },
          },
        },
      },
    ],
  };
}

/** Write fig4.svg and fig4.csv at `outBase`. */
export function fig4(data: Fig4Data, outBase: string): Promise<RenderedFigure> {
  return renderFigure(fig4Spec(data), fig4Rows(data), outBase);
}
