import type { LatticeSums } from '../latticeSums/types.js';
import type { Fig3Data } from '../figures/fig3.js';
import type { SroResult } from '../models/sro.js';
import { robustSro, type SroTrouble } from './sroSweeps.js';

/** One Gamma of Fig. 3. */
export interface Fig3Row {
  gamma: number;
  F: number;
  deviation: number[];
  minDeltaK: number;
  certificate: number;
}

/** Gamma_1m, then the multiples of `step` above it up to `gammaMax`. */
export function sweepGammas(gammaStart: number, step: number, gammaMax: number): number[] {
  const out = [gammaStart];
  for (let g = Math.floor(gammaStart / step + 1e-9) * step + step; g <= gammaMax + 1e-9; g += step) {
    if (g > gammaStart + 1e-9) out.push(Math.round(g * 1e9) / 1e9);
  }
  return out;
}

/**
 * Fig. 3: relative deviations (alpha_i - x^2)/x^2 of the equilibrium order parameters at
 * x = 0.5 versus Gamma, from Gamma_1m up, each minimization warm-started from the previous
 * Gamma's solution (main thread).
 */
export async function fig3Data(
  z1: number,
  z2: number,
  gammas: readonly number[],
  sums: LatticeSums,
  options: { shells: number; samplePoints: number },
  trouble: SroTrouble,
  onProgress?: (done: number) => void,
  x = 0.5,
): Promise<{ data: Fig3Data; rows: Fig3Row[] }> {
  const rows: Fig3Row[] = [];
  let prev: SroResult | undefined;
  for (let k = 0; k < gammas.length; k++) {
    const g = gammas[k];
    const r = await robustSro({ z1, z2, x }, g, sums, options, trouble, prev);
    if (r) {
      rows.push({ gamma: g, F: r.F, deviation: r.deviation, minDeltaK: r.minDeltaK, certificate: r.certificate });
      prev = r;
    }
    onProgress?.(k + 1);
    // Let the event loop hand finished pool tasks their next job.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const points = rows.flatMap((r) => r.deviation.map((value, i) => ({ gamma: r.gamma, shell: i + 1, value })));
  return { data: { x, points }, rows };
}
