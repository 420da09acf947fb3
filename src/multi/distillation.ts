import { ocpMeltingGamma, firstSolid, type FirstSolidOptions, type PhaseFactory } from './liquidus.js';

/** One point of the distillation curve: a liquid on its liquidus and the first solid. */
export interface DistillationRow {
  /** Liquid number fraction of species 2 (O). */
  x2: number;
  /** Liquidus Gamma_1 (lowest charge) and T/T_1m = Gamma_1m / Gamma_1. */
  gamma: number;
  tOverT1m: number;
  liquid: number[];
  solid: number[];
  /** D = x_3(solid) / x_3(liquid). */
  D: number;
  /** x_2(solid) - x_2(liquid): enrichment of the solid in species 2 (O). */
  enrichment2: number;
  /** Tangent-plane residual (units of T) and the grid check of the first solid. */
  residual: number;
  gridMin: number;
}

/**
 * Distribution coefficient D of a third species (22Ne as a Z = 10 ion) along the liquidus of
 * the 1-2 mixture (C/O) holding x_3 fixed in the liquid (docs/physics.md section 13): for each
 * liquid x_2 on the grid, the liquidus Gamma and the first solid to form. Warm-started along x_2.
 *
 * @param z three charges (species 1, 2, 3; e.g. 6, 8, 10)
 * @param x3 liquid fraction of species 3 (e.g. 0.01, down to 1e-9)
 * @param x2s liquid fractions of species 2 (each < 1 - x3)
 * @example distillation(liquid, solid, [6, 8, 10], 0.01, [0.1, 0.5]).map((r) => r.D)
 */
export function distillation(
  liquid: PhaseFactory,
  solid: PhaseFactory,
  z: readonly number[],
  x3: number,
  x2s: readonly number[],
  onRow?: (done: number) => void,
  options: FirstSolidOptions = {},
): DistillationRow[] {
  const rows: DistillationRow[] = [];
  let guess: { gamma: number; solid: number[] } | undefined;
  for (const x2 of x2s) {
    const xl = [1 - x2 - x3, x2, x3];
    const r = firstSolid(liquid, solid, z, xl, guess, options);
    guess = { gamma: r.gamma, solid: r.solid };
    rows.push({
      x2,
      gamma: r.gamma,
      tOverT1m: ocpMeltingGamma() / r.gamma,
      liquid: xl,
      solid: r.solid,
      D: r.solid[2] / x3,
      enrichment2: r.solid[1] - x2,
      residual: r.residual,
      gridMin: r.gridMin,
    });
    onRow?.(rows.length);
  }
  return rows;
}
