import { FIGURE_CONFIG, renderFigure, type FigureRow, type RenderedFigure, type VegaLiteSpec } from './render.js';

/** Fig. 3: relative deviations (alpha_i - x^2)/x^2 of the equilibrium order parameters vs Gamma at x = 0.5. */
export interface Fig3Data {
  points: Array<{ gamma: number; shell: number; value: number }>;
  x?: number;
}

export function fig3Rows(data: Fig3Data): FigureRow[] {
  return data.points.map((p) => ({
    gamma: p.gamma,
    shell: p.shell,
    parity: p.shell % 2 === 1 ? 'odd shell' : 'even shell',
    value: p.value,
  }));
}

export function fig3Spec(data: Fig3Data): VegaLiteSpec {
  const x = { field: 'gamma', type: 'quantitative', title: 'Gamma = U_1 / T', scale: { zero: false } };
  const y = { field: 'value', type: 'quantitative', title: '(alpha_i - x^2) / x^2' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Equilibrium short-range order parameters at x = ${data.x ?? 0.5}`,
    width: 560,
    height: 400,
    config: FIGURE_CONFIG,
    layer: [
      {
        mark: { type: 'line', strokeWidth: 0.8, opacity: 0.5 },
        encoding: { x, y, color: { field: 'shell', type: 'nominal', title: 'shell i' }, order: { field: 'gamma', type: 'quantitative' } },
      },
      {
        mark: { type: 'point', size: 45, strokeWidth: 1.4 },
        encoding: {
          x,
          y,
          color: { field: 'shell', type: 'nominal', title: 'shell i' },
          shape: {
            field: 'parity',
            type: 'nominal',
            title: null,
            scale: { domain: ['odd shell', 'even shell'], range: ['square', 'cross'] },
          },
        },
      },
    ],
  };
}

/** Write fig3.svg and fig3.csv at `outBase`. */
export function fig3(data: Fig3Data, outBase: string): Promise<RenderedFigure> {
  return renderFigure(fig3Spec(data), fig3Rows(data), outBase);
}
