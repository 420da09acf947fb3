/*
 * The Gamma ladder of the replica exchange. Neighbouring replicas swap often when their
 * energy distributions overlap: for Gaussian distributions the swap acceptance is about
 * erfc(dGamma sigma_E / (2 sqrt 2)) ... erfc(dGamma sigma_E / 2), so a ladder with a constant
 * dGamma sigma_E(Gamma) (sigma_E = standard deviation of the total energy) has uniform
 * acceptance. Since du/dGamma = -N var(u) = -sigma_E^2/N, this also puts the points where
 * the energy changes fast, which is what the thermodynamic integration needs.
 */

/** A uniform starting ladder 0 .. gammaMax with `count` points (the pilot run's). */
export function uniformLadder(gammaMax: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (gammaMax * i) / (count - 1));
}

/**
 * The adapted ladder: points at equal steps of the thermodynamic length
 * Lambda(Gamma) = integral of (sigma_E + floor) dGamma, sigma_E interpolated linearly between
 * the pilot points, with `floor` = (mean sigma_E) / 4 so that no stretch is left empty.
 * The number of points makes each step about `step` in dGamma sigma_E (at least minPoints,
 * at most maxPoints); `fixed` Gammas are inserted (the nearest point is moved onto them).
 *
 * @example adaptLadder([0, 400, 800], [10, 30, 10], 1.2).length // about 1 + 16000/1.2/... points
 */
export function adaptLadder(
  pilotGammas: number[], sigmaE: number[], step: number, fixed: number[] = [], minPoints = 8, maxPoints = 96,
): number[] {
  const gMax = pilotGammas[pilotGammas.length - 1];
  const meanSigma = sigmaE.reduce((a, b) => a + b, 0) / sigmaE.length;
  const floor = meanSigma / 4;
  const fine = 2000;
  const lam = new Float64Array(fine + 1);
  const sig = (g: number): number => {
    let i = 0;
    while (i + 2 < pilotGammas.length && pilotGammas[i + 1] < g) i++;
    const t = (g - pilotGammas[i]) / (pilotGammas[i + 1] - pilotGammas[i]);
    return (1 - t) * sigmaE[i] + t * sigmaE[i + 1] + floor;
  };
  for (let k = 1; k <= fine; k++) {
    const g0 = (gMax * (k - 1)) / fine, g1 = (gMax * k) / fine;
    lam[k] = lam[k - 1] + 0.5 * (sig(g0) + sig(g1)) * (g1 - g0);
  }
  const count = Math.min(maxPoints, Math.max(minPoints, Math.ceil(lam[fine] / step) + 1));
  const ladder: number[] = [0];
  for (let p = 1, k = 0; p < count - 1; p++) {
    const target = (lam[fine] * p) / (count - 1);
    while (lam[k + 1] < target) k++;
    const t = (target - lam[k]) / (lam[k + 1] - lam[k]);
    ladder.push((gMax * (k + t)) / fine);
  }
  ladder.push(gMax);
  for (const f of fixed) {
    if (!(f > 0 && f < gMax) || ladder.includes(f)) continue;
    let best = 1;
    for (let j = 1; j < ladder.length - 1; j++) if (Math.abs(ladder[j] - f) < Math.abs(ladder[best] - f)) best = j;
    // Move the nearest interior point onto f unless that point is itself fixed; then insert.
    if (fixed.includes(ladder[best]) || ladder.length <= 2) ladder.push(f);
    else ladder[best] = f;
    ladder.sort((a, b) => a - b);
  }
  return ladder;
}
