// A small interactive SVG chart (no plotting library: the app stays a few tens of kB; see
// README "The web app"): lines and symbols, axes with ticks, a tooltip with the numbers of
// the nearest point, drag a rectangle to zoom, double-click (or reset()) to zoom out, and a
// click handler in data coordinates.

const NS = 'http://www.w3.org/2000/svg';

/** One drawn series: a polyline, symbols, or both. */
export interface Series {
  name: string;
  color: string;
  /** 'line': a polyline; 'points': symbols; 'both'. */
  mark: 'line' | 'points' | 'both';
  dash?: string;
  width?: number;
  symbol?: 'circle' | 'square' | 'triangle' | 'star';
  /** Points in data coordinates, with the tooltip text of each. */
  data: Array<{ x: number; y: number; tip?: string }>;
  /** Leave out of the legend. */
  noLegend?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain?: [number, number];
  yDomain?: [number, number];
  series: Series[];
  width?: number;
  height?: number;
  /** A click (not a drag) at data coordinates. */
  onClick?: (x: number, y: number) => void;
  /** Horizontal marker line at this y (e.g. the picked Gamma). */
  marker?: number;
}

export interface Chart {
  svg: SVGSVGElement;
  reset(): void;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.appendChild(e);
  return e;
}

/** About n "nice" tick values covering [a, b]. */
export function ticks(a: number, b: number, n = 6): number[] {
  const span = b - a;
  if (!(span > 0)) return [a];
  const raw = span / n;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(a / step - 1e-9) * step; t <= b + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

function fmtTick(v: number, step: number): string {
  const digits = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  if (Math.abs(v) >= 1e-3 || v === 0 || step >= 1e-3) return v.toFixed(digits);
  return v.toExponential(1);
}

function extent(series: Series[], key: 'x' | 'y'): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (const p of s.data) {
    if (p[key] < lo) lo = p[key];
    if (p[key] > hi) hi = p[key];
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.04;
  return [lo - pad, hi + pad];
}

function symbolPath(kind: Series['symbol'], x: number, y: number, r: number): string {
  switch (kind) {
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'triangle':
      return `M${x},${y - 1.2 * r}L${x + 1.1 * r},${y + 0.8 * r}L${x - 1.1 * r},${y + 0.8 * r}z`;
    case 'star': {
      let d = '';
      for (let k = 0; k < 10; k++) {
        const a = (Math.PI * k) / 5 - Math.PI / 2;
        const rr = k % 2 === 0 ? 1.5 * r : 0.6 * r;
        d += `${k === 0 ? 'M' : 'L'}${x + rr * Math.cos(a)},${y + rr * Math.sin(a)}`;
      }
      return `${d}z`;
    }
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

type View = [[number, number], [number, number]];

/** Plot geometry: sizes, margins and the data <-> pixel maps of the current view. */
interface Frame {
  W: number;
  H: number;
  m: { l: number; r: number; t: number; b: number };
  pw: number;
  ph: number;
  view: View;
  sx(x: number): number;
  sy(y: number): number;
  ix(px: number): number;
  iy(py: number): number;
}

function frame(W: number, H: number, view: View): Frame {
  const m = { l: 78, r: 170, t: 34, b: 50 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  return {
    W, H, m, pw, ph, view,
    sx: (x) => m.l + ((x - view[0][0]) / (view[0][1] - view[0][0])) * pw,
    sy: (y) => m.t + ph - ((y - view[1][0]) / (view[1][1] - view[1][0])) * ph,
    ix: (px) => view[0][0] + ((px - m.l) / pw) * (view[0][1] - view[0][0]),
    iy: (py) => view[1][0] + ((m.t + ph - py) / ph) * (view[1][1] - view[1][0]),
  };
}

function text(parent: Element, attrs: Record<string, string | number>, content: string): void {
  el('text', attrs, parent).textContent = content;
}

/** Background, title, frame, ticks with grid lines, axis labels. */
function drawAxes(svg: SVGSVGElement, f: Frame, options: ChartOptions): void {
  const { W, H, m, pw, ph, view, sx, sy } = f;
  el('rect', { x: 0, y: 0, width: W, height: H, fill: 'white' }, svg);
  text(svg, { x: m.l + pw / 2, y: 20, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold' }, options.title);
  const axis = el('g', { stroke: '#888', fill: 'none' }, svg);
  el('rect', { x: m.l, y: m.t, width: pw, height: ph }, axis);
  const xt = ticks(view[0][0], view[0][1]);
  const yt = ticks(view[1][0], view[1][1]);
  const xs = xt.length > 1 ? xt[1] - xt[0] : 1;
  const ys = yt.length > 1 ? yt[1] - yt[0] : 1;
  for (const t of xt) {
    el('line', { x1: sx(t), x2: sx(t), y1: m.t + ph, y2: m.t + ph + 5 }, axis);
    el('line', { x1: sx(t), x2: sx(t), y1: m.t, y2: m.t + ph, stroke: '#eee' }, axis);
    text(svg, { x: sx(t), y: m.t + ph + 18, 'text-anchor': 'middle', fill: '#333' }, fmtTick(t, xs));
  }
  for (const t of yt) {
    el('line', { x1: m.l - 5, x2: m.l, y1: sy(t), y2: sy(t) }, axis);
    el('line', { x1: m.l, x2: m.l + pw, y1: sy(t), y2: sy(t), stroke: '#eee' }, axis);
    text(svg, { x: m.l - 8, y: sy(t) + 4, 'text-anchor': 'end', fill: '#333' }, fmtTick(t, ys));
  }
  text(svg, { x: m.l + pw / 2, y: H - 10, 'text-anchor': 'middle' }, options.xLabel);
  text(svg, { x: 16, y: m.t + ph / 2, 'text-anchor': 'middle', transform: `rotate(-90 16 ${m.t + ph / 2})` }, options.yLabel);
}

type ScreenPoint = { px: number; py: number; tip: string };

/** The series (clipped to the plot area), the marker line and the legend; returns the points that carry tooltips. */
function drawSeries(svg: SVGSVGElement, f: Frame, options: ChartOptions, clipId: string): ScreenPoint[] {
  const { m, pw, ph, view, sx, sy } = f;
  const clip = el('clipPath', { id: clipId }, el('defs', {}, svg));
  el('rect', { x: m.l, y: m.t, width: pw, height: ph }, clip);
  const g = el('g', { 'clip-path': `url(#${clipId})` }, svg);
  const points: ScreenPoint[] = [];
  for (const s of options.series) {
    if (s.mark !== 'points' && s.data.length > 1) {
      const d = s.data.map((p, k) => `${k === 0 ? 'M' : 'L'}${sx(p.x).toFixed(2)},${sy(p.y).toFixed(2)}`).join('');
      el('path', { d, fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? 'none' }, g);
    }
    for (const p of s.data) {
      const px = sx(p.x);
      const py = sy(p.y);
      if (s.mark !== 'line') el('path', { d: symbolPath(s.symbol, px, py, 3.2), fill: s.color, stroke: 'none' }, g);
      if (p.tip && px >= m.l && px <= m.l + pw && py >= m.t && py <= m.t + ph) points.push({ px, py, tip: p.tip });
    }
  }
  if (options.marker !== undefined && options.marker >= view[1][0] && options.marker <= view[1][1]) {
    el('line', { x1: m.l, x2: m.l + pw, y1: sy(options.marker), y2: sy(options.marker), stroke: '#c00', 'stroke-dasharray': '3,3' }, svg);
  }
  options.series.filter((s) => !s.noLegend).forEach((s, k) => {
    const y = m.t + 10 + 18 * k;
    const x = m.l + pw + 14;
    if (s.mark !== 'points') el('line', { x1: x, x2: x + 24, y1: y, y2: y, stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? 'none' }, svg);
    if (s.mark !== 'line') el('path', { d: symbolPath(s.symbol, x + 12, y, 3.5), fill: s.color }, svg);
    text(svg, { x: x + 30, y: y + 4 }, s.name);
  });
  return points;
}

let clipCount = 0;

/** Draw `options` into `host` (replacing its content); returns the SVG and a zoom reset. */
export function chart(host: HTMLElement, options: ChartOptions): Chart {
  const W = options.width ?? 720;
  const H = options.height ?? 480;
  const full: View = [options.xDomain ?? extent(options.series, 'x'), options.yDomain ?? extent(options.series, 'y')];
  const clipId = `coulomix-clip-${++clipCount}`;
  host.innerHTML = '';
  host.style.position = 'relative';
  const svg = el('svg', { xmlns: NS, width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': 'sans-serif', 'font-size': 12 });
  host.appendChild(svg);
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.style.display = 'none';
  host.appendChild(tip);
  let f = frame(W, H, full);
  let points: ScreenPoint[] = [];
  const draw = (view: View): void => {
    f = frame(W, H, view);
    svg.innerHTML = '';
    drawAxes(svg, f, options);
    points = drawSeries(svg, f, options, clipId);
  };
  draw(full);
  interact(svg, tip, () => f, () => points, draw, () => draw(full), options.onClick);
  return { svg, reset: () => draw(full) };
}

/** Tooltip of the nearest point (within 12 px), drag a rectangle to zoom, click, double-click to reset. */
function interact(
  svg: SVGSVGElement, tip: HTMLDivElement, getFrame: () => Frame, getPoints: () => ScreenPoint[],
  zoom: (view: View) => void, reset: () => void, onClick?: (x: number, y: number) => void,
): void {
  const local = (e: MouseEvent): [number, number] => {
    const r = svg.getBoundingClientRect();
    const f = getFrame();
    return [((e.clientX - r.left) * f.W) / r.width, ((e.clientY - r.top) * f.H) / r.height];
  };
  let from: [number, number] | null = null;
  let box: SVGRectElement | null = null;
  svg.addEventListener('mousedown', (e) => {
    from = local(e);
  });
  svg.addEventListener('mousemove', (e) => {
    const [x, y] = local(e);
    if (from) {
      box?.remove();
      box = el('rect', { x: Math.min(x, from[0]), y: Math.min(y, from[1]), width: Math.abs(x - from[0]), height: Math.abs(y - from[1]), fill: 'rgba(0,90,200,0.1)', stroke: '#05c' }, svg);
    }
    let best: ScreenPoint | undefined;
    let bd = 144;
    for (const p of getPoints()) {
      const d = (p.px - x) ** 2 + (p.py - y) ** 2;
      if (d < bd) [bd, best] = [d, p];
    }
    tip.style.display = best ? 'block' : 'none';
    if (best) {
      const r = svg.getBoundingClientRect();
      const f = getFrame();
      tip.textContent = best.tip;
      tip.style.left = `${(best.px * r.width) / f.W + 12}px`;
      tip.style.top = `${(best.py * r.height) / f.H + 12}px`;
    }
  });
  svg.addEventListener('mouseleave', () => {
    tip.style.display = 'none';
  });
  svg.addEventListener('mouseup', (e) => {
    const [x, y] = local(e);
    const start = from;
    from = null;
    box?.remove();
    box = null;
    if (!start) return;
    const f = getFrame();
    if (Math.abs(x - start[0]) > 6 && Math.abs(y - start[1]) > 6) {
      zoom([[f.ix(Math.min(x, start[0])), f.ix(Math.max(x, start[0]))], [f.iy(Math.max(y, start[1])), f.iy(Math.min(y, start[1]))]]);
    } else if (x >= f.m.l && x <= f.m.l + f.pw && y >= f.m.t && y <= f.m.t + f.ph) {
      onClick?.(f.ix(x), f.iy(y));
    }
  });
  svg.addEventListener('dblclick', reset);
}
