/**
 * Exchange chemical potentials mu_a = f + D_a f (docs/physics.md section 13; D_a the derivative
 * along the simplex direction e_a - x) from free-energy VALUES only, for phases whose analytic
 * gradient is not trustworthy (the SRO solid when eq. 3 is active on a cluster of cuts: its
 * multipliers, hence its envelope gradient, depend on the solver's history at the 1e-7 level,
 * while F itself agrees to 1e-16). The ideal part h = sum x ln x is split off exactly,
 * D_a h = ln x_a - sum_b x_b ln x_b, and D_a (f - h) is a five-point central difference
 * (error O(t^4) plus about 1.5 |f noise| / t). The largest fraction's potential follows from
 * sum_a x_a mu_a = f. Costs 4 (c - 1) evaluations of f.
 *
 * @param step largest step t along e_a - x (default 2e-4); it is reduced to 0.3 x_a / (1 - x_a)
 *   for small x_a so that every stencil point stays inside the simplex
 * @example finiteDifferencePotentials((x) => x[0] * Math.log(x[0]) + x[1] * Math.log(x[1]), [0.3, 0.7]) // ~[ln 0.3, ln 0.7]
 */
export function finiteDifferencePotentials(f: (x: ArrayLike<number>) => number, x: ArrayLike<number>, step = 2e-4): Float64Array {
  const c = x.length;
  let big = 0;
  for (let a = 1; a < c; a++) if (x[a] > x[big]) big = a;
  const h0 = ideal(x);
  const smooth = (y: Float64Array) => f(y) - ideal(y);
  const f0 = f(x);
  const mu = new Float64Array(c);
  let rest = f0;
  for (let a = 0; a < c; a++) {
    if (a === big || !(x[a] > 0)) continue;
    const t = Math.min(step, (0.3 * x[a]) / (1 - x[a]));
    const at = (s: number) => Float64Array.from(x, (v, b) => v + s * ((b === a ? 1 : 0) - v));
    // Five-point central difference of the smooth part along e_a - x.
    const d = (8 * (smooth(at(t)) - smooth(at(-t))) - (smooth(at(2 * t)) - smooth(at(-2 * t)))) / (12 * t);
    mu[a] = f0 + d + Math.log(x[a]) - h0;
    rest -= x[a] * mu[a];
  }
  for (let a = 0; a < c; a++) if (!(x[a] > 0)) mu[a] = -Infinity;
  mu[big] = rest / x[big];
  return mu;
}

/** The ideal part h = sum_a x_a ln x_a (terms with x_a = 0 are 0). */
function ideal(x: ArrayLike<number>): number {
  let h = 0;
  for (let a = 0; a < x.length; a++) if (x[a] > 0) h += x[a] * Math.log(x[a]);
  return h;
}
