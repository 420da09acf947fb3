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

/** Draw `options` into `host` (replacing its content); returns the SVG and a zoom reset. */
export function chart(host: HTMLElement, options: ChartOptions): Chart {
  const W = options.width ?? 720;
  const H = options.height ?? 480;
  const m = { l: 78, r: 170, t: 34, b: 50 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const full: [[number, number], [number, number]] = [options.xDomain ?? extent(options.series, 'x'), options.yDomain ?? extent(options.series, 'y')];
  let view = full;
  host.innerHTML = '';
  host.style.position = 'relative';
  const svg = el('svg', { xmlns: NS, width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'font-family': 'sans-serif', 'font-size': 12 });
  host.appendChild(svg);
  const tip = document.createElement('div');
  tip.className = 'tooltip';
  tip.style.display = 'none';
  host.appendChild(tip);

  const sx = (x: number): number => m.l + ((x - view[0][0]) / (view[0][1] - view[0][0])) * pw;
  const sy = (y: number): number => m.t + ph - ((y - view[1][0]) / (view[1][1] - view[1][0])) * ph;
  const ix = (px: number): number => view[0][0] + ((px - m.l) / pw) * (view[0][1] - view[0][0]);
  const iy = (py: number): number => view[1][0] + ((m.t + ph - py) / ph) * (view[1][1] - view[1][0]);

  let screenPoints: Array<{ px: number; py: number; s: Series; tip: string }> = [];
  const draw = (): void => {
    svg.innerHTML = '';
    el('rect', { x: 0, y: 0, width: W, height: H, fill: 'white' }, svg);
    const defs = el('defs', {}, svg);
    const clip = el('clipPath', { id: `clip-${options.title.length}-${W}` }, defs);
    el('rect', { x: m.l, y: m.t, width: pw, height: ph }, clip);
    const title = el('text', { x: m.l + pw / 2, y: 20, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold' }, svg);
    title.textContent = options.title;
    // Axes and ticks
    const axis = el('g', { stroke: '#888', fill: 'none' }, svg);
    el('rect', { x: m.l, y: m.t, width: pw, height: ph }, axis);
    const xt = ticks(view[0][0], view[0][1]);
    const yt = ticks(view[1][0], view[1][1]);
    const xs = xt.length > 1 ? xt[1] - xt[0] : 1;
    const ys = yt.length > 1 ? yt[1] - yt[0] : 1;
    for (const t of xt) {
      el('line', { x1: sx(t), x2: sx(t), y1: m.t + ph, y2: m.t + ph + 5 }, axis);
      el('line', { x1: sx(t), x2: sx(t), y1: m.t, y2: m.t + ph, stroke: '#eee' }, axis);
      const lab = el('text', { x: sx(t), y: m.t + ph + 18, 'text-anchor': 'middle', fill: '#333', stroke: 'none' }, svg);
      lab.textContent = fmtTick(t, xs);
    }
    for (const t of yt) {
      el('line', { x1: m.l - 5, x2: m.l, y1: sy(t), y2: sy(t) }, axis);
      el('line', { x1: m.l, x2: m.l + pw, y1: sy(t), y2: sy(t), stroke: '#eee' }, axis);
      const lab = el('text', { x: m.l - 8, y: sy(t) + 4, 'text-anchor': 'end', fill: '#333', stroke: 'none' }, svg);
      lab.textContent = fmtTick(t, ys);
    }
    const xl = el('text', { x: m.l + pw / 2, y: H - 10, 'text-anchor': 'middle' }, svg);
    xl.textContent = options.xLabel;
    const yl = el('text', { x: 16, y: m.t + ph / 2, 'text-anchor': 'middle', transform: `rotate(-90 16 ${m.t + ph / 2})` }, svg);
    yl.textContent = options.yLabel;
    // Data
    const g = el('g', { 'clip-path': `url(#clip-${options.title.length}-${W})` }, svg);
    screenPoints = [];
    for (const s of options.series) {
      if (s.mark !== 'points' && s.data.length > 1) {
        const d = s.data.map((p, k) => `${k === 0 ? 'M' : 'L'}${sx(p.x).toFixed(2)},${sy(p.y).toFixed(2)}`).join('');
        el('path', { d, fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? 'none' }, g);
      }
      for (const p of s.data) {
        const px = sx(p.x);
        const py = sy(p.y);
        if (s.mark !== 'line') el('path', { d: symbolPath(s.symbol, px, py, 3.2), fill: s.color, stroke: 'none' }, g);
        if (p.tip && px >= m.l && px <= m.l + pw && py >= m.t && py <= m.t + ph) screenPoints.push({ px, py, s, tip: p.tip });
      }
    }
    if (options.marker !== undefined && options.marker >= view[1][0] && options.marker <= view[1][1]) {
      el('line', { x1: m.l, x2: m.l + pw, y1: sy(options.marker), y2: sy(options.marker), stroke: '#c00', 'stroke-dasharray': '3,3' }, svg);
    }
    // Legend
    const names = options.series.filter((s) => !s.noLegend);
    names.forEach((s, k) => {
      const y = m.t + 10 + 18 * k;
      const x = m.l + pw + 14;
      if (s.mark !== 'points') el('line', { x1: x, x2: x + 24, y1: y, y2: y, stroke: s.color, 'stroke-width': s.width ?? 2, 'stroke-dasharray': s.dash ?? 'none' }, svg);
      if (s.mark !== 'line') el('path', { d: symbolPath(s.symbol, x + 12, y, 3.5), fill: s.color }, svg);
      const t = el('text', { x: x + 30, y: y + 4 }, svg);
      t.textContent = s.name;
    });
  };
  draw();

  // Interaction: tooltip, drag-to-zoom, click, double-click reset.
  const local = (e: MouseEvent): [number, number] => {
    const r = svg.getBoundingClientRect();
    return [((e.clientX - r.left) * W) / r.width, ((e.clientY - r.top) * H) / r.height];
  };
  let dragFrom: [number, number] | null = null;
  let box: SVGRectElement | null = null;
  svg.addEventListener('mousedown', (e) => {
    dragFrom = local(e);
  });
  svg.addEventListener('mousemove', (e) => {
    const [x, y] = local(e);
    if (dragFrom) {
      box?.remove();
      box = el('rect', { x: Math.min(x, dragFrom[0]), y: Math.min(y, dragFrom[1]), width: Math.abs(x - dragFrom[0]), height: Math.abs(y - dragFrom[1]), fill: 'rgba(0,90,200,0.1)', stroke: '#05c' }, svg);
    }
    let best: (typeof screenPoints)[number] | undefined;
    let bd = 144; // within 12 px
    for (const p of screenPoints) {
      const d = (p.px - x) ** 2 + (p.py - y) ** 2;
      if (d < bd) {
        bd = d;
        best = p;
      }
    }
    if (best) {
      tip.style.display = 'block';
      tip.textContent = best.tip;
      const r = svg.getBoundingClientRect();
      tip.style.left = `${(best.px * r.width) / W + 12}px`;
      tip.style.top = `${(best.py * r.height) / H + 12}px`;
    } else tip.style.display = 'none';
  });
  svg.addEventListener('mouseleave', () => {
    tip.style.display = 'none';
  });
  svg.addEventListener('mouseup', (e) => {
    const [x, y] = local(e);
    const from = dragFrom;
    dragFrom = null;
    box?.remove();
    box = null;
    if (!from) return;
    if (Math.abs(x - from[0]) > 6 && Math.abs(y - from[1]) > 6) {
      const x0 = ix(Math.min(x, from[0]));
      const x1 = ix(Math.max(x, from[0]));
      const y0 = iy(Math.max(y, from[1]));
      const y1 = iy(Math.min(y, from[1]));
      view = [[x0, x1], [y0, y1]];
      draw();
    } else if (x >= m.l && x <= m.l + pw && y >= m.t && y <= m.t + ph) {
      options.onClick?.(ix(x), iy(y));
    }
  });
  svg.addEventListener('dblclick', () => {
    view = full;
    draw();
  });
  return {
    svg,
    reset: () => {
      view = full;
      draw();
    },
  };
}
