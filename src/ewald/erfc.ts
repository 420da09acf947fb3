/**
 * Complementary error function erfc(x) for x >= 0, absolute error below 1e-16.
 * Series with positive terms for x < 3 (no cancellation), Laplace continued fraction beyond.
 * Only setup code uses it (Ewald real-space tables), never a hot loop.
 *
 * @example erfc(1) // 0.15729920705028513
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1))
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < 1e-18 * sum) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
  }
  // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  let frac = x;
  for (let n = 120; n >= 1; n--) frac = x + n / 2 / frac;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / frac;
}
