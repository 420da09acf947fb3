/*
 * Error bars of correlated Monte Carlo series: blocking (Flyvbjerg & Petersen 1989). The
 * series is averaged in pairs repeatedly; the standard error of the mean estimated from the
 * block means grows while blocks are shorter than the correlation time and then levels off.
 * We take the largest estimate over the levels that keep at least MIN_BLOCKS blocks (a
 * conservative plateau value).
 */

/** Fewest blocks a blocking level may have to count. */
export const MIN_BLOCKS = 16;

/** Mean of a series. */
export function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}

/** Sample variance (n - 1). */
export function variance(a: ArrayLike<number>): number {
  const m = mean(a);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - m) ** 2;
  return a.length > 1 ? s / (a.length - 1) : 0;
}

/**
 * Standard error of the mean of a correlated series by blocking, and the integrated
 * autocorrelation time it implies, tau = (err^2 n / var)/2 (in samples).
 *
 * @example blockingError(Float64Array.from({ length: 1024 }, Math.random)).error // ~ 0.29/32
 */
export function blockingError(series: ArrayLike<number>): { mean: number; error: number; tau: number } {
  const n = series.length;
  const m = mean(series);
  if (n < 2) return { mean: m, error: 0, tau: 0.5 };
  let blocks = Float64Array.from(series);
  let best = Math.sqrt(variance(blocks) / blocks.length);
  while (blocks.length >= 2 * MIN_BLOCKS) {
    const next = new Float64Array(blocks.length >> 1);
    for (let i = 0; i < next.length; i++) next[i] = 0.5 * (blocks[2 * i] + blocks[2 * i + 1]);
    blocks = next;
    best = Math.max(best, Math.sqrt(variance(blocks) / blocks.length));
  }
  const v = variance(series);
  return { mean: m, error: best, tau: v > 0 ? (0.5 * best * best * n) / v : 0.5 };
}

/**
 * Binder cumulant of a scalar order parameter, U = 1 - <m^4>/(3 <m^2>^2): 0 for Gaussian
 * fluctuations about m = 0 (disorder), 2/3 for a sharp nonzero |m| (long-range order).
 */
export function binderCumulant(m: ArrayLike<number>): number {
  let m2 = 0, m4 = 0;
  for (let i = 0; i < m.length; i++) {
    const q = m[i] * m[i];
    m2 += q;
    m4 += q * q;
  }
  m2 /= m.length;
  m4 /= m.length;
  return m2 > 0 ? 1 - m4 / (3 * m2 * m2) : 0;
}

/** Jackknife error of a statistic over `blocks` contiguous blocks. */
export function jackknifeError(series: ArrayLike<number>, stat: (a: Float64Array) => number, blocks = 16): number {
  const n = series.length;
  const size = Math.floor(n / blocks);
  if (size < 1) return 0;
  const all = Float64Array.from(series).subarray(0, size * blocks);
  const values: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const rest = new Float64Array(size * (blocks - 1));
    rest.set(all.subarray(0, b * size));
    rest.set(all.subarray((b + 1) * size), b * size);
    values.push(stat(rest));
  }
  const m = values.reduce((s, v) => s + v, 0) / blocks;
  return Math.sqrt(((blocks - 1) / blocks) * values.reduce((s, v) => s + (v - m) ** 2, 0));
}
