export { renderFigure, renderSvg, toCsv, FIGURE_CONFIG, type FigureRow, type VegaLiteSpec, type RenderedFigure } from './render.js';
export { fig1, fig1Rows, fig1Spec, type Fig1Data } from './fig1.js';
export { fig2, fig2Rows, fig2Spec, type Fig2Data, type Fig2Diagram } from './fig2.js';
export { fig3, fig3Rows, fig3Spec, type Fig3Data } from './fig3.js';
export { fig4, fig4Rows, fig4Spec, type Fig4Data } from './fig4.js';
