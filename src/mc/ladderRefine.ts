/*
 * Refinement of the replica-exchange ladder by measured swap acceptance (docs/physics.md
 * section 12). The sigma_E-based spacing of ladder.ts assumes Gaussian energy distributions;
 * across an ordering transition with a latent-heat-like energy jump Delta E the acceptance of
 * a pair straddling it is about exp(-dGamma Delta E) whatever sigma_E, so the pair is found by
 * measuring and split until every neighbour pair swaps often enough.
 */

/** A refined ladder and, per point, the slot of the old ladder whose configuration it starts from. */
export interface LadderRefinement {
  ladder: number[];
  source: number[];
  /** Indices j of the old ladder's pairs (j, j + 1) that were split. */
  split: number[];
  /** Per point, its index in the old ladder, or -1 for an inserted point. */
  oldIndex: number[];
}

/** Points inserted into one pair at most per refinement step. */
export const MAX_INSERT_PER_PAIR = 7;

/**
 * Split every pair (j, j + 1) whose swap acceptance accepted[j]/tried[j] is below `threshold`
 * into k + 1 equal Gamma steps. If the log acceptance is about linear in dGamma (the
 * latent-heat case; the Gaussian case falls faster, so this undershoots there and the next
 * step adds more), a pair of acceptance p becomes k + 1 pairs of acceptance p^(1/(k+1)), so
 * k + 1 = ceil(ln p / ln threshold); a pair that never swapped counts as p = 1/(2 tried)
 * (k at most MAX_INSERT_PER_PAIR). A new point takes the configuration of the nearer old end.
 *
 * @example refineLadder([0, 10, 20], [10, 0], [20, 20], 0.2).ladder // [0, 10, 13.33, 16.67, 20]
 */
export function refineLadder(gammas: readonly number[], accepted: readonly number[], tried: readonly number[], threshold: number): LadderRefinement {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be in (0, 1), got ${threshold}`);
  const ladder: number[] = [gammas[0]];
  const source: number[] = [0];
  const split: number[] = [];
  const oldIndex: number[] = [0];
  for (let j = 0; j + 1 < gammas.length; j++) {
    const t = tried[j];
    const p = t > 0 ? accepted[j] / t : 0;
    if (t > 0 && p < threshold) {
      const pUpper = Math.max(p, 0.5 / t);
      const k = Math.min(MAX_INSERT_PER_PAIR, Math.max(1, Math.ceil(Math.log(pUpper) / Math.log(threshold)) - 1));
      split.push(j);
      for (let q = 1; q <= k; q++) {
        ladder.push(gammas[j] + ((gammas[j + 1] - gammas[j]) * q) / (k + 1));
        source.push(2 * q <= k + 1 ? j : j + 1);
        oldIndex.push(-1);
      }
    }
    ladder.push(gammas[j + 1]);
    source.push(j + 1);
    oldIndex.push(j + 1);
  }
  return { ladder, source, split, oldIndex };
}
