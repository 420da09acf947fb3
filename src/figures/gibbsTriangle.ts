import type { TernaryDiagram } from '../multi/ternaryDiagram.js';
import { FIGURE_CONFIG, renderSvg, type FigureRow, type VegaLiteSpec } from './render.js';

/** Cartesian position in the Gibbs triangle: species 1 at (0, 0), 2 at (1, 0), 3 at (1/2, sqrt(3)/2). */
export function gibbsXY(x: ArrayLike<number>): [number, number] {
  return [x[1] + x[2] / 2, (x[2] * Math.sqrt(3)) / 2];
}

/**
 * Rows of the Gibbs-triangle figure: the outline, a thinned set of tie-lines (at most
 * `maxTieLines`, evenly spaced in the list), liquidus and solidus ends of all tie-lines, and
 * the three-phase triangles.
 */
export function gibbsRows(d: TernaryDiagram, labels: readonly string[], maxTieLines = 40): FigureRow[] {
  const rows: FigureRow[] = [];
  const corners = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
    [1, 0, 0],
  ];
  corners.forEach((c, k) => {
    const [X, Y] = gibbsXY(c);
    rows.push({ layer: 'outline', X, Y, order: k });
  });
  const labelAt: Array<[number, number]> = [
    [-0.03, -0.035],
    [1.03, -0.035],
    [0.5, 0.9],
  ];
  labelAt.forEach(([X, Y], k) => rows.push({ layer: 'label', X, Y, label: labels[k] }));
  const ls = d.tieLines.filter((t) => t.liquid && t.solid);
  const step = Math.max(1, Math.ceil(ls.length / maxTieLines));
  ls.forEach((t, k) => {
    const [X, Y] = gibbsXY(t.liquid!);
    const [X2, Y2] = gibbsXY(t.solid!);
    rows.push({ layer: 'end', X, Y, phase: 'liquidus' }, { layer: 'end', X: X2, Y: Y2, phase: 'solidus' });
    if (k % step === 0) rows.push({ layer: 'tie', X, Y, X2, Y2 });
  });
  d.threePhase.forEach((tp, k) => {
    [0, 1, 2, 0].forEach((v, order) => {
      const [X, Y] = gibbsXY(tp.x[v]);
      rows.push({ layer: 'three', X, Y, order, id: k });
    });
  });
  return rows;
}

/** Vega-Lite spec of the Gibbs triangle. */
export function gibbsSpec(title: string): VegaLiteSpec {
  const X = { field: 'X', type: 'quantitative', axis: null, scale: { domain: [-0.06, 1.06] } };
  const Y = { field: 'Y', type: 'quantitative', axis: null, scale: { domain: [-0.06, 0.93] } };
  const only = (layer: string) => ({ filter: `datum.layer === '${layer}'` });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 520,
    height: 460,
    config: { ...FIGURE_CONFIG, view: { stroke: null } },
    layer: [
      { transform: [only('outline')], mark: { type: 'line', color: '#333' }, encoding: { x: X, y: Y, order: { field: 'order' } } },
      { transform: [only('label')], mark: { type: 'text', fontSize: 14 }, encoding: { x: X, y: Y, text: { field: 'label' } } },
      { transform: [only('tie')], mark: { type: 'rule', color: '#888', strokeWidth: 0.7 }, encoding: { x: X, y: Y, x2: { field: 'X2' }, y2: { field: 'Y2' } } },
      {
        transform: [only('three')],
        mark: { type: 'line', color: '#2a7', strokeWidth: 1.5 },
        encoding: { x: X, y: Y, order: { field: 'order' }, detail: { field: 'id' } },
      },
      {
        transform: [only('end')],
        mark: { type: 'point', filled: true, size: 9 },
        encoding: { x: X, y: Y, color: { field: 'phase', type: 'nominal', title: null, scale: { range: ['#c33', '#33c'] } } },
      },
    ],
  };
}

/**
 * SVG of a ternary diagram in the Gibbs triangle (liquidus red, solidus blue, tie-lines grey,
 * three-phase triangles green).
 *
 * @example await gibbsTriangleSvg(diagram, ['C', 'O', 'Ne'], 'C/O/Ne at Gamma = 175')
 */
export function gibbsTriangleSvg(d: TernaryDiagram, labels: readonly string[], title: string): Promise<string> {
  return renderSvg(gibbsSpec(title), gibbsRows(d, labels));
}
