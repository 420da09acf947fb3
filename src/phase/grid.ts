/**
 * Composition grids on the open interval (0, 1): uniform with step `step`, plus
 * geometric refinement towards both ends (each end down to `edge`, `perDecade`
 * points per decade), so that windows and tangent points at x or 1 - x << 1 are seen.
 */
export interface GridOptions {
  /** Uniform step in the bulk (default 0.005). */
  step?: number;
  /** Closest approach to x = 0 and x = 1 (default 1e-8). */
  edge?: number;
  /** Points per decade in the geometric end refinement (default 8). */
  perDecade?: number;
}

export function compositionGrid(options: GridOptions = {}): number[] {
  const step = options.step ?? 0.005;
  const edge = options.edge ?? 1e-8;
  const perDecade = options.perDecade ?? 8;
  if (!(step > 0 && step < 0.5)) throw new RangeError(`grid step must lie in (0, 0.5), got ${step}`);
  if (!(edge > 0 && edge < step)) throw new RangeError(`grid edge must lie in (0, step), got ${edge}`);
  const pts = new Set<number>();
  const n = Math.round(1 / step);
  for (let k = 1; k < n; k++) pts.add(k / n);
  const decades = Math.log10(step / edge);
  const m = Math.max(1, Math.ceil(decades * perDecade));
  for (let k = 0; k < m; k++) {
    const t = edge * Math.pow(step / edge, k / m);
    if (t < 1 / n) {
      pts.add(t);
      pts.add(1 - t);
    }
  }
  return [...pts].filter((x) => x > 0 && x < 1).sort((a, b) => a - b);
}
