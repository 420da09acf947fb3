import { FIGURE_CONFIG, renderFigure, type FigureRow } from '../figures/render.js';
import type { Fig3Row } from './fig3Data.js';
import { fInfinite, type McStudyResult } from './mcStudy.js';

/** The figures of the Monte Carlo section, each an SVG with its CSV. */
export const MC_FIGURES = ['mc-fig3', 'mc-order', 'mc-entropy'] as const;

/**
 * mc-fig3: the exact (alpha_i - x^2)/x^2 at x = 0.5 with error bars (largest supercell, shells
 * 1..8) over the variational curves of Fig. 3 (lines).
 */
function fig3Rows(s: McStudyResult, variational: readonly Fig3Row[]): FigureRow[] {
  const big = s.sizes[s.sizes.length - 1].run;
  const rows: FigureRow[] = [];
  for (const r of variational) r.deviation.forEach((v, i) => rows.push({ source: 'variational (Fig. 3)', gamma: r.gamma, shell: i + 1, value: v }));
  for (const w of big.rows) {
    if (w.gamma < (variational[0]?.gamma ?? 0) - 1e-9) continue;
    const x2 = big.xCell ** 2;
    for (let i = 0; i < 8; i++) {
      const v = (w.alpha[i] - x2) / x2;
      const e = w.alphaError[i] / x2;
      rows.push({ source: `Monte Carlo L = ${big.L}`, gamma: w.gamma, shell: i + 1, value: v, low: v - e, high: v + e });
    }
  }
  return rows;
}

function fig3Spec(L: number): Record<string, unknown> {
  const x = { field: 'gamma', type: 'quantitative', title: 'Gamma = U_1 / T', scale: { zero: false } };
  const color = { field: 'shell', type: 'nominal', title: 'shell i' };
  const mc = { filter: `datum.source != 'variational (Fig. 3)'` };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `(alpha_i - x^2)/x^2 at x = 0.5: exact (points, L = ${L}) and variational (lines)`,
    width: 560, height: 400, config: FIGURE_CONFIG,
    layer: [
      { transform: [{ filter: `datum.source == 'variational (Fig. 3)'` }], mark: { type: 'line', strokeWidth: 1 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: '(alpha_i - x^2) / x^2' }, color } },
      { transform: [mc], mark: { type: 'rule' }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color } },
      { transform: [mc], mark: { type: 'point', size: 30, filled: true }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color } },
    ],
  };
}

/** mc-order: the largest S(k)/N (long-range order: constant in N; disorder: ~1/N) and the B2 eta per supercell. */
function orderRows(s: McStudyResult): FigureRow[] {
  return s.sizes.flatMap(({ run }) => run.rows.flatMap((w) => [
    { quantity: 'S_max / N', L: `L = ${run.L}`, gamma: w.gamma, value: w.sMax / run.N, kx: w.kStar[0], ky: w.kStar[1], kz: w.kStar[2] },
    { quantity: 'B2 eta', L: `L = ${run.L}`, gamma: w.gamma, value: w.b2 },
  ]));
}

function orderSpec(): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Long-range order at x = 0.5: largest S(k)/N and the B2 order parameter',
    width: 560, height: 360, config: FIGURE_CONFIG,
    transform: [{ filter: 'datum.value > 0' }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'gamma', type: 'quantitative', title: 'Gamma = U_1 / T' },
      y: { field: 'value', type: 'quantitative', title: 'S_max/N or eta', scale: { type: 'log' } },
      color: { field: 'L', type: 'nominal', title: 'supercell' },
      strokeDash: { field: 'quantity', type: 'nominal', title: null },
    },
  };
}

/** mc-entropy: exact s (infinite-crystal reference) against the variational S and eq. A.4 at the exact alpha_i. */
function entropyRows(s: McStudyResult): FigureRow[] {
  const { run, cmp } = s.sizes[s.sizes.length - 1];
  return run.rows.flatMap((w, j) => {
    const sInf = w.gamma * (w.u - fInfinite(run, w.f, w.gamma));
    return [
      { model: `exact (MC, L = ${run.L})`, gamma: w.gamma, s: sInf, low: sInf - w.sError, high: sInf + w.sError },
      ...(cmp[j].sro ? [{ model: 'variational minimum (eq. A.4)', gamma: w.gamma, s: cmp[j].sro!.s }] : []),
      { model: 'eq. A.4 at the exact alpha_1..alpha_8', gamma: w.gamma, s: cmp[j].sA4 },
    ];
  });
}

function entropySpec(): Record<string, unknown> {
  const x = { field: 'gamma', type: 'quantitative', title: 'Gamma = U_1 / T' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Configurational entropy per ion at x = 0.5 (k_B)',
    width: 560, height: 360, config: FIGURE_CONFIG,
    layer: [
      { mark: { type: 'line', point: true }, encoding: { x, y: { field: 's', type: 'quantitative', title: 's (k_B per ion)' }, color: { field: 'model', type: 'nominal', title: null } } },
      { mark: 'rule', encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: { field: 'model', type: 'nominal' } } },
    ],
  };
}

/** Render the three figures at `file(name)` (SVG + CSV each). */
export async function mcFigures(s: McStudyResult, variational: readonly Fig3Row[], file: (name: string) => string): Promise<void> {
  const L = s.sizes[s.sizes.length - 1].run.L;
  await renderFigure(fig3Spec(L), fig3Rows(s, variational), file('mc-fig3'));
  await renderFigure(orderSpec(), orderRows(s), file('mc-order'));
  await renderFigure(entropySpec(), entropyRows(s), file('mc-entropy'));
}
