/*
 * Free energy by thermodynamic integration in Gamma at fixed composition
 * (docs/physics.md section 12):  Gamma f(Gamma) = -s_0 + integral_0^Gamma u(G) dG,
 * s = Gamma (u - f), with s_0 = ln C(N, N2)/N the exact entropy of the supercell at Gamma = 0.
 * The integral is the trapezoid rule on the replica ladder; its quadrature error is estimated
 * from a second resolution (every other ladder point), its statistical error from the
 * errors of the u(Gamma_j), taken as independent. The quadrature error is |fine - coarse| at
 * the coarse points (for the trapezoid rule about three times the fine rule's own error).
 */

/** ln C(N, k)/N, the configurational entropy per site of k Z2 ions on N sites (k_B). */
export function supercellEntropy(N: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((N - k + i) / i);
  return s / N;
}

/** f, s and their errors at every ladder point (Gamma_0 = 0 has f = -Infinity: skipped by callers). */
export interface IntegratedFreeEnergy {
  /** integral_0^Gamma_j u dG (U_1 units, per ion). */
  integral: Float64Array;
  f: Float64Array;
  fError: Float64Array;
  /** Parts of fError: |fine - coarse| quadrature and statistical. */
  fQuadError: Float64Array;
  fStatError: Float64Array;
  s: Float64Array;
  sError: Float64Array;
}

function cumulativeTrapezoid(g: ArrayLike<number>, u: ArrayLike<number>, idx: number[]): Map<number, number> {
  const out = new Map<number, number>([[idx[0], 0]]);
  let acc = 0;
  for (let k = 1; k < idx.length; k++) {
    const a = idx[k - 1], b = idx[k];
    acc += 0.5 * (g[b] - g[a]) * (u[a] + u[b]);
    out.set(b, acc);
  }
  return out;
}

/**
 * Thermodynamic integration over a ladder starting at Gamma = 0.
 *
 * @param gammas ascending, gammas[0] = 0
 * @param u mean energy per ion at each Gamma (U_1)
 * @param uError its standard error
 * @param s0 entropy per ion at Gamma = 0 (k_B)
 * @example integrateFreeEnergy([0, 1, 2], [1, 1, 1], [0, 0, 0], 0).f[2] // 1
 */
export function integrateFreeEnergy(gammas: number[], u: ArrayLike<number>, uError: ArrayLike<number>, s0: number): IntegratedFreeEnergy {
  const R = gammas.length;
  if (gammas[0] !== 0) throw new RangeError('the ladder must start at Gamma = 0');
  const all = gammas.map((_, j) => j);
  const fine = cumulativeTrapezoid(gammas, u, all);
  const evenIdx = all.filter((j) => j % 2 === 0);
  if (evenIdx[evenIdx.length - 1] !== R - 1) evenIdx.push(R - 1);
  const coarse = cumulativeTrapezoid(gammas, u, evenIdx);
  const out: IntegratedFreeEnergy = {
    integral: new Float64Array(R), f: new Float64Array(R), fError: new Float64Array(R), fQuadError: new Float64Array(R),
    fStatError: new Float64Array(R), s: new Float64Array(R), sError: new Float64Array(R),
  };
  const weights = new Float64Array(R);
  for (let j = 0; j < R; j++) {
    if (j > 0) {
      weights[j - 1] += 0.5 * (gammas[j] - gammas[j - 1]);
      weights[j] = 0.5 * (gammas[j] - gammas[j - 1]);
    }
    let v = 0;
    for (let k = 0; k <= j; k++) v += (weights[k] * uError[k]) ** 2;
    const I = fine.get(j)!;
    // |fine - coarse| at the coarse points (about 3x the fine rule's error for halved steps);
    // a point between two coarse points takes the larger of its neighbours' differences.
    const diff = (q: number): number => Math.abs(fine.get(q)! - coarse.get(q)!);
    const quad = coarse.has(j) ? diff(j) : Math.max(diff(j - 1), diff(j + 1));
    const stat = Math.sqrt(v);
    const g = gammas[j];
    out.integral[j] = I;
    out.f[j] = g > 0 ? (-s0 + I) / g : -Infinity;
    out.fQuadError[j] = g > 0 ? quad / g : 0;
    out.fStatError[j] = g > 0 ? stat / g : 0;
    out.fError[j] = Math.hypot(out.fQuadError[j], out.fStatError[j]);
    out.s[j] = s0 + g * u[j] - I; // = Gamma (u - f)
    out.sError[j] = Math.hypot(g * uError[j], stat, quad);
  }
  return out;
}
